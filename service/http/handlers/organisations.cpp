// /v1/organisations: the tenants of one installation, managed with an operator key.
#include "app/organisations.hpp"

#include "codec/body_json.hpp"
#include "codec/plan_json.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

json::object organisation_json(const domain::Organisation& o) {
  json::object out{{"id", o.id}};
  for (auto& m : codec::organisation_document(o)) out[m.key()] = std::move(m.value());
  out["version"] = o.version;
  out["created_at"] = o.created_at;
  out["updated_at"] = o.updated_at;
  return out;
}

Response organisation_response(const RequestContext& ctx, bhttp::status status,
                               const domain::Organisation& o) {
  Response res = json_response(ctx, status, organisation_json(o));
  res.set(bhttp::field::etag, etag_for(o.version));
  return res;
}

}  // namespace

Response create_organisation(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::OrganisationInput in;
  codec::read_organisation(body, in.organisation, in.read_errors);
  auto app = app_context(ctx);
  const auto o = unwrap(app::create_organisation(app, std::move(in)));
  Response res = organisation_response(ctx, bhttp::status::created, o);
  res.set(bhttp::field::location, "/v1/organisations/" + o.id);
  return res;
}

Response list_organisations(RequestContext& ctx) {
  const PageRequest page = read_page(ctx);
  auto app = app_context(ctx);
  return page_of(ctx, app::list_organisations(app, app_page(page)), page, organisation_json);
}

Response get_organisation(RequestContext& ctx) {
  auto app = app_context(ctx);
  return organisation_response(ctx, bhttp::status::ok,
                               unwrap(app::find_organisation(app, std::string(ctx.param("id")))));
}

Response patch_organisation(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  auto app = app_context(ctx);
  const auto o = unwrap(app::edit_organisation(
      app, std::string(ctx.param("id")), precondition(ctx, true),
      [&](const domain::Organisation& current) {
        json::value merged = codec::organisation_document(current);
        codec::merge_patch(merged, patch);
        app::OrganisationInput in;
        codec::read_organisation(merged.as_object(), in.organisation, in.read_errors);
        return in;
      }));
  return organisation_response(ctx, bhttp::status::ok, o);
}

}  // namespace dialogd::http::handlers
