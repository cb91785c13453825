#pragma once
// Guards on lifecycle edges. The state machine (lifecycle.hpp) knows only which edges exist; each
// stage adds its own requirement codes in its own file by registering checks here, so a new stage
// never edits the state machine.
#include <string>
#include <string_view>
#include <vector>

#include "domain/dialogue.hpp"
#include "domain/stage_facts.hpp"

namespace dialogd::domain {

struct TransitionRequest {
  const Dialogue& dialogue;
  State to;
  std::string_view note;
  const StageFacts& facts;
};

using Unmet = std::vector<std::string>;
using RequirementCheck = void (*)(const TransitionRequest&, Unmet&);

class RequirementRegistry {
 public:
  void on_edge(State from, State to, RequirementCheck check);
  void on_entering(State to, RequirementCheck check);  // from any state
  Unmet unmet(const TransitionRequest& request) const;

 private:
  struct Entry {
    bool any_from;
    State from, to;
    RequirementCheck check;
  };
  std::vector<Entry> entries_;
};

// The registry with every stage's checks; built once.
const RequirementRegistry& requirements();

// Each stage file provides one of these.
void register_plan_requirements(RequirementRegistry& r);
void register_cancellation_requirements(RequirementRegistry& r);
void register_activity_requirements(RequirementRegistry& r);
void register_analysis_requirements(RequirementRegistry& r);
void register_feedback_requirements(RequirementRegistry& r);
void register_body_requirements(RequirementRegistry& r);

}  // namespace dialogd::domain
