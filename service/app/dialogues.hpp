#pragma once
// Dialogues: create, read, list, edit the plan, delete a draft.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "domain/dialogue.hpp"
#include "domain/ladder.hpp"
#include "domain/stage_facts.hpp"

namespace dialogd::app {

// A dialogue with the counts every answer about it shows.
struct DialogueView {
  domain::Dialogue dialogue;
  domain::StageFacts facts;
};

Result<domain::Dialogue> find_dialogue(Context& ctx, const std::string& id);
Result<DialogueView> view_dialogue(Context& ctx, const std::string& id);
DialogueView view_of(Context& ctx, domain::Dialogue d);

Result<DialogueView> create_dialogue(Context& ctx, domain::Plan plan);

struct DialogueFilter {
  std::optional<domain::State> state;
};
std::vector<DialogueView> list_dialogues(Context& ctx, const DialogueFilter& filter,
                                         const Page& page);

// An edit of the plan: given the current plan, the new one, with any invalid field reported.
using PlanEdit = std::function<domain::Plan(const domain::Plan& current, codec::FieldErrors&)>;
Result<DialogueView> edit_plan(Context& ctx, const std::string& id, const Precondition& pre,
                               const PlanEdit& edit);

Result<Done> delete_dialogue(Context& ctx, const std::string& id, const Precondition& pre);

struct DialogueLadder {
  domain::Classification classification;
  std::optional<int> declared;
};
Result<DialogueLadder> dialogue_ladder(Context& ctx, const std::string& id, domain::Language lang);

}  // namespace dialogd::app
