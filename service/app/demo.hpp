#pragma once
// A complete Swedish example, made through the use cases only (the first non-HTTP caller): Region
// Norrbotten's preparatory committee on future health care, walked from the plan to the follow-up
// with the feedback owed at each moment, and one dialogue in each earlier state, so that every
// endpoint, widget and feed has something real to show.
#include <string>
#include <vector>

#include "app/context.hpp"

namespace dialogd::app {

struct DemoDialogue {
  std::string id, title, state;
  std::vector<std::string> receipts;  // of its contributions, for trying the receipt lookup
};

struct DemoSummary {
  std::vector<DemoDialogue> dialogues;  // the complete one first
};

// Runs in the caller's transaction; throws std::runtime_error naming the step if a use case
// refuses (the demo is kept valid by the tests).
DemoSummary load_demo(Context& ctx);

}  // namespace dialogd::app
