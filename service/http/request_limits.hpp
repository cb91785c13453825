#pragma once
// Rate limits every request passes before anything else is done for it (even an answer from
// memory): receipt lookups and other public requests per client address, and requests per API key.
// Token buckets in memory per instance (rate_limit.hpp). The client address is the TCP peer, or,
// when the peer is the trusted proxy (--trusted-proxy), the last address it put in
// X-Forwarded-For. Over a limit: 429 `rate-limited` with Retry-After and the IETF RateLimit and
// RateLimit-Policy headers.
#include <optional>
#include <string>

#include "http/config.hpp"
#include "http/net.hpp"
#include "http/rate_limit.hpp"
#include "http/router.hpp"

namespace dialogd::http {

// The address a request is counted against.
std::string client_address(const Request& req, const std::string& peer,
                           const std::string& trusted_proxy);

class RequestLimits {
 public:
  explicit RequestLimits(const ServerConfig& config) : config_(config) {}
  // A 429 answer when the request is over a limit, else nothing (and one token is taken).
  std::optional<Response> check(const Request& req, const Route& route, const std::string& client);

 private:
  const ServerConfig& config_;
  RateLimiter receipts_, public_, keys_;
};

}  // namespace dialogd::http
