#pragma once
#include "http/request_context.hpp"

namespace dialogd::http {

// Resolves `Authorization: Bearer <key>` into ctx.principal and enforces the route's access:
// a presented key must be valid even on a public route (401); a missing key on a protected route
// is 401, a key of the wrong role 403.
void authenticate(RequestContext& ctx, Access access);

}  // namespace dialogd::http
