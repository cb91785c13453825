// Leaving draft for planned: the implementation plan must be complete and must not overpromise.
#include <cmath>

#include "domain/requirements.hpp"

namespace dialogd::domain {
namespace {

bool blank(const std::optional<std::string>& s) {
  return !s || s->find_first_not_of(" \t\r\n") == std::string::npos;
}

bool shares_invalid(const Plan& p) {
  double sum = 0;
  for (const TargetGroup& g : p.target_groups) {
    if (!g.expected_share) return true;
    sum += *g.expected_share;
  }
  // Exclusive groups partition the population, so their shares cannot add up to more than all of
  // it.
  return p.target_groups_exclusive && sum > 1.0 + 1e-9;
}

bool feedback_plan_missing(const Plan& p) {
  return !p.feedback_plan || (p.feedback_plan->channels.empty() && blank(p.feedback_plan->promise));
}

void plan_complete(const TransitionRequest& r, Unmet& unmet) {
  const Plan& p = r.dialogue.plan;
  if (blank(p.purpose)) unmet.emplace_back("purpose_missing");
  if (p.question_areas.empty()) unmet.emplace_back("question_areas_missing");
  if (p.target_groups.empty()) unmet.emplace_back("target_groups_missing");
  if (p.methods.empty()) unmet.emplace_back("methods_missing");
  if (!p.declared_level) unmet.emplace_back("declared_level_missing");
  if (feedback_plan_missing(p)) unmet.emplace_back("feedback_plan_missing");
  if (!p.target_groups.empty() && shares_invalid(p))
    unmet.emplace_back("target_group_shares_invalid");
}

// Citizens must never be promised more influence than the design gives them (LADDER.md).
void plan_does_not_overpromise(const TransitionRequest& r, Unmet& unmet) {
  const Plan& p = r.dialogue.plan;
  if (!p.declared_level) return;
  const Classification c = classify(ladder_input(r.dialogue, r.facts.checkpoints > 0));
  if (*p.declared_level > c.level) unmet.emplace_back("ladder_overpromise");
}

void cancellation_has_reason(const TransitionRequest& r, Unmet& unmet) {
  if (r.note.find_first_not_of(" \t\r\n") == std::string_view::npos)
    unmet.emplace_back("note_missing");
}

}  // namespace

void register_plan_requirements(RequirementRegistry& r) {
  r.on_edge(State::draft, State::planned, plan_complete);
  r.on_edge(State::draft, State::planned, plan_does_not_overpromise);
}

void register_cancellation_requirements(RequirementRegistry& r) {
  r.on_entering(State::cancelled, cancellation_has_reason);
}

}  // namespace dialogd::domain
