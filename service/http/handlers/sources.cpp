// /v1/dialogues/{id}/sources: link a dialogue to a Decidim participatory process. Credentials for
// writing back are accepted and never shown again.
#include "app/sources.hpp"

#include "decidim_app/exports.hpp"
#include "decidim_app/sync_source.hpp"
#include "http/decidim_schedule.hpp"

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
          {"last_write_back", nullable(s.last_write_back_at)},
          {"process", s.process ? json::parse(*s.process) : json::value(nullptr)},
          {"created_at", s.created_at}};
}

json::object sync_json(const decidim_app::SyncReport& r) {
  const auto& i = r.import;
  const auto& w = r.write_back;
  return {{"ok", r.ok()},
          {"import",
           {{"done", r.imported},
            {"skipped_because", nullable(r.import_skipped)},
            {"created", i.created},
            {"updated", i.updated},
            {"unchanged", i.unchanged},
            {"skipped", i.skipped},
            {"pages", i.pages},
            {"error", i.ok ? json::value(nullptr) : json::value(i.last_error)}}},
          {"write_back",
           {{"attempted", w.attempted},
            {"answers_sent", w.answers_sent},
            {"answers_unchanged", w.answers_unchanged},
            {"results_created", w.results_created},
            {"results_updated", w.results_updated},
            {"results_unchanged", w.results_unchanged},
            {"error", nullable(w.error)}}},
          {"source", source_json(r.source)}};
}

// A file of the export, sent as a download; the dialogue's editors only.
Response download(RequestContext& ctx, std::string body, std::string_view type,
                  std::string_view filename) {
  Response res{bhttp::status::ok, ctx.req.version()};
  res.set(bhttp::field::content_type, type);
  res.set(bhttp::field::content_disposition,
          "attachment; filename=\"" + std::string(filename) + "\"");
  res.set(bhttp::field::cache_control, "no-store");
  res.body() = std::move(body);
  res.keep_alive(ctx.req.keep_alive());
  res.prepare_payload();
  return res;
}

std::optional<std::string> source_param(RequestContext& ctx) {
  if (auto s = ctx.query_param("source"); s && !s->empty()) return std::string(*s);
  return std::nullopt;
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
  // The first sync starts by itself, in the background, once this link is committed.
  if (ctx.services.decidim && ctx.services.config.decidim_sync_on_link)
    ctx.services.decidim->linked();
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

// Runs without the dispatcher's transaction (Route::own_transactions): each page commits alone, and
// no lock is held while Decidim answers.
Response sync_source(RequestContext& ctx) {
  decidim_app::SyncOptions options;
  const auto& config = ctx.services.config;
  options.allow_private = config.allow_private_webhooks;
  options.total_timeout = config.decidim_timeout;
  options.page_size = config.decidim_page_size;
  options.claim_wait = config.decidim_timeout;  // e.g. the first sync, started by the link
  auto app = app_context(ctx);
  const auto report = unwrap(decidim_app::sync_source(app, std::string(ctx.param("id")),
                                                      std::string(ctx.param("sid")), options));
  return json_response(ctx, bhttp::status::ok, sync_json(report));
}

Response export_decidim_results(RequestContext& ctx) {
  auto app = app_context(ctx);
  const std::string id(ctx.param("id"));
  return download(ctx, unwrap(decidim_app::export_results_csv(app, id, source_param(ctx))),
                  "text/csv; charset=utf-8", "results-" + id + ".csv");
}

Response export_decidim_answers(RequestContext& ctx) {
  auto app = app_context(ctx);
  const std::string id(ctx.param("id"));
  return download(ctx,
                  unwrap(decidim_app::export_proposal_answers_json(app, id, source_param(ctx))),
                  "application/json", "proposal-answers-" + id + ".json");
}

}  // namespace dialogd::http::handlers
