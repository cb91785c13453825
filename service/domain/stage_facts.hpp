#pragma once
// What the store knows about a dialogue's stage documents, gathered before a transition is judged.
// Each stage adds the facts its guards read.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dialogd::domain {

struct StageFacts {
  long long activities = 0;
  long long documented_activities = 0;  // with public documentation
  long long participants = 0;           // sum of the activities' totals
  long long contributions = 0;
  long long checkpoints = 0;

  // Read only when a transition is judged (DialogueRepository::transition_facts).
  std::vector<std::string> need_ids;
  std::vector<std::string> needs_without_contributions;
  long long unprocessed_contributions = 0;  // no disposition and cited by no need
  bool has_report = false;
  std::vector<std::string> report_need_ids;
  std::vector<std::string> answered_need_ids;  // with measures or a reason for none
  bool has_decision = false;
  long long undecided_measures = 0;
  bool has_follow_up = false;
  long long adopted_without_status = 0;  // adopted measures with no update since the decision
  long long unsent_feedback = 0;         // feedback messages owed and not yet sent
  // The ladder steps the dialogue's body lets its dialogues declare (its principles), if it has a
  // body.
  std::optional<std::pair<int, int>> body_ladder_range;
};

}  // namespace dialogd::domain
