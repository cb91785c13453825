#include "app/needs.hpp"

#include <boost/json/serialize.hpp>

#include "app/dialogues.hpp"
#include "store/contribution_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::app {
namespace json = boost::json;

namespace {

std::optional<Failure> require_analysing(const domain::Dialogue& d, std::string_view what) {
  if (d.state == domain::State::analysing) return std::nullopt;
  return wrong_state(std::string(what) + " while the dialogue is analysing; it is " +
                     std::string(domain::to_string(d.state)));
}

// Every cited contribution must be the dialogue's, once.
Need to_record(Context& ctx, const NeedInput& in, const domain::Dialogue& d,
               codec::FieldErrors& errors) {
  Need n;
  if (in.contribution_ids_given && in.contribution_ids.empty())
    errors.add("contribution_ids", "too_short", "a need is backed by at least one contribution");
  store::ContributionRepository contributions(ctx.db);
  for (std::size_t i = 0; i < in.contribution_ids.size(); ++i) {
    const auto& id = in.contribution_ids[i];
    const auto c = contributions.find(id);
    if (!c || c->dialogue_id != d.id)
      errors.add(codec::path_index("contribution_ids", i), "invalid_value",
                 "'" + id + "' is not a contribution of this dialogue");
    else if (std::find(n.contribution_ids.begin(), n.contribution_ids.end(), id) !=
             n.contribution_ids.end())
      errors.add(codec::path_index("contribution_ids", i), "duplicate",
                 "'" + id + "' is listed twice");
    else
      n.contribution_ids.push_back(id);
  }
  json::array facts;
  for (const auto& f : in.facts)
    facts.push_back(json::object{
        {"source", f.source ? json::value(*f.source) : json::value(nullptr)}, {"text", f.text}});
  n.document = json::serialize(json::object{
      {"title", in.title},
      {"description", in.description ? json::value(*in.description) : json::value(nullptr)},
      {"facts", std::move(facts)}});
  return n;
}

}  // namespace

Result<Need> record_need(Context& ctx, const std::string& dialogue_id, NeedInput in) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  Need n = to_record(ctx, in, *d, in.read_errors);
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  if (auto f = require_analysing(*d, "needs are written")) return *f;
  n.id = support::new_id();
  n.dialogue_id = d->id;
  n.created_at = n.updated_at = ctx.clock.now_rfc3339();
  store::NeedRepository(ctx.db).insert(n);
  return n;
}

Result<Need> find_need(Context& ctx, const std::string& id) {
  auto n = store::NeedRepository(ctx.db).find(id);
  if (!n || !find_dialogue(ctx, n->dialogue_id)) return not_found("need '" + id + "'");
  return std::move(*n);
}

Result<std::vector<Need>> list_needs(Context& ctx, const std::string& dialogue_id,
                                     const Page& page) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  return store::NeedRepository(ctx.db).list(d->id, page.after, page.fetch());
}

Result<Need> edit_need(Context& ctx, const std::string& id, const Precondition& pre,
                       const NeedEdit& edit) {
  auto found = find_need(ctx, id);
  if (!found) return found.failure();
  const Need& n = found.value();
  if (auto f = check(pre, n.version)) return *f;
  auto d = find_dialogue(ctx, n.dialogue_id);
  if (!d) return d.failure();
  NeedInput in = edit(n);
  Need updated = to_record(ctx, in, *d, in.read_errors);
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  if (auto f = require_analysing(*d, "needs are edited")) return *f;
  updated.id = n.id;
  updated.dialogue_id = n.dialogue_id;
  updated.version = n.version + 1;
  updated.created_at = n.created_at;
  updated.updated_at = ctx.clock.now_rfc3339();
  if (!store::NeedRepository(ctx.db).update(updated, n.version)) return lost_update();
  return updated;
}

}  // namespace dialogd::app
