// /v1/dialogues and /v1/dialogues/{id}: create, read, list, edit the plan, delete a draft.
#include <boost/json/parse.hpp>

#include "codec/plan_json.hpp"
#include "codec/reader.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/dialogue_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

Response create_dialogue(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  codec::FieldErrors errors;
  domain::Dialogue d;
  d.plan = codec::read_plan(body, errors);
  throw_if_invalid(errors);
  d.id = support::new_id();
  d.state = domain::State::draft;
  d.version = 1;
  d.created_at = d.updated_at = ctx.services.clock.now_rfc3339();
  store::DialogueRepository(ctx.store()).insert(d);
  Response res = dialogue_response(ctx, bhttp::status::created, d);
  res.set(bhttp::field::location, "/v1/dialogues/" + d.id);
  return res;
}

Response get_dialogue(RequestContext& ctx) {
  return dialogue_response(ctx, bhttp::status::ok, load_dialogue(ctx));
}

Response list_dialogues(RequestContext& ctx) {
  codec::FieldErrors errors;
  std::optional<std::string> state;
  if (auto s = ctx.query_param("state"); s && !s->empty()) {
    if (!domain::parse_state(*s))
      errors.add("state", "invalid_value", "'" + std::string(*s) + "' is not a dialogue state");
    state = std::string(*s);
  }
  const PageRequest page = read_page(ctx, errors);
  throw_if_invalid(errors);
  store::DialogueRepository repo(ctx.store());
  return page_of(ctx, repo.list(state, page.after, page.limit + 1), page,
                 [&](const domain::Dialogue& d) {
                   return dialogue_json(d, repo.facts(d.id), ctx.language());
                 });
}

Response patch_dialogue(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  domain::Dialogue d = load_dialogue(ctx);
  check_if_match(ctx, d.version, true);
  if (!domain::plan_editable(d.state))
    throw Problem(
        409, "plan-locked", "The plan is locked",
        "the plan can be changed only while the dialogue is draft, planned or preparing; it is " +
            std::string(domain::to_string(d.state)));
  // The merged document still carries any read-only or unknown member the patch named, so reading
  // it as a whole plan reports those together with every invalid value.
  codec::FieldErrors errors;
  json::value merged = codec::to_json(d.plan);
  codec::merge_patch(merged, patch);
  domain::Plan plan = codec::read_plan(merged.as_object(), errors);
  throw_if_invalid(errors);
  if (plan == d.plan) return dialogue_response(ctx, bhttp::status::ok, d);
  const auto expected = d.version;
  d.plan = std::move(plan);
  d.version += 1;
  d.updated_at = ctx.services.clock.now_rfc3339();
  if (!store::DialogueRepository(ctx.store()).update(d, expected)) throw lost_update();
  return dialogue_response(ctx, bhttp::status::ok, d);
}

Response delete_dialogue(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  check_if_match(ctx, d.version, false);
  if (d.state != domain::State::draft)
    throw wrong_state("only a draft can be deleted; this dialogue is " +
                      std::string(domain::to_string(d.state)) + " (cancel it instead)");
  if (!store::DialogueRepository(ctx.store()).remove(d.id, d.version)) throw lost_update();
  return empty_response(ctx, bhttp::status::no_content);
}

}  // namespace dialogd::http::handlers
