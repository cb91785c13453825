// Citizen contributions: the hot write path from portals, with a receipt for every contribution and
// contact details (for feedback only) stored apart and never shown by any route.
#include "app/contributions.hpp"

#include "codec/reader.hpp"
#include "domain/contribution_rules.hpp"
#include "domain/measure.hpp"
#include "http/analysis_view.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

// The JSON shape of a contribution; what it must be for the dialogue is the use case's to check.
app::ContributionInput read_contribution(const json::object& body, std::string dialogue_id) {
  app::ContributionInput in;
  in.dialogue_id = std::move(dialogue_id);
  codec::Reader r(body, "", in.read_errors,
                  {"text", "activity_id", "channel", "themes", "groups", "language", "contact"},
                  std::array<std::string_view, 4>{"id", "receipt", "dialogue_id", "created_at"});
  r.required("text");
  in.text = r.text("text", 10'000).value_or("");
  in.activity_id = r.text("activity_id", 64);
  in.channel = r.choice("channel", domain::contribution_channels);
  if (!r.has("channel") && !in.activity_id) r.required("channel");
  in.themes = r.text_list("themes", 20, 100);
  in.groups = r.text_list("groups", 100, 100);
  in.language = r.text("language", 35);
  if (const json::object* c = r.object("contact")) {
    codec::Reader cr(*c, "contact", in.read_errors, {"email", "name", "consent"});
    cr.required("email");
    app::ContactInput contact;
    contact.email = cr.text("email", 254).value_or("");
    contact.name = cr.text("name", 200);
    contact.consent = cr.boolean("consent");
    in.contact = std::move(contact);
  }
  return in;
}

Response created(RequestContext& ctx, const app::ContributionView& c) {
  Response res = json_response(ctx, bhttp::status::created, contribution_json(c));
  res.set(bhttp::field::location, "/v1/contributions/" + c.record.id);
  res.set(bhttp::field::etag, etag_for(c.record.version));
  return res;
}

// What the preparation hands to the group: the contribution, and its 201 made in advance (off the
// writing thread), sent as it is if the contribution is written as prepared.
struct PreparedAnswer {
  app::PreparedContribution contribution;
  Response answer;
};

}  // namespace

void prepare_contribution(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  auto app = app_context(ctx);
  auto p = std::make_shared<PreparedAnswer>();
  p->contribution =
      unwrap(app::prepare_contribution(app, read_contribution(body, std::string(ctx.param("id")))));
  p->answer = created(ctx, app::ContributionView{p->contribution.record, {}, std::nullopt});
  ctx.prepared = std::move(p);
}

Response create_contribution(RequestContext& ctx) {
  auto app = app_context(ctx);
  if (!ctx.prepared)  // no group commit (or an Idempotency-Key): read and checked whole here
    return created(
        ctx, unwrap(app::submit_contribution(
                 app, read_contribution(read_json_object(ctx), std::string(ctx.param("id"))))));
  auto& p = *std::static_pointer_cast<PreparedAnswer>(ctx.prepared);
  const std::string id = p.contribution.record.id, receipt = p.contribution.record.receipt;
  const auto c = unwrap(app::store_contribution(app, std::move(p.contribution)));
  // Checked again (the dialogue changed) or given another receipt code: the answer made now.
  if (c.record.id != id || c.record.receipt != receipt) return created(ctx, c);
  return std::move(p.answer);
}

Response list_contributions(RequestContext& ctx) {
  codec::FieldErrors errors;
  app::ContributionFilter filter;
  if (auto t = ctx.query_param("theme"); t && !t->empty()) filter.theme = std::string(*t);
  if (auto a = ctx.query_param("activity_id"); a && !a->empty())
    filter.activity_id = std::string(*a);
  if (auto c = ctx.query_param("channel"); c && !c->empty()) {
    const auto& known = domain::contribution_channels;
    if (std::find(known.begin(), known.end(), *c) == known.end())
      errors.add("channel", "invalid_value", "'" + std::string(*c) + "' is not a channel");
    filter.channel = std::string(*c);
  }
  const PageRequest page = read_page(ctx, errors);
  auto app = app_context(ctx);
  auto rows = app::list_contributions(app, std::string(ctx.param("id")), filter, app_page(page));
  if (!rows && rows.failure().kind == app::FailureKind::not_found) unwrap(std::move(rows));
  throw_if_invalid(errors);
  return page_of(ctx, unwrap(std::move(rows)), page,
                 [](const app::ContributionView& c) { return contribution_json(c); });
}

Response get_contribution(RequestContext& ctx) {
  auto app = app_context(ctx);
  const auto c = unwrap(app::find_contribution(app, std::string(ctx.param("id"))));
  Response res = json_response(ctx, bhttp::status::ok, contribution_json(c));
  res.set(bhttp::field::etag, etag_for(c.record.version));
  return res;
}

Response patch_contribution(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  app::DispositionInput in;
  in.contribution_id = std::string(ctx.param("id"));
  codec::Reader r(patch, "", in.read_errors, {"disposition", "reason"},
                  std::array<std::string_view, 8>{"id", "dialogue_id", "receipt", "text", "channel",
                                                  "themes", "groups", "created_at"});
  r.required("disposition");
  in.value = r.choice("disposition", domain::disposition_keys);
  in.reason = r.text("reason", 5000);
  auto app = app_context(ctx);
  const auto c = unwrap(app::record_disposition(app, precondition(ctx, true), std::move(in)));
  Response res = json_response(ctx, bhttp::status::ok, contribution_json(c));
  res.set(bhttp::field::etag, etag_for(c.record.version));
  return res;
}

}  // namespace dialogd::http::handlers
