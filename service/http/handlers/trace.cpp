// What became of a contribution: for editors by id, for anyone holding the receipt by its code.
#include "app/trace.hpp"

#include "http/analysis_view.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {

Response contribution_trace(RequestContext& ctx) {
  auto app = app_context(ctx);
  return json_response(
      ctx, bhttp::status::ok,
      trace_json(unwrap(app::trace_contribution(app, std::string(ctx.param("id"))))));
}

Response receipt(RequestContext& ctx) {
  auto app = app_context(ctx);
  return json_response(ctx, bhttp::status::ok,
                       trace_json(unwrap(app::trace_receipt(app, ctx.param("code")))));
}

}  // namespace dialogd::http::handlers
