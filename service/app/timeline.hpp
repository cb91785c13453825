#pragma once
// A dialogue's timeline: every transition and correction, oldest first, never rewritten.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "store/timeline_repository.hpp"

namespace dialogd::app {

using TimelineEntry = store::TimelineEntry;

Result<std::vector<TimelineEntry>> timeline_of(Context& ctx, const std::string& dialogue_id,
                                               const Page& page);

}  // namespace dialogd::app
