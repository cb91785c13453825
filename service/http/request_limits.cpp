#include "http/request_limits.hpp"

#include "http/problem.hpp"
#include "support/ids.hpp"

namespace dialogd::http {

std::string client_address(const Request& req, const std::string& peer,
                           const std::string& trusted_proxy) {
  if (trusted_proxy.empty() || peer != trusted_proxy) return peer;
  const auto it = req.find("X-Forwarded-For");
  if (it == req.end()) return peer;
  std::string_view list = it->value();
  // The proxy appends the address it saw: the last entry is the one it vouches for.
  const auto comma = list.rfind(',');
  std::string_view last = comma == std::string_view::npos ? list : list.substr(comma + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
  if (last.empty() || last.size() > 45) return peer;
  return std::string(last);
}

std::optional<Response> RequestLimits::check(const Request& req, const Route& route,
                                             const std::string& client) {
  RateLimiter* bucket = nullptr;
  int per_minute = 0;
  std::string who, policy;
  if (const auto auth = req.find(bhttp::field::authorization); auth != req.end()) {
    bucket = &keys_;
    per_minute = config_.rate_key;
    who = support::sha256_hex(auth->value()).substr(0, 32);  // the key, not kept in clear
    policy = "key";
  } else if (route.access == Access::anyone) {
    const bool receipt = route.path == "/v1/receipts/{code}";
    bucket = receipt ? &receipts_ : &public_;
    per_minute = receipt ? config_.rate_receipts : config_.rate_public;
    who = client;
    policy = receipt ? "receipts" : "public";
  }
  if (!bucket || per_minute <= 0) return std::nullopt;
  int retry_after = 0;
  if (bucket->take(who, per_minute, RateLimiter::Clock::now(), retry_after)) return std::nullopt;
  Problem p(429, "rate-limited", "Too many requests",
            "more than " + std::to_string(per_minute) + " " + policy +
                " requests a minute; try again in " + std::to_string(retry_after) + " s");
  p.headers.emplace_back("Retry-After", std::to_string(retry_after));
  p.headers.emplace_back("RateLimit-Policy",
                         "\"" + policy + "\";q=" + std::to_string(per_minute) + ";w=60");
  p.headers.emplace_back("RateLimit", "\"" + policy + "\";r=0;t=" + std::to_string(retry_after));
  return problem_response(p, req.version(), req.keep_alive());
}

}  // namespace dialogd::http
