// Leaving in_dialogue for analysing: the dialogue was held, documented and checked for who it
// reached.
#include "domain/requirements.hpp"

namespace dialogd::domain {
namespace {

void dialogue_was_held(const TransitionRequest& r, Unmet& unmet) {
  if (r.facts.documented_activities == 0) unmet.emplace_back("activities_missing");
  if (r.facts.checkpoints == 0) unmet.emplace_back("checkpoint_missing");
}

}  // namespace

void register_activity_requirements(RequirementRegistry& r) {
  r.on_edge(State::in_dialogue, State::analysing, dialogue_was_held);
}

}  // namespace dialogd::domain
