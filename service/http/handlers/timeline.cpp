// GET /v1/dialogues/{id}/timeline: every transition and correction, oldest first, never rewritten.
#include "app/timeline.hpp"

#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

Response dialogue_timeline(RequestContext& ctx) {
  const PageRequest page = read_page(ctx);
  auto app = app_context(ctx);
  auto entries = unwrap(app::timeline_of(app, std::string(ctx.param("id")), app_page(page)));
  return page_of(ctx, std::move(entries), page, [&](const app::TimelineEntry& e) {
    json::object o{{"at", e.at}, {"kind", e.kind}};
    if (e.kind == "transition") {
      o["from"] = nullable(e.from_state);
      o["to"] = nullable(e.to_state);
    }
    if (e.document) o["document"] = *e.document;
    o["note"] = nullable(e.note);
    // Elected members and officials act under their key's name; the public sees the role.
    o["actor"] = ctx.editor() ? e.actor_name : e.actor_role;
    return o;
  });
}

}  // namespace dialogd::http::handlers
