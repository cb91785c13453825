#include "app/dialogues.hpp"

#include "store/dialogue_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::app {

Result<domain::Dialogue> find_dialogue(Context& ctx, const std::string& id) {
  auto d = store::DialogueRepository(ctx.db).find(id);
  if (!d) return not_found("dialogue '" + id + "'");
  return std::move(*d);
}

DialogueView view_of(Context& ctx, domain::Dialogue d) {
  auto facts = store::DialogueRepository(ctx.db).facts(d.id);
  return {std::move(d), std::move(facts)};
}

Result<DialogueView> view_dialogue(Context& ctx, const std::string& id) {
  auto d = find_dialogue(ctx, id);
  if (!d) return d.failure();
  return view_of(ctx, std::move(d).value());
}

Result<DialogueView> create_dialogue(Context& ctx, domain::Plan plan) {
  domain::Dialogue d;
  d.plan = std::move(plan);
  d.id = support::new_id();
  d.state = domain::State::draft;
  d.version = 1;
  d.created_at = d.updated_at = ctx.clock.now_rfc3339();
  store::DialogueRepository(ctx.db).insert(d);
  return view_of(ctx, std::move(d));
}

std::vector<DialogueView> list_dialogues(Context& ctx, const DialogueFilter& filter,
                                         const Page& page) {
  store::DialogueRepository repo(ctx.db);
  std::optional<std::string> state;
  if (filter.state) state = std::string(domain::to_string(*filter.state));
  std::vector<DialogueView> out;
  for (auto& d : repo.list(state, page.after, page.fetch())) {
    auto facts = repo.facts(d.id);
    out.push_back({std::move(d), std::move(facts)});
  }
  return out;
}

Result<DialogueView> edit_plan(Context& ctx, const std::string& id, const Precondition& pre,
                               const PlanEdit& edit) {
  auto found = find_dialogue(ctx, id);
  if (!found) return found.failure();
  domain::Dialogue d = std::move(found).value();
  if (auto f = check(pre, d.version)) return *f;
  if (!domain::plan_editable(d.state))
    return conflict(
        "plan-locked", "The plan is locked",
        "the plan can be changed only while the dialogue is draft, planned or preparing; it is " +
            std::string(domain::to_string(d.state)));
  codec::FieldErrors errors;
  domain::Plan plan = edit(d.plan, errors);
  if (!errors.empty()) return invalid(errors);
  if (plan == d.plan) return view_of(ctx, std::move(d));
  const auto expected = d.version;
  d.plan = std::move(plan);
  d.version += 1;
  d.updated_at = ctx.clock.now_rfc3339();
  if (!store::DialogueRepository(ctx.db).update(d, expected)) return lost_update();
  return view_of(ctx, std::move(d));
}

Result<Done> delete_dialogue(Context& ctx, const std::string& id, const Precondition& pre) {
  auto d = find_dialogue(ctx, id);
  if (!d) return d.failure();
  if (auto f = check(pre, d->version)) return *f;
  if (d->state != domain::State::draft)
    return wrong_state("only a draft can be deleted; this dialogue is " +
                       std::string(domain::to_string(d->state)) + " (cancel it instead)");
  if (!store::DialogueRepository(ctx.db).remove(d->id, d->version)) return lost_update();
  return Done{};
}

Result<DialogueLadder> dialogue_ladder(Context& ctx, const std::string& id, domain::Language lang) {
  auto v = view_dialogue(ctx, id);
  if (!v) return v.failure();
  const auto& d = v->dialogue;
  return DialogueLadder{domain::classify(domain::ladder_input(d, v->facts.checkpoints > 0), lang),
                        d.plan.declared_level};
}

}  // namespace dialogd::app
