#pragma once
#include "http/request_context.hpp"

namespace dialogd::http {

// A widget key (role "widget") is publishable: it sits in a web page. It may read public data and
// send contributions, only from the origins it was made for (another Origin is 403), and its
// contributions are rate-limited per client address (429 with Retry-After). Called by
// authenticate() once the key is known; records the accepted Origin in ctx.principal for CORS.
void authorize_widget_key(RequestContext& ctx, Access access);

}  // namespace dialogd::http
