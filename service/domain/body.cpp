#include "domain/body.hpp"

#include <algorithm>

namespace dialogd::domain {

void apply_body_defaults(Plan& plan, const BodyPrinciples& p) {
  if (plan.target_groups.empty()) plan.target_groups = p.target_groups;
  if (!plan.feedback_plan) {
    FeedbackPlan f;
    f.days_after_report = f.days_after_decision = p.feedback_days;
    plan.feedback_plan = f;
  }
}

bool within_principles(const Plan& plan, const BodyPrinciples& p) {
  if (!plan.declared_level) return true;
  return *plan.declared_level >= p.ladder_min && *plan.declared_level <= p.ladder_max;
}

std::string_view to_string(ItemStatus s) {
  switch (s) {
    case ItemStatus::not_started:
      return "not_started";
    case ItemStatus::started:
      return "started";
    case ItemStatus::finished:
      return "finished";
    case ItemStatus::cancelled:
      return "cancelled";
  }
  return "not_started";
}

ItemOutcome outcome_of(const std::vector<DialogueOutcome>& dialogues) {
  ItemOutcome o;
  o.dialogues = dialogues;
  if (dialogues.empty()) return o;
  const auto reached = [](State s) {
    return s == State::decided || s == State::followed_up || s == State::closed;
  };
  if (std::any_of(dialogues.begin(), dialogues.end(),
                  [&](const DialogueOutcome& d) { return reached(d.state); }))
    o.status = ItemStatus::finished;
  else if (std::all_of(dialogues.begin(), dialogues.end(),
                       [](const DialogueOutcome& d) { return d.state == State::cancelled; }))
    o.status = ItemStatus::cancelled;
  else
    o.status = ItemStatus::started;
  return o;
}

PlanTotals totals_of(const std::vector<ItemOutcome>& items) {
  PlanTotals t;
  for (const auto& i : items) {
    ++t.planned;
    switch (i.status) {
      case ItemStatus::not_started:
        ++t.not_started;
        break;
      case ItemStatus::started:
        ++t.started;
        break;
      case ItemStatus::finished:
        ++t.finished;
        break;
      case ItemStatus::cancelled:
        ++t.cancelled;
        break;
    }
    t.dialogues += static_cast<long long>(i.dialogues.size());
    for (const auto& d : i.dialogues) t.overdue_feedback += d.overdue_feedback;
  }
  return t;
}

}  // namespace dialogd::domain
