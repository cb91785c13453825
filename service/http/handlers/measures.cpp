// Measures: proposed by the board, decided by the council, followed with append-only status
// updates.
#include "app/measures.hpp"

#include "codec/reader.hpp"
#include "domain/measure.hpp"
#include "http/analysis_view.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

// A measure's ETag counts its status updates: every update is a new version.
std::string measure_etag(const app::Measure& m) {
  return etag_for(static_cast<std::int64_t>(m.updates.size()) + 1);
}

}  // namespace

Response list_measures(RequestContext& ctx) {
  auto app = app_context(ctx);
  json::array items;
  for (const auto& m : unwrap(app::list_measures(app, std::string(ctx.param("id")))))
    items.push_back(measure_json(m, false));
  return json_response(ctx, bhttp::status::ok,
                       json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

Response get_measure(RequestContext& ctx) {
  auto app = app_context(ctx);
  const auto m = unwrap(app::find_measure(app, std::string(ctx.param("id"))));
  Response res = json_response(ctx, bhttp::status::ok, measure_json(m, true));
  res.set(bhttp::field::etag, measure_etag(m));
  return res;
}

Response add_measure_update(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::MeasureUpdateInput in;
  codec::Reader r(body, "", in.read_errors, {"on", "status", "progress", "note"});
  r.required("on");
  r.required("status");
  if (auto on = r.date("on")) in.on = on->to_string();
  in.status = r.choice("status", domain::measure_status_keys).value_or("");
  if (auto p = r.integer("progress", 0, 100)) in.progress = static_cast<int>(*p);
  in.note = r.text("note", 5000);
  auto app = app_context(ctx);
  const auto m = unwrap(app::update_measure(app, std::string(ctx.param("id")), std::move(in)));
  Response res = json_response(ctx, bhttp::status::created, measure_json(m, true));
  res.set(bhttp::field::location, "/v1/measures/" + m.id);
  res.set(bhttp::field::etag, measure_etag(m));
  return res;
}

}  // namespace dialogd::http::handlers
