#include <soci/soci.h>

#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"

namespace dialogd::http::handlers {

// Reaching this handler means a connection was leased; one round trip proves the store answers.
Response health(RequestContext& ctx) {
  int one = 0;
  ctx.store().sql() << "SELECT 1", soci::into(one);
  return json_response(ctx, bhttp::status::ok,
                       boost::json::object{{"status", "ok"}, {"store", ctx.services.store_name}});
}

}  // namespace dialogd::http::handlers
