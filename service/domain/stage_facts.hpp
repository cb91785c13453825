#pragma once
// What the store knows about a dialogue's stage documents, gathered before a transition is judged.
// Each stage adds the facts its guards read.
namespace dialogd::domain {

struct StageFacts {
  long long activities = 0;
  long long documented_activities = 0;  // with public documentation
  long long participants = 0;           // sum of the activities' totals
  long long contributions = 0;
  long long checkpoints = 0;
};

}  // namespace dialogd::domain
