#pragma once
// Moves a dialogue along its lifecycle through its guards. What the move owes is written in the
// same transaction: the timeline entry, the feedback of the moment it reaches, and the erasure of
// contact details on closing.
#include <string>

#include "app/context.hpp"
#include "app/dialogues.hpp"
#include "app/result.hpp"
#include "domain/state.hpp"

namespace dialogd::app {

struct TransitionInput {
  std::string dialogue_id;
  domain::State to;
  std::string note;
};

Result<DialogueView> transition_dialogue(Context& ctx, const Precondition& pre,
                                         const TransitionInput& in);

}  // namespace dialogd::app
