#pragma once
// A token bucket per client address: `per_minute` requests at once, refilled evenly over a minute.
// In memory and per instance; several instances behind a balancer each allow the limit.
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dialogd::http {

// The request field the session fills with the connection's peer address (a client's own value
// is overwritten, so it cannot be forged).
inline constexpr const char* client_address_field = "X-Dialogd-Client-Address";

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // Takes one token for `client`. False when none is left; `retry_after` is then the whole
  // seconds until the next one.
  bool take(const std::string& client, int per_minute, Clock::time_point now, int& retry_after);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point at;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// Contributions sent with widget keys (--widget-write-limit).
RateLimiter& widget_write_limiter();

}  // namespace dialogd::http
