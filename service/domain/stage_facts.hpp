#pragma once
// What the store knows about a dialogue's stage documents, gathered before a transition is judged.
// Each stage adds the facts its guards read.
namespace dialogd::domain {

struct StageFacts {
  int checkpoints = 0;
};

}  // namespace dialogd::domain
