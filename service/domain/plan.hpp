#pragma once
// A dialogue's plan (genomförandeplan): everything an official writes before the dialogue is held.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/ladder.hpp"

namespace dialogd::domain {

struct TargetGroup {
  std::string key;
  std::string label;
  std::optional<double> expected_share;  // 0..1; may be missing in a draft
  bool operator==(const TargetGroup&) const = default;
};

inline constexpr std::array<std::string_view, 4> feedback_channel_keys{"email", "web", "media",
                                                                       "letter"};
inline constexpr int default_feedback_days = 30;

struct FeedbackPlan {
  std::vector<std::string> channels;
  std::optional<std::string> promise;
  int days_after_report = default_feedback_days;
  int days_after_decision = default_feedback_days;
  bool operator==(const FeedbackPlan&) const = default;
};

struct Period {
  std::optional<Date> start;
  std::optional<Date> end;
  bool operator==(const Period&) const = default;
};

inline constexpr double default_representation_threshold = 0.5;

struct Plan {
  std::string title;
  std::optional<std::string> body;
  std::optional<std::string> case_number;
  std::optional<std::string> informs_decision;
  std::vector<std::string> question_areas;
  std::optional<std::string> purpose;
  std::vector<TargetGroup> target_groups;
  bool target_groups_exclusive = false;
  std::vector<std::string> methods;
  std::optional<int> declared_level;
  std::optional<FeedbackPlan> feedback_plan;
  std::optional<Period> period;
  std::optional<Design> design;
  double representation_threshold = default_representation_threshold;
  bool operator==(const Plan&) const = default;

  bool has_feedback_plan() const { return feedback_plan.has_value(); }
};

}  // namespace dialogd::domain
