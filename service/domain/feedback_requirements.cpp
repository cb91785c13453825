// Leaving followed_up for closed: nothing owed to participants may remain unsent.
#include "domain/requirements.hpp"

namespace dialogd::domain {
namespace {

void nothing_owed(const TransitionRequest& r, Unmet& unmet) {
  if (r.facts.unsent_feedback > 0) unmet.emplace_back("feedback_outstanding");
}

}  // namespace

void register_feedback_requirements(RequirementRegistry& r) {
  r.on_edge(State::followed_up, State::closed, nothing_owed);
}

}  // namespace dialogd::domain
