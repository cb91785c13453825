#pragma once
// The audit trail of what matters for trust: keys made, rotated and revoked; contact details read
// for delivery and erased; organisations and bodies changed. Written in the caller's transaction,
// so an entry exists exactly when its change does. Never a secret, never an address.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/page.hpp"
#include "store/audit_repository.hpp"

namespace dialogd::app {

using AuditEntry = store::AuditEntry;

void audit(Context& ctx, std::string action, std::optional<std::string> target,
           std::optional<std::string> detail,
           std::optional<std::string> organisation_id = std::nullopt);

// The actor's organisation's entries, newest first.
std::vector<AuditEntry> audit_log(Context& ctx, const Page& page);

}  // namespace dialogd::app
