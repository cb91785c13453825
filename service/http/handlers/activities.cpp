// Activities of a dialogue: meetings, visits, digital input, each with public and internal notes.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/plan_json.hpp"
#include "codec/reader.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/activity_repository.hpp"
#include "store/dialogue_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 6> activity_members{
    "method", "held_on", "place", "municipality", "members_present", "participants"};
constexpr std::array<std::string_view, 7> activity_read_only{
    "id", "dialogue_id", "version", "created_at", "updated_at", "links", "kind"};

Problem dialogue_not_open(const domain::Dialogue& d, std::string_view what) {
  return Problem(
      409, "dialogue-not-open", "The dialogue is not open for this",
      std::string(what) + "; the dialogue is " + std::string(domain::to_string(d.state)));
}

// Reads a whole activity document, checking group keys against the dialogue's target groups.
store::ActivityRecord read_activity(const json::object& doc, const domain::Dialogue& d,
                                    codec::FieldErrors& errors) {
  codec::Reader r(doc, "", errors,
                  {"method", "held_on", "place", "municipality", "members_present", "participants",
                   "documentation"},
                  activity_read_only);
  store::ActivityRecord a;
  r.required("method");
  r.required("held_on");
  a.method = r.choice("method", domain::method_keys).value_or("");
  r.date("held_on");
  r.text("place", 300);
  r.text("municipality", 100);
  r.text_list("members_present", 100, 200);
  if (const json::object* p = r.object("participants")) {
    codec::Reader pr(*p, "participants", errors, {"total", "by_group"});
    const auto total = pr.integer("total", 0, 10'000'000);
    a.participants_total = total.value_or(0);
    if (const json::object* groups = pr.object("by_group")) {
      for (const auto& member : *groups) {
        const std::string key(member.key());
        const std::string field = "participants.by_group." + key;
        const bool known = std::any_of(d.plan.target_groups.begin(), d.plan.target_groups.end(),
                                       [&](const domain::TargetGroup& g) { return g.key == key; });
        if (!known) {
          errors.add(field, "unknown_group",
                     "'" + key + "' is not one of the dialogue's target groups");
          continue;
        }
        const json::value& v = member.value();
        if (!v.is_int64() && !v.is_uint64()) {
          errors.add(field, "invalid_type", "expected a whole number, got " + codec::describe(v));
          continue;
        }
        const long long n = v.is_int64() ? v.get_int64() : static_cast<long long>(v.get_uint64());
        if (n < 0)
          errors.add(field, "out_of_range", "a count cannot be negative, got " + std::to_string(n));
        else if (total && n > *total)
          errors.add(field, "out_of_range",
                     std::to_string(n) + " is more than the activity's total of " +
                         std::to_string(*total));
        else
          a.by_group[key] = n;
      }
    }
  }
  if (const json::object* doc_part = r.object("documentation")) {
    codec::Reader dr(*doc_part, "documentation", errors, {"public", "internal"});
    const auto pub = dr.text("public", 20000, false);
    dr.text("internal", 20000, false);
    a.has_public_documentation = pub && pub->find_first_not_of(" \t\r\n") != std::string::npos;
  }
  return a;
}

// The document as stored and shown: every member present, nulls where nothing was written.
json::object normalised(const json::object& doc) {
  json::object o;
  for (auto key : activity_members) o[key] = doc.contains(key) ? doc.at(key) : json::value(nullptr);
  if (!o["members_present"].is_array()) o["members_present"] = json::array{};
  json::object participants{{"total", 0}, {"by_group", json::object{}}};
  if (const auto* p = doc.if_contains("participants"); p && p->is_object()) {
    if (const auto* t = p->as_object().if_contains("total"); t && !t->is_null())
      participants["total"] = *t;
    if (const auto* g = p->as_object().if_contains("by_group"); g && g->is_object())
      participants["by_group"] = *g;
  }
  o["participants"] = std::move(participants);
  json::object documentation{{"public", nullptr}, {"internal", nullptr}};
  if (const auto* d = doc.if_contains("documentation"); d && d->is_object())
    for (const auto& m : d->as_object()) documentation[m.key()] = m.value();
  o["documentation"] = std::move(documentation);
  return o;
}

json::object activity_json(const store::ActivityRecord& a, bool editor) {
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
                           const store::ActivityRecord& a) {
  Response res = json_response(ctx, status, activity_json(a, ctx.editor()));
  res.set(bhttp::field::etag, etag_for(a.version));
  return res;
}

store::ActivityRecord load_activity(const RequestContext& ctx) {
  auto a = store::ActivityRepository(ctx.store()).find(std::string(ctx.param("id")));
  if (!a) throw not_found("activity '" + std::string(ctx.param("id")) + "'");
  return std::move(*a);
}

}  // namespace

Response create_activity(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  const domain::Dialogue d = load_dialogue(ctx);
  codec::FieldErrors errors;
  store::ActivityRecord a = read_activity(body, d, errors);
  throw_if_invalid(errors);
  if (d.state != domain::State::in_dialogue)
    throw dialogue_not_open(d, "activities are added while it is in_dialogue");
  a.id = support::new_id();
  a.dialogue_id = d.id;
  a.document = json::serialize(normalised(body));
  a.created_at = a.updated_at = ctx.services.clock.now_rfc3339();
  store::ActivityRepository(ctx.store()).insert(a);
  Response res = activity_response(ctx, bhttp::status::created, a);
  res.set(bhttp::field::location, "/v1/activities/" + a.id);
  return res;
}

Response list_activities(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  const PageRequest page = read_page(ctx);
  return page_of(ctx, store::ActivityRepository(ctx.store()).list(d.id, page.after, page.limit + 1),
                 page,
                 [&](const store::ActivityRecord& a) { return activity_json(a, ctx.editor()); });
}

Response get_activity(RequestContext& ctx) {
  return activity_response(ctx, bhttp::status::ok, load_activity(ctx));
}

Response patch_activity(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  store::ActivityRecord a = load_activity(ctx);
  check_if_match(ctx, a.version, true);
  auto d = store::DialogueRepository(ctx.store()).find(a.dialogue_id);
  const bool documentation_only = std::all_of(
      patch.begin(), patch.end(), [](const auto& m) { return m.key() == "documentation"; });
  if (d->state == domain::State::analysing && !documentation_only)
    throw dialogue_not_open(*d, "while analysing only an activity's documentation can be edited");
  if (d->state != domain::State::in_dialogue && d->state != domain::State::analysing)
    throw dialogue_not_open(
        *d, "activities can be edited while in_dialogue, and documented while analysing");
  json::value merged = json::parse(a.document);
  codec::merge_patch(merged, patch);
  codec::FieldErrors errors;
  store::ActivityRecord updated = read_activity(merged.as_object(), *d, errors);
  throw_if_invalid(errors);
  const std::string document = json::serialize(normalised(merged.as_object()));
  if (document == a.document) return activity_response(ctx, bhttp::status::ok, a);
  updated.id = a.id;
  updated.dialogue_id = a.dialogue_id;
  updated.document = document;
  updated.version = a.version + 1;
  updated.created_at = a.created_at;
  updated.updated_at = ctx.services.clock.now_rfc3339();
  if (!store::ActivityRepository(ctx.store()).update(updated, a.version)) throw lost_update();
  return activity_response(ctx, bhttp::status::ok, updated);
}

}  // namespace dialogd::http::handlers
