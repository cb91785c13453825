#pragma once
// How needs, contributions (with their disposition), measures and the trace of a contribution look
// in the API. Shared by the handlers of several resources.
#include <boost/json/object.hpp>

#include "store/connection.hpp"
#include "store/contribution_repository.hpp"
#include "store/measure_repository.hpp"
#include "store/need_repository.hpp"

namespace dialogd::http {

boost::json::object need_json(const store::NeedRecord& n);
// The contribution with its disposition: `need` whenever a need cites it, else what was recorded.
boost::json::object contribution_json(store::Connection& db, const store::ContributionRecord& c);
// The same from what is already known (a new contribution: no needs, no disposition).
boost::json::object contribution_json(
    const store::ContributionRecord& c, const std::vector<store::NeedRecord>& citing,
    const std::optional<store::ContributionRepository::Disposition>& recorded);
boost::json::object measure_json(const store::MeasureRecord& m, bool with_history);
// The chain from a contribution to its outcome: what a citizen with the receipt may read.
boost::json::object trace_json(store::Connection& db, const store::ContributionRecord& c);

}  // namespace dialogd::http
