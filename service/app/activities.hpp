#pragma once
// Activities of a dialogue: meetings, visits, digital input, each with public and internal notes.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/external_ref.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "store/activity_repository.hpp"

namespace dialogd::app {

using Activity = store::ActivityRecord;

struct ActivityInput {
  std::string method;   // domain::method_keys
  std::string held_on;  // YYYY-MM-DD
  std::optional<std::string> place, municipality;
  std::vector<std::string> members_present;
  std::optional<long long> participants_total;
  std::vector<std::pair<std::string, long long>> participants_by_group;  // target group keys
  std::optional<std::string> documentation_public, documentation_internal;
  std::optional<ExternalRef> source;  // set by an import; an edit keeps the stored one
  codec::FieldErrors read_errors;
};

Result<Activity> add_activity(Context& ctx, const std::string& dialogue_id, ActivityInput in);

Result<Activity> find_activity(Context& ctx, const std::string& id);
Result<std::vector<Activity>> list_activities(Context& ctx, const std::string& dialogue_id,
                                              const Page& page);

// An edit: given the stored activity, the whole new one. `documentation_only` says whether the
// edit touches nothing but the documentation (allowed while analysing).
using ActivityEdit = std::function<ActivityInput(const Activity& current)>;
Result<Activity> edit_activity(Context& ctx, const std::string& id, const Precondition& pre,
                               bool documentation_only, const ActivityEdit& edit);

}  // namespace dialogd::app
