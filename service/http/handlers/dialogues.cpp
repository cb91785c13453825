// /v1/dialogues and /v1/dialogues/{id}: create, read, list, edit the plan, delete a draft.
#include "app/dialogues.hpp"

#include "codec/plan_json.hpp"
#include "codec/reader.hpp"
#include "http/app_bridge.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

Response create_dialogue(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  codec::FieldErrors errors;
  domain::Plan plan = codec::read_plan(body, errors);
  throw_if_invalid(errors);
  auto app = app_context(ctx);
  const auto v = unwrap(app::create_dialogue(app, std::move(plan)));
  Response res = dialogue_response(ctx, bhttp::status::created, v);
  res.set(bhttp::field::location, "/v1/dialogues/" + v.dialogue.id);
  return res;
}

Response get_dialogue(RequestContext& ctx) {
  auto app = app_context(ctx);
  return dialogue_response(ctx, bhttp::status::ok,
                           unwrap(app::view_dialogue(app, std::string(ctx.param("id")))));
}

Response list_dialogues(RequestContext& ctx) {
  codec::FieldErrors errors;
  app::DialogueFilter filter;
  if (auto s = ctx.query_param("state"); s && !s->empty()) {
    filter.state = domain::parse_state(*s);
    if (!filter.state)
      errors.add("state", "invalid_value", "'" + std::string(*s) + "' is not a dialogue state");
  }
  const PageRequest page = read_page(ctx, errors);
  throw_if_invalid(errors);
  auto app = app_context(ctx);
  return page_of(ctx, app::list_dialogues(app, filter, app_page(page)), page,
                 [&](const app::DialogueView& v) { return dialogue_json(v, ctx.language()); });
}

Response patch_dialogue(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  auto app = app_context(ctx);
  // The merged document still carries any read-only or unknown member the patch named, so reading
  // it as a whole plan reports those together with every invalid value.
  const auto v =
      unwrap(app::edit_plan(app, std::string(ctx.param("id")), precondition(ctx, true),
                            [&](const domain::Plan& current, codec::FieldErrors& errors) {
                              json::value merged = codec::to_json(current);
                              codec::merge_patch(merged, patch);
                              return codec::read_plan(merged.as_object(), errors);
                            }));
  return dialogue_response(ctx, bhttp::status::ok, v);
}

Response delete_dialogue(RequestContext& ctx) {
  auto app = app_context(ctx);
  unwrap(app::delete_dialogue(app, std::string(ctx.param("id")), precondition(ctx, false)));
  return empty_response(ctx, bhttp::status::no_content);
}

}  // namespace dialogd::http::handlers
