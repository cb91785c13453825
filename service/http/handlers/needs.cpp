// Needs (behov) drawn from contributions while analysing, and the disposition of every
// contribution.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/plan_json.hpp"
#include "codec/reader.hpp"
#include "domain/measure.hpp"
#include "http/analysis_view.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/contribution_repository.hpp"
#include "store/dialogue_repository.hpp"
#include "store/need_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 6> need_read_only{"id",         "dialogue_id", "version",
                                                         "created_at", "updated_at",  "links"};

void require_analysing(const domain::Dialogue& d, std::string_view what) {
  if (d.state != domain::State::analysing)
    throw wrong_state(std::string(what) + " while the dialogue is analysing; it is " +
                      std::string(domain::to_string(d.state)));
}

// Reads {title, description, contribution_ids, facts}; every cited contribution must be the
// dialogue's.
store::NeedRecord read_need(const json::object& body, const domain::Dialogue& d,
                            store::Connection& db, codec::FieldErrors& errors) {
  codec::Reader r(body, "", errors, {"title", "description", "contribution_ids", "facts"},
                  need_read_only);
  r.required("title");
  r.required("contribution_ids");
  const auto title = r.text("title", 300);
  const auto description = r.text("description", 20000, false);
  store::NeedRecord n;
  const auto ids = r.text_list("contribution_ids", 10000, 64);
  if (r.get("contribution_ids") && r.get("contribution_ids")->is_array() &&
      r.get("contribution_ids")->as_array().empty())
    errors.add("contribution_ids", "too_short", "a need is backed by at least one contribution");
  store::ContributionRepository contributions(db);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto c = contributions.find(ids[i]);
    if (!c || c->dialogue_id != d.id)
      errors.add(codec::path_index("contribution_ids", i), "invalid_value",
                 "'" + ids[i] + "' is not a contribution of this dialogue");
    else if (std::find(n.contribution_ids.begin(), n.contribution_ids.end(), ids[i]) !=
             n.contribution_ids.end())
      errors.add(codec::path_index("contribution_ids", i), "duplicate",
                 "'" + ids[i] + "' is listed twice");
    else
      n.contribution_ids.push_back(ids[i]);
  }
  json::array facts;
  r.object_list("facts", [&](const json::object& fo, const std::string& path) {
    codec::Reader f(fo, path, errors, {"source", "text"});
    f.required("text");
    const auto source = f.text("source", 500);
    const auto text = f.text("text", 5000);
    if (text)
      facts.push_back(json::object{{"source", source ? json::value(*source) : json::value(nullptr)},
                                   {"text", *text}});
  });
  n.document = json::serialize(
      json::object{{"title", title.value_or("")},
                   {"description", description ? json::value(*description) : json::value(nullptr)},
                   {"facts", std::move(facts)}});
  return n;
}

Response need_response(const RequestContext& ctx, bhttp::status status,
                       const store::NeedRecord& n) {
  Response res = json_response(ctx, status, need_json(n));
  res.set(bhttp::field::etag, etag_for(n.version));
  return res;
}

}  // namespace

Response create_need(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  const domain::Dialogue d = load_dialogue(ctx);
  codec::FieldErrors errors;
  store::NeedRecord n = read_need(body, d, ctx.store(), errors);
  throw_if_invalid(errors);
  require_analysing(d, "needs are written");
  n.id = support::new_id();
  n.dialogue_id = d.id;
  n.created_at = n.updated_at = ctx.services.clock.now_rfc3339();
  store::NeedRepository(ctx.store()).insert(n);
  Response res = need_response(ctx, bhttp::status::created, n);
  res.set(bhttp::field::location, "/v1/needs/" + n.id);
  return res;
}

Response list_needs(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  const PageRequest page = read_page(ctx);
  return page_of(ctx, store::NeedRepository(ctx.store()).list(d.id, page.after, page.limit + 1),
                 page, need_json);
}

Response get_need(RequestContext& ctx) {
  auto n = store::NeedRepository(ctx.store()).find(std::string(ctx.param("id")));
  if (!n) throw not_found("need '" + std::string(ctx.param("id")) + "'");
  return need_response(ctx, bhttp::status::ok, *n);
}

Response patch_need(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  store::NeedRepository needs(ctx.store());
  auto n = needs.find(std::string(ctx.param("id")));
  if (!n) throw not_found("need '" + std::string(ctx.param("id")) + "'");
  check_if_match(ctx, n->version, true);
  const auto d = store::DialogueRepository(ctx.store()).find(n->dialogue_id);
  json::value merged = json::parse(n->document);
  json::array ids;
  for (const auto& c : n->contribution_ids) ids.emplace_back(c);
  merged.as_object()["contribution_ids"] = std::move(ids);
  codec::merge_patch(merged, patch);
  codec::FieldErrors errors;
  store::NeedRecord updated = read_need(merged.as_object(), *d, ctx.store(), errors);
  throw_if_invalid(errors);
  require_analysing(*d, "needs are edited");
  updated.id = n->id;
  updated.dialogue_id = n->dialogue_id;
  updated.version = n->version + 1;
  updated.created_at = n->created_at;
  updated.updated_at = ctx.services.clock.now_rfc3339();
  if (!needs.update(updated, n->version)) throw lost_update();
  return need_response(ctx, bhttp::status::ok, updated);
}

Response patch_contribution(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  store::ContributionRepository contributions(ctx.store());
  const std::string id(ctx.param("id"));
  auto c = contributions.find(id);
  if (!c) throw not_found("contribution '" + id + "'");
  check_if_match(ctx, c->version, true);
  codec::FieldErrors errors;
  codec::Reader r(patch, "", errors, {"disposition", "reason"},
                  std::array<std::string_view, 8>{"id", "dialogue_id", "receipt", "text", "channel",
                                                  "themes", "groups", "created_at"});
  r.required("disposition");
  const auto disposition = r.choice("disposition", domain::disposition_keys);
  const auto reason = r.text("reason", 5000);
  const bool cited = !store::NeedRepository(ctx.store()).citing(id).empty();
  if (disposition && domain::disposition_needs_reason(*disposition) && !reason)
    errors.add("reason", "required",
               "say why the contribution went no further: a reason is required for '" +
                   *disposition + "'");
  if (disposition == "need" && !cited)
    errors.add("disposition", "invalid_value",
               "'need' is set by citing the contribution in a need; no need cites it");
  throw_if_invalid(errors);
  const auto d = store::DialogueRepository(ctx.store()).find(c->dialogue_id);
  require_analysing(*d, "contributions are disposed of");
  contributions.set_disposition(id, {*disposition, reason}, ctx.services.clock.now_rfc3339());
  contributions.bump_version(id);
  c->version += 1;
  Response res = json_response(ctx, bhttp::status::ok, contribution_json(ctx.store(), *c));
  res.set(bhttp::field::etag, etag_for(c->version));
  return res;
}

}  // namespace dialogd::http::handlers
