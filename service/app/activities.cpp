#include "app/activities.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "app/dialogues.hpp"
#include "domain/contribution_rules.hpp"
#include "support/ids.hpp"

namespace dialogd::app {
namespace json = boost::json;

namespace {

Failure not_open(const domain::Dialogue& d, std::string_view what) {
  return conflict(
      "dialogue-not-open", "The dialogue is not open for this",
      std::string(what) + "; the dialogue is " + std::string(domain::to_string(d.state)));
}

json::value nullable(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

// Checks the input against the dialogue (its target groups) and turns it into the stored record:
// the document every reader sees, with every member present and nulls where nothing was written.
Activity to_record(const ActivityInput& in, const domain::Dialogue& d, codec::FieldErrors& errors) {
  Activity a;
  a.method = in.method;
  a.participants_total = in.participants_total.value_or(0);
  json::object by_group;
  for (const auto& [key, n] : in.participants_by_group) {
    const std::string field = "participants.by_group." + key;
    const bool known =
        std::any_of(d.plan.target_groups.begin(), d.plan.target_groups.end(),
                    [&key = key](const domain::TargetGroup& g) { return g.key == key; });
    if (!known)
      errors.add(field, "unknown_group",
                 "'" + key + "' is not one of the dialogue's target groups");
    else if (in.participants_total && n > *in.participants_total)
      errors.add(field, "out_of_range",
                 std::to_string(n) + " is more than the activity's total of " +
                     std::to_string(*in.participants_total));
    else {
      a.by_group[key] = n;
      by_group[key] = n;
    }
  }
  a.has_public_documentation =
      in.documentation_public &&
      in.documentation_public->find_first_not_of(" \t\r\n") != std::string::npos;
  json::array members;
  for (const auto& m : in.members_present) members.emplace_back(m);
  a.document = json::serialize(json::object{
      {"method", in.method},
      {"held_on", in.held_on},
      {"place", nullable(in.place)},
      {"municipality", nullable(in.municipality)},
      {"members_present", std::move(members)},
      {"participants", json::object{{"total", in.participants_total.value_or(0)},
                                    {"by_group", std::move(by_group)}}},
      {"documentation", json::object{{"public", nullable(in.documentation_public)},
                                     {"internal", nullable(in.documentation_internal)}}}});
  if (in.source) {
    json::object doc = json::parse(a.document).as_object();
    doc["source"] = in.source->to_json();
    a.document = json::serialize(doc);
  }
  return a;
}

// The platform an activity was imported from stays with it through every edit.
std::optional<ExternalRef> stored_source(const Activity& a) {
  const json::value doc = json::parse(a.document);
  const json::value* s = doc.as_object().if_contains("source");
  if (!s || !s->is_object()) return std::nullopt;
  const auto& o = s->as_object();
  const auto text = [&](const char* k) -> std::optional<std::string> {
    const json::value* v = o.if_contains(k);
    if (!v || !v->is_string()) return std::nullopt;
    return std::string(v->as_string());
  };
  return ExternalRef{text("platform").value_or(""),
                     text("external_id").value_or(""),
                     text("url").value_or(""),
                     text("title"),
                     text("format"),
                     text("published_at")};
}

}  // namespace

Result<Activity> add_activity(Context& ctx, const std::string& dialogue_id, ActivityInput in) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  Activity a = to_record(in, *d, in.read_errors);
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  if (!domain::accepts_activities(d->state))
    return not_open(*d, "activities are added while it is in_dialogue");
  a.id = support::new_id();
  a.dialogue_id = d->id;
  a.created_at = a.updated_at = ctx.clock.now_rfc3339();
  store::ActivityRepository(ctx.db).insert(a);
  return a;
}

Result<Activity> find_activity(Context& ctx, const std::string& id) {
  auto a = store::ActivityRepository(ctx.db).find(id);
  if (!a || !find_dialogue(ctx, a->dialogue_id)) return not_found("activity '" + id + "'");
  return std::move(*a);
}

Result<std::vector<Activity>> list_activities(Context& ctx, const std::string& dialogue_id,
                                              const Page& page) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  return store::ActivityRepository(ctx.db).list(d->id, page.after, page.fetch());
}

Result<Activity> edit_activity(Context& ctx, const std::string& id, const Precondition& pre,
                               bool documentation_only, const ActivityEdit& edit) {
  auto found = find_activity(ctx, id);
  if (!found) return found.failure();
  const Activity& a = found.value();
  if (auto f = check(pre, a.version)) return *f;
  auto d = find_dialogue(ctx, a.dialogue_id);
  if (!d) return d.failure();
  if (d->state == domain::State::analysing && !documentation_only)
    return not_open(*d, "while analysing only an activity's documentation can be edited");
  if (d->state != domain::State::in_dialogue && d->state != domain::State::analysing)
    return not_open(*d,
                    "activities can be edited while in_dialogue, and documented while analysing");
  ActivityInput in = edit(a);
  if (!in.source) in.source = stored_source(a);
  Activity updated = to_record(in, *d, in.read_errors);
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  if (updated.document == a.document) return a;
  updated.id = a.id;
  updated.dialogue_id = a.dialogue_id;
  updated.version = a.version + 1;
  updated.created_at = a.created_at;
  updated.updated_at = ctx.clock.now_rfc3339();
  if (!store::ActivityRepository(ctx.db).update(updated, a.version)) return lost_update();
  return updated;
}

}  // namespace dialogd::app
