// /v1/dialogues and /v1/dialogues/{id}: create, read, list, edit the plan, delete a draft.
#include "app/dialogues.hpp"

#include <charconv>
#include "codec/plan_json.hpp"

#include "codec/reader.hpp"
#include "domain/body.hpp"
#include "http/app_bridge.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

// body_id and plan_item name where a dialogue belongs; the rest of the body is its plan.
app::NewDialogue read_new_dialogue(json::object body) {
  app::NewDialogue in;
  auto& errors = in.read_errors;
  if (const auto* b = body.if_contains("body_id"); b && !b->is_null()) {
    if (b->is_string() && !b->as_string().empty() && b->as_string().size() <= 64)
      in.body_id = std::string(b->as_string());
    else
      errors.add("body_id", "invalid_type", "expected a body's id, got " + codec::describe(*b));
  }
  if (const auto* p = body.if_contains("plan_item"); p && !p->is_null()) {
    if (!p->is_object()) {
      errors.add("plan_item", "invalid_type",
                 "expected {\"year\": 2027, \"key\": \"...\"}, got " + codec::describe(*p));
    } else {
      codec::Reader r(p->as_object(), "plan_item", errors, {"year", "key"});
      r.required("year");
      r.required("key");
      const auto year = r.integer("year", domain::first_plan_year, domain::last_plan_year);
      const auto key = r.text("key", 64);
      if (year && key) in.plan_item = domain::PlanItemRef{static_cast<int>(*year), *key};
    }
  }
  body.erase("body_id");
  body.erase("plan_item");
  in.plan = codec::read_plan(body, errors);
  return in;
}

}  // namespace

Response create_dialogue(RequestContext& ctx) {
  app::NewDialogue in = read_new_dialogue(read_json_object(ctx));
  auto app = app_context(ctx);
  const auto v = unwrap(app::create_dialogue(app, std::move(in)));
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
  if (auto b = ctx.query_param("body_id"); b && !b->empty()) filter.body_id = std::string(*b);
  if (auto o = ctx.query_param("organisation_id"); o && !o->empty())
    filter.organisation_id = std::string(*o);
  if (auto y = ctx.query_param("year"); y && !y->empty()) {
    int year = 0;
    const auto [end, ec] = std::from_chars(y->data(), y->data() + y->size(), year);
    if (ec != std::errc() || end != y->data() + y->size() || year < domain::first_plan_year ||
        year > domain::last_plan_year)
      errors.add("year", "out_of_range",
                 "'" + std::string(*y) + "' is not a year from 2000 to 2100");
    else
      filter.year = year;
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
