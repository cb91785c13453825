#pragma once
// What a feedback moment owes, written in the same transaction as the transition that makes it
// owed: one message per person who asked for feedback (in their language), one event per
// subscribed webhook, the public entry, and the moment's due date.
#include <string_view>

#include "app/context.hpp"
#include "domain/dialogue.hpp"
#include "domain/feedback.hpp"

namespace dialogd::app {

void owe_feedback(Context& ctx, const domain::Dialogue& d, domain::Moment m, std::string_view note);

}  // namespace dialogd::app
