#include "app/dialogues.hpp"

#include "app/bodies.hpp"
#include "domain/body.hpp"
#include "store/dialogue_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::app {

bool visible(const Context& ctx, const domain::Dialogue& d) {
  const Actor& a = ctx.actor;
  if (a.organisation_id) return d.organisation_id == *a.organisation_id;
  if (a.role == "system") return true;
  if (a.role == "anonymous") return true;  // every dialogue's public face is public
  return false;  // an operator key acts on organisations, not on their dialogues
}

std::string organisation_of(const Context& ctx) {
  return ctx.actor.organisation_id.value_or(std::string(domain::default_organisation));
}

Result<domain::Dialogue> find_dialogue(Context& ctx, const std::string& id) {
  auto d = store::DialogueRepository(ctx.db).find(id);
  if (!d || !visible(ctx, *d)) return not_found("dialogue '" + id + "'");
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
  return create_dialogue(ctx, NewDialogue{std::move(plan), std::nullopt, std::nullopt, {}});
}

Result<DialogueView> create_dialogue(Context& ctx, NewDialogue in) {
  domain::Dialogue d;
  d.organisation_id = organisation_of(ctx);
  if (in.body_id) {
    auto body = find_body(ctx, *in.body_id);
    if (!body)
      in.read_errors.add("body_id", "invalid_value",
                         "'" + *in.body_id + "' is not a body of this organisation");
    else
      domain::apply_body_defaults(in.plan, body->principles);
  }
  if (in.plan_item) {
    if (!in.body_id)
      in.read_errors.add("plan_item", "invalid_value",
                         "a plan item belongs to a body's yearly plan: name the body_id too");
    else if (!plan_has_item(ctx, *in.body_id, *in.plan_item))
      in.read_errors.add("plan_item", "invalid_value",
                         "the body has no item '" + in.plan_item->key + "' in its plan for " +
                             std::to_string(in.plan_item->year));
  }
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  d.body_id = std::move(in.body_id);
  d.plan_item = std::move(in.plan_item);
  d.plan = std::move(in.plan);
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
  store::DialogueQuery q;
  if (filter.state) q.state = std::string(domain::to_string(*filter.state));
  q.body_id = filter.body_id;
  if (filter.year) q.year = *filter.year;
  q.before_id = page.after;
  if (ctx.actor.organisation_id)
    q.organisation_id = ctx.actor.organisation_id;
  else if (ctx.actor.anonymous_caller()) {
    q.organisation_id = filter.organisation_id;
  } else if (ctx.actor.role != "system")
    return {};
  std::vector<DialogueView> out;
  for (auto& d : repo.list(q, page.fetch())) {
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
