#include "domain/requirements.hpp"

#include <algorithm>

namespace dialogd::domain {

void RequirementRegistry::on_edge(State from, State to, RequirementCheck check) {
  entries_.push_back({false, from, to, check});
}

void RequirementRegistry::on_entering(State to, RequirementCheck check) {
  entries_.push_back({true, to, to, check});
}

Unmet RequirementRegistry::unmet(const TransitionRequest& request) const {
  Unmet out;
  for (const Entry& e : entries_)
    if (e.to == request.to && (e.any_from || e.from == request.dialogue.state))
      e.check(request, out);
  // A code is reported once even when two checks find it.
  Unmet unique;
  for (auto& code : out)
    if (std::find(unique.begin(), unique.end(), code) == unique.end()) unique.push_back(code);
  return unique;
}

const RequirementRegistry& requirements() {
  static const RequirementRegistry registry = [] {
    RequirementRegistry r;
    register_plan_requirements(r);
    register_cancellation_requirements(r);
    register_activity_requirements(r);
    register_analysis_requirements(r);
    register_feedback_requirements(r);
    register_body_requirements(r);
    return r;
  }();
  return registry;
}

}  // namespace dialogd::domain
