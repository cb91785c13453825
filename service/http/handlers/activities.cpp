// Activities of a dialogue: meetings, visits, digital input, each with public and internal notes.
#include "app/activities.hpp"

#include <boost/json/parse.hpp>

#include "codec/plan_json.hpp"
#include "codec/reader.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 8> activity_read_only{
    "id", "dialogue_id", "version", "created_at", "updated_at", "links", "kind", "source"};

// The JSON shape of a whole activity; its group keys are checked against the plan by the use case.
app::ActivityInput read_activity(const json::object& doc) {
  app::ActivityInput a;
  auto& errors = a.read_errors;
  codec::Reader r(doc, "", errors,
                  {"method", "held_on", "place", "municipality", "members_present", "participants",
                   "documentation"},
                  activity_read_only);
  r.required("method");
  r.required("held_on");
  a.method = r.choice("method", domain::method_keys).value_or("");
  if (auto held = r.date("held_on")) a.held_on = held->to_string();
  if (const auto* raw = r.get("held_on"); raw && raw->is_string())
    a.held_on = std::string(raw->as_string());  // stored as written
  a.place = r.text("place", 300);
  a.municipality = r.text("municipality", 100);
  a.members_present = r.text_list("members_present", 100, 200);
  if (const json::object* p = r.object("participants")) {
    codec::Reader pr(*p, "participants", errors, {"total", "by_group"});
    a.participants_total = pr.integer("total", 0, 10'000'000);
    if (const json::object* groups = pr.object("by_group")) {
      for (const auto& member : *groups) {
        const std::string key(member.key());
        const std::string field = "participants.by_group." + key;
        const json::value& v = member.value();
        if (!v.is_int64() && !v.is_uint64()) {
          errors.add(field, "invalid_type", "expected a whole number, got " + codec::describe(v));
          continue;
        }
        const long long n = v.is_int64() ? v.get_int64() : static_cast<long long>(v.get_uint64());
        if (n < 0)
          errors.add(field, "out_of_range", "a count cannot be negative, got " + std::to_string(n));
        else
          a.participants_by_group.emplace_back(key, n);
      }
    }
  }
  if (const json::object* doc_part = r.object("documentation")) {
    codec::Reader dr(*doc_part, "documentation", errors, {"public", "internal"});
    a.documentation_public = dr.text("public", 20000, false);
    a.documentation_internal = dr.text("internal", 20000, false);
  }
  return a;
}

json::object activity_json(const app::Activity& a, bool editor) {
  json::object o{{"id", a.id}, {"dialogue_id", a.dialogue_id}};
  append_document(o, a.document);
  // Internal reflections and lessons are never published (seed 003's template).
  if (!editor) o["documentation"].as_object().erase("internal");
  o["version"] = a.version;
  o["created_at"] = a.created_at;
  o["updated_at"] = a.updated_at;
  return o;
}

Response activity_response(const RequestContext& ctx, bhttp::status status,
                           const app::Activity& a) {
  Response res = json_response(ctx, status, activity_json(a, ctx.editor()));
  res.set(bhttp::field::etag, etag_for(a.version));
  return res;
}

}  // namespace

Response create_activity(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  auto app = app_context(ctx);
  const auto a = unwrap(app::add_activity(app, std::string(ctx.param("id")), read_activity(body)));
  Response res = activity_response(ctx, bhttp::status::created, a);
  res.set(bhttp::field::location, "/v1/activities/" + a.id);
  return res;
}

Response list_activities(RequestContext& ctx) {
  auto app = app_context(ctx);
  const PageRequest page = read_page(ctx);
  return page_of(ctx,
                 unwrap(app::list_activities(app, std::string(ctx.param("id")), app_page(page))),
                 page, [&](const app::Activity& a) { return activity_json(a, ctx.editor()); });
}

Response get_activity(RequestContext& ctx) {
  auto app = app_context(ctx);
  return activity_response(ctx, bhttp::status::ok,
                           unwrap(app::find_activity(app, std::string(ctx.param("id")))));
}

Response patch_activity(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  const bool documentation_only = std::all_of(
      patch.begin(), patch.end(), [](const auto& m) { return m.key() == "documentation"; });
  auto app = app_context(ctx);
  const auto a =
      unwrap(app::edit_activity(app, std::string(ctx.param("id")), precondition(ctx, true),
                                documentation_only, [&](const app::Activity& current) {
                                  json::value merged = json::parse(current.document);
                                  // The import's source is kept by the use case, not rewritten.
                                  if (!patch.contains("source")) merged.as_object().erase("source");
                                  codec::merge_patch(merged, patch);
                                  return read_activity(merged.as_object());
                                }));
  return activity_response(ctx, bhttp::status::ok, a);
}

}  // namespace dialogd::http::handlers
