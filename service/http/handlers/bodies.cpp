// /v1/bodies: an organisation's political bodies with their principles for citizen dialogue, and
// each body's yearly implementation plan answered beside what became of it.
#include "app/bodies.hpp"

#include <charconv>

#include "codec/body_json.hpp"
#include "codec/plan_json.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

json::object body_json(const domain::Body& b) {
  json::object out{{"id", b.id}, {"organisation_id", b.organisation_id}};
  for (auto& m : codec::body_document(b)) out[m.key()] = std::move(m.value());
  out["version"] = b.version;
  out["created_at"] = b.created_at;
  out["updated_at"] = b.updated_at;
  return out;
}

Response body_response(const RequestContext& ctx, bhttp::status status, const domain::Body& b) {
  Response res = json_response(ctx, status, body_json(b));
  res.set(bhttp::field::etag, etag_for(b.version));
  return res;
}

// The {year} of the path: a whole number (its range is the use case's to check).
int path_year(const RequestContext& ctx) {
  const std::string_view text = ctx.param("year");
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() > 4)
    throw validation_failed("year", "invalid_value",
                            "'" + std::string(text) + "' is not a year such as 2027");
  return year;
}

json::object plan_json(const app::StoredPlan& p) {
  json::object out{{"body_id", p.body_id}};
  for (auto& m : codec::plan_document(p.plan)) out[m.key()] = std::move(m.value());
  out["version"] = p.version;
  out["created_at"] = p.created_at;
  out["updated_at"] = p.updated_at;
  return out;
}

json::object outcome_json(const domain::ItemOutcome& o) {
  json::array dialogues;
  for (const auto& d : o.dialogues)
    dialogues.push_back(json::object{{"id", d.id},
                                     {"title", d.title},
                                     {"state", domain::to_string(d.state)},
                                     {"ladder_step", d.ladder_step},
                                     {"feedback_coverage", d.feedback_coverage},
                                     {"overdue_feedback", d.overdue_feedback}});
  return {{"status", domain::to_string(o.status)}, {"dialogues", std::move(dialogues)}};
}

}  // namespace

Response create_body(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::BodyInput in;
  codec::read_body(body, in.body, in.read_errors);
  auto app = app_context(ctx);
  const auto b = unwrap(app::create_body(app, std::move(in)));
  Response res = body_response(ctx, bhttp::status::created, b);
  res.set(bhttp::field::location, "/v1/bodies/" + b.id);
  return res;
}

Response list_bodies(RequestContext& ctx) {
  const PageRequest page = read_page(ctx);
  auto app = app_context(ctx);
  return page_of(ctx, app::list_bodies(app, app_page(page)), page, body_json);
}

Response get_body(RequestContext& ctx) {
  auto app = app_context(ctx);
  return body_response(ctx, bhttp::status::ok,
                       unwrap(app::find_body(app, std::string(ctx.param("id")))));
}

Response patch_body(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  auto app = app_context(ctx);
  const auto b = unwrap(app::edit_body(
      app, std::string(ctx.param("id")), precondition(ctx, true), [&](const domain::Body& current) {
        json::value merged = codec::body_document(current);
        codec::merge_patch(merged, patch);
        app::BodyInput in;
        codec::read_body(merged.as_object(), in.body, in.read_errors);
        return in;
      }));
  return body_response(ctx, bhttp::status::ok, b);
}

Response put_body_plan(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  const int year = path_year(ctx);
  app::PlanInput in;
  in.plan = codec::read_implementation_plan(body, in.read_errors);
  auto app = app_context(ctx);
  const auto p = unwrap(app::write_plan(app, std::string(ctx.param("id")), year,
                                        precondition(ctx, false), std::move(in)));
  Response res =
      json_response(ctx, p.created ? bhttp::status::created : bhttp::status::ok, plan_json(p));
  res.set(bhttp::field::etag, etag_for(p.version));
  if (p.created) res.set(bhttp::field::location, std::string(ctx.path));
  return res;
}

Response get_body_plan(RequestContext& ctx) {
  const int year = path_year(ctx);
  auto app = app_context(ctx);
  const auto p = unwrap(app::plan_with_outcome(app, std::string(ctx.param("id")), year));
  json::object out = plan_json(p.stored);
  json::array items = out["items"].as_array();
  for (std::size_t i = 0; i < items.size() && i < p.items.size(); ++i)
    items[i].as_object()["outcome"] = outcome_json(p.items[i]);
  out["items"] = std::move(items);
  const auto& t = p.totals;
  out["totals"] = json::object{{"planned", t.planned},
                               {"not_started", t.not_started},
                               {"started", t.started},
                               {"finished", t.finished},
                               {"cancelled", t.cancelled},
                               {"dialogues", t.dialogues},
                               {"overdue_feedback", t.overdue_feedback}};
  Response res = json_response(ctx, bhttp::status::ok, out);
  res.set(bhttp::field::etag, etag_for(p.stored.version));
  return res;
}

Response list_body_plans(RequestContext& ctx) {
  auto app = app_context(ctx);
  json::array items;
  for (const auto& p : unwrap(app::list_plans(app, std::string(ctx.param("id")))))
    items.push_back(json::object{{"year", p.plan.year},
                                 {"items", static_cast<std::int64_t>(p.plan.items.size())},
                                 {"version", p.version},
                                 {"updated_at", p.updated_at}});
  return json_response(ctx, bhttp::status::ok,
                       json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

}  // namespace dialogd::http::handlers
