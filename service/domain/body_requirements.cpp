// Leaving draft: a dialogue's declared ladder step must lie within its body's principles.
#include "domain/requirements.hpp"

namespace dialogd::domain {
namespace {

void within_body_principles(const TransitionRequest& r, Unmet& unmet) {
  const auto& range = r.facts.body_ladder_range;
  const auto& level = r.dialogue.plan.declared_level;
  if (range && level && (*level < range->first || *level > range->second))
    unmet.emplace_back("outside_body_principles");
}

}  // namespace

void register_body_requirements(RequirementRegistry& r) {
  r.on_edge(State::draft, State::planned, within_body_principles);
}

}  // namespace dialogd::domain
