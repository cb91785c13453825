#include "app/health.hpp"

#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {

// Reaching this handler means a connection was leased; one round trip proves the store answers.
Response health(RequestContext& ctx) {
  auto app = app_context(ctx);
  app::check_store(app);
  return json_response(ctx, bhttp::status::ok,
                       boost::json::object{{"status", "ok"}, {"store", ctx.services.store_name}});
}

}  // namespace dialogd::http::handlers
