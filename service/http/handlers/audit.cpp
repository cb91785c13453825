// GET /v1/audit: the organisation's audit log, newest first (admins).
#include "app/audit.hpp"

#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

Response audit_log(RequestContext& ctx) {
  const PageRequest page = read_page(ctx);
  auto app = app_context(ctx);
  return page_of(ctx, app::audit_log(app, app_page(page)), page, [](const app::AuditEntry& e) {
    return json::object{{"id", e.id},
                        {"at", e.at},
                        {"actor", json::object{{"key_id", nullable(e.actor_key_id)},
                                               {"name", e.actor_name},
                                               {"role", e.actor_role}}},
                        {"action", e.action},
                        {"target", nullable(e.target)},
                        {"detail", nullable(e.detail)}};
  });
}

}  // namespace dialogd::http::handlers
