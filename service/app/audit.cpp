#include "app/audit.hpp"

#include "app/dialogues.hpp"
#include "support/ids.hpp"

namespace dialogd::app {

void audit(Context& ctx, std::string action, std::optional<std::string> target,
           std::optional<std::string> detail, std::optional<std::string> organisation_id) {
  store::AuditEntry e;
  e.id = support::new_id();
  e.organisation_id = organisation_id ? organisation_id : ctx.actor.organisation_id;
  e.at = ctx.clock.now_rfc3339();
  if (!ctx.actor.key_id.empty()) e.actor_key_id = ctx.actor.key_id;
  e.actor_name = ctx.actor.name;
  e.actor_role = ctx.actor.role;
  e.action = std::move(action);
  e.target = std::move(target);
  e.detail = std::move(detail);
  store::AuditRepository(ctx.db).append(e);
}

std::vector<AuditEntry> audit_log(Context& ctx, const Page& page) {
  return store::AuditRepository(ctx.db).list(organisation_of(ctx), page.after, page.fetch());
}

}  // namespace dialogd::app
