#pragma once
// What a feedback moment owes, written in the same transaction as the transition that makes it
// owed: one message per person who asked for feedback (in their language), one event per subscribed
// webhook, the public entry, and the moment's due date.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "domain/dialogue.hpp"
#include "domain/feedback.hpp"
#include "store/connection.hpp"
#include "support/clock.hpp"

namespace dialogd::http {

void owe_feedback(store::Connection& db, const support::Clock& clock, const domain::Dialogue& d,
                  domain::Moment m, std::string_view note, std::string_view public_url);

// A trace (analysis_view.hpp) read back as the domain's outcome of one contribution.
domain::ContributionOutcome outcome_of(const boost::json::object& trace);

}  // namespace dialogd::http
