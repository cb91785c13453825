#include "http/widget_keys.hpp"

#include <algorithm>

#include "http/problem.hpp"
#include "http/rate_limit.hpp"
#include "store/key_origin_repository.hpp"
#include "support/origin.hpp"

namespace dialogd::http {
namespace {

constexpr std::string_view contributions_route = "/v1/dialogues/{id}/contributions";

Problem forbidden(std::string detail) {
  return Problem(403, "forbidden", "Forbidden", std::move(detail));
}

// A page served by this dialogd itself (the /embed pages) sends its own origin.
bool same_origin(const RequestContext& ctx, const std::string& origin) {
  const auto host = ctx.req.find(bhttp::field::host);
  if (host == ctx.req.end()) return false;
  const auto authority = origin.substr(origin.find("://") + 3);
  return support::normalise_origin("http://" + std::string(host->value())) ==
             support::normalise_origin("http://" + authority) ||
         origin == ctx.services.config.public_url;
}

}  // namespace

void authorize_widget_key(RequestContext& ctx, Access access) {
  const auto method = ctx.req.method();
  const bool contribution =
      method == bhttp::verb::post && ctx.match.route->path == contributions_route;
  // Public routes write nothing (the ladder's classification is a POST that only computes).
  const bool public_read = access == Access::anyone;
  if (!contribution && !public_read)
    throw forbidden("a widget key may only send contributions and read public data");

  if (const auto it = ctx.req.find(bhttp::field::origin); it != ctx.req.end()) {
    const auto origin = support::normalise_origin(it->value());
    if (!origin) throw forbidden("this widget key may not be used from this page's origin");
    const auto allowed = store::KeyOriginRepository(ctx.store()).list(ctx.principal->key_id);
    if (std::find(allowed.begin(), allowed.end(), *origin) == allowed.end() &&
        !same_origin(ctx, *origin))
      throw forbidden("this widget key may not be used from " + *origin +
                      "; it was made for other sites");
    ctx.principal->origin = *origin;
  }

  if (contribution) {
    const auto peer = ctx.req.find(client_address_field);
    const std::string client = peer == ctx.req.end() ? "-" : std::string(peer->value());
    int retry_after = 0;
    if (!widget_write_limiter().take(client, ctx.services.config.widget_write_limit,
                                     RateLimiter::Clock::now(), retry_after)) {
      Problem p(429, "rate-limited", "Too many requests",
                "too many contributions from this address; try again in " +
                    std::to_string(retry_after) + " s");
      p.headers.emplace_back("Retry-After", std::to_string(retry_after));
      throw p;
    }
  }
}

}  // namespace dialogd::http
