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

// Whether the actor may see the dialogue: a key sees its own organisation's; anonymous callers see
// every dialogue's public face (the routes that answer them show public data only). Another
// organisation's dialogue is "not found" to a key, never "forbidden", so its existence is not
// revealed.
bool visible(const Context& ctx, const domain::Dialogue& d);
// The organisation new resources of this actor belong to.
std::string organisation_of(const Context& ctx);

Result<domain::Dialogue> find_dialogue(Context& ctx, const std::string& id);
Result<DialogueView> view_dialogue(Context& ctx, const std::string& id);
DialogueView view_of(Context& ctx, domain::Dialogue d);

struct NewDialogue {
  domain::Plan plan;
  std::optional<std::string> body_id;
  std::optional<domain::PlanItemRef> plan_item;
  codec::FieldErrors read_errors;
};
Result<DialogueView> create_dialogue(Context& ctx, NewDialogue in);
Result<DialogueView> create_dialogue(Context& ctx, domain::Plan plan);

struct DialogueFilter {
  std::optional<domain::State> state;
  std::optional<std::string> body_id;
  std::optional<int> year;
  std::optional<std::string> organisation_id;  // for anonymous callers; keys see their own
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
