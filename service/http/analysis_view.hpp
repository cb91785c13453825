#pragma once
// How needs, contributions (with their disposition), measures and the trace of a contribution look
// in the API. Shared by the handlers of several resources.
#include <boost/json/object.hpp>

#include "app/contributions.hpp"
#include "app/measures.hpp"
#include "app/needs.hpp"
#include "app/trace.hpp"

namespace dialogd::http {

boost::json::object need_json(const app::Need& n);
boost::json::object contribution_json(const app::ContributionView& c);
boost::json::object measure_json(const app::Measure& m, bool with_history);
// The chain from a contribution to its outcome: what a citizen with the receipt may read.
boost::json::object trace_json(const app::Trace& t);

}  // namespace dialogd::http
