// Needs (behov) drawn from contributions while analysing.
#include "app/needs.hpp"

#include <boost/json/parse.hpp>

#include "codec/plan_json.hpp"
#include "codec/reader.hpp"
#include "http/analysis_view.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 6> need_read_only{"id",         "dialogue_id", "version",
                                                         "created_at", "updated_at",  "links"};

// The JSON shape of {title, description, contribution_ids, facts}.
app::NeedInput read_need(const json::object& body) {
  app::NeedInput n;
  codec::Reader r(body, "", n.read_errors, {"title", "description", "contribution_ids", "facts"},
                  need_read_only);
  r.required("title");
  r.required("contribution_ids");
  n.title = r.text("title", 300).value_or("");
  n.description = r.text("description", 20000, false);
  n.contribution_ids = r.text_list("contribution_ids", 10000, 64);
  const auto* ids = r.get("contribution_ids");
  n.contribution_ids_given = ids && ids->is_array();
  r.object_list("facts", [&](const json::object& fo, const std::string& path) {
    codec::Reader f(fo, path, n.read_errors, {"source", "text"});
    f.required("text");
    const auto source = f.text("source", 500);
    const auto text = f.text("text", 5000);
    if (text) n.facts.push_back({source, *text});
  });
  return n;
}

Response need_response(const RequestContext& ctx, bhttp::status status, const app::Need& n) {
  Response res = json_response(ctx, status, need_json(n));
  res.set(bhttp::field::etag, etag_for(n.version));
  return res;
}

}  // namespace

Response create_need(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  auto app = app_context(ctx);
  const auto n = unwrap(app::record_need(app, std::string(ctx.param("id")), read_need(body)));
  Response res = need_response(ctx, bhttp::status::created, n);
  res.set(bhttp::field::location, "/v1/needs/" + n.id);
  return res;
}

Response list_needs(RequestContext& ctx) {
  auto app = app_context(ctx);
  const PageRequest page = read_page(ctx);
  return page_of(ctx, unwrap(app::list_needs(app, std::string(ctx.param("id")), app_page(page))),
                 page, need_json);
}

Response get_need(RequestContext& ctx) {
  auto app = app_context(ctx);
  return need_response(ctx, bhttp::status::ok,
                       unwrap(app::find_need(app, std::string(ctx.param("id")))));
}

Response patch_need(RequestContext& ctx) {
  const json::object patch = read_json_object(ctx, BodyKind::merge_patch);
  auto app = app_context(ctx);
  const auto n = unwrap(app::edit_need(app, std::string(ctx.param("id")), precondition(ctx, true),
                                       [&](const app::Need& current) {
                                         json::value merged = json::parse(current.document);
                                         json::array ids;
                                         for (const auto& c : current.contribution_ids)
                                           ids.emplace_back(c);
                                         merged.as_object()["contribution_ids"] = std::move(ids);
                                         codec::merge_patch(merged, patch);
                                         return read_need(merged.as_object());
                                       }));
  return need_response(ctx, bhttp::status::ok, n);
}

}  // namespace dialogd::http::handlers
