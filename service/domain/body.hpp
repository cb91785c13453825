#pragma once
// Political bodies (the council, boards, committees, the council's preparatory committees), the
// principles each fixes for its citizen dialogues, and its yearly implementation plan
// (genomförandeplan): question areas, purpose, target groups and the dialogues it plans.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dialogue.hpp"
#include "domain/plan.hpp"

namespace dialogd::domain {

inline constexpr std::array<std::string_view, 4> body_kind_keys{"council", "board", "committee",
                                                                "preparatory_committee"};

struct BodyPrinciples {
  int ladder_min = 1, ladder_max = 5;  // the steps its dialogues may declare
  int feedback_days = default_feedback_days;
  std::vector<TargetGroup> target_groups;  // the population template its dialogues start from
  std::vector<std::string> languages;      // e.g. sv, en, fi, se (meänkieli, samiska)
  bool operator==(const BodyPrinciples&) const = default;
};

struct Body {
  std::string id, organisation_id, name;
  std::optional<std::string> name_en;
  std::string kind;
  BodyPrinciples principles;
  long long version = 1;
  std::string created_at, updated_at;
};

// A new dialogue's plan takes the body's defaults where it gives none.
void apply_body_defaults(Plan& plan, const BodyPrinciples& p);
// Whether a declared step lies inside the body's range (no declared step is not outside it).
bool within_principles(const Plan& plan, const BodyPrinciples& p);

inline constexpr int first_plan_year = 2000, last_plan_year = 2100;

struct PlannedDialogue {
  std::string key, title, question_area;
  int quarter = 1;  // 1..4
  std::vector<std::string> methods;
};

struct ImplementationPlan {
  int year = 0;
  std::vector<std::string> question_areas;
  std::optional<std::string> purpose;
  std::vector<TargetGroup> target_groups;
  std::vector<PlannedDialogue> items;
};

// What became of one planned dialogue: the dialogues created from it, summarised.
struct DialogueOutcome {
  std::string id, title;
  State state = State::draft;
  int ladder_step = 0;
  double feedback_coverage = 0;  // share of contributions traced to an outcome
  long long overdue_feedback = 0;
};

enum class ItemStatus { not_started, started, finished, cancelled };
std::string_view to_string(ItemStatus s);

struct ItemOutcome {
  ItemStatus status = ItemStatus::not_started;
  std::vector<DialogueOutcome> dialogues;
};

struct PlanTotals {
  long long planned = 0, not_started = 0, started = 0, finished = 0, cancelled = 0, dialogues = 0,
            overdue_feedback = 0;
};

// finished: a dialogue of the item has reached decided or later; started: one is past draft or
// under way; cancelled: all its dialogues were cancelled; otherwise not_started.
ItemOutcome outcome_of(const std::vector<DialogueOutcome>& dialogues);
PlanTotals totals_of(const std::vector<ItemOutcome>& items);

}  // namespace dialogd::domain
