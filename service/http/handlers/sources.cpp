// /v1/dialogues/{id}/sources: link a dialogue to a Decidim participatory process. Credentials for
// writing back are accepted and never shown again.
#include "app/sources.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/reader.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

json::object source_json(const app::Source& s) {
  return {{"id", s.id},
          {"dialogue_id", s.dialogue_id},
          {"kind", s.kind},
          {"base_url", s.base_url},
          {"process_id", s.process_id},
          {"components", json::parse(s.components)},
          {"write_back", s.has_credentials},
          {"last_sync", nullable(s.last_sync_at)},
          {"counts", json::parse(s.counts)},
          {"last_error", nullable(s.last_error)},
          {"created_at", s.created_at}};
}

}  // namespace

Response create_source(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::SourceInput in;
  codec::Reader r(body, "", in.read_errors,
                  {"kind", "base_url", "process_id", "components", "credentials"},
                  std::array<std::string_view, 6>{"id", "dialogue_id", "write_back", "last_sync",
                                                  "counts", "created_at"});
  r.required("kind");
  r.required("base_url");
  r.required("process_id");
  in.kind = r.text("kind", 20).value_or("");
  in.base_url = r.text("base_url", 500).value_or("");
  if (const auto* p = r.get("process_id"); p && (p->is_int64() || p->is_uint64()))
    in.process_id = json::serialize(*p);  // Decidim's ids are numbers; kept as text
  else
    in.process_id = r.text("process_id", 64).value_or("");
  in.components = r.text_list("components", 50, 64);
  if (const json::object* c = r.object("credentials")) {
    codec::Reader cr(*c, "credentials", in.read_errors, {"api_key", "api_secret"});
    cr.required("api_key");
    cr.required("api_secret");
    const auto key = cr.text("api_key", 500), secret = cr.text("api_secret", 500);
    if (key && secret) in.credentials = app::SourceCredentials{*key, *secret};
  }
  in.allow_private = ctx.services.config.allow_private_webhooks;
  auto app = app_context(ctx);
  const auto s = unwrap(app::link_source(app, std::string(ctx.param("id")), std::move(in)));
  Response res = json_response(ctx, bhttp::status::created, source_json(s));
  res.set(bhttp::field::location, "/v1/dialogues/" + s.dialogue_id + "/sources/" + s.id);
  return res;
}

Response list_sources(RequestContext& ctx) {
  auto app = app_context(ctx);
  json::array items;
  for (const auto& s : unwrap(app::list_sources(app, std::string(ctx.param("id")))))
    items.push_back(source_json(s));
  return json_response(ctx, bhttp::status::ok,
                       json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

}  // namespace dialogd::http::handlers
