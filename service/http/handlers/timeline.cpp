// GET /v1/dialogues/{id}/timeline: every transition and correction, oldest first, never rewritten.
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "store/timeline_repository.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

Response dialogue_timeline(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  const PageRequest page = read_page(ctx);
  return page_of(ctx, store::TimelineRepository(ctx.store()).list(d.id, page.after, page.limit + 1),
                 page, [&](const store::TimelineEntry& e) {
                   json::object o{{"at", e.at}, {"kind", e.kind}};
                   if (e.kind == "transition") {
                     o["from"] = nullable(e.from_state);
                     o["to"] = nullable(e.to_state);
                   }
                   if (e.document) o["document"] = *e.document;
                   o["note"] = nullable(e.note);
                   // Elected members and officials act under their key's name; the public sees the
                   // role.
                   o["actor"] = ctx.editor() ? e.actor_name : e.actor_role;
                   return o;
                 });
}

}  // namespace dialogd::http::handlers
