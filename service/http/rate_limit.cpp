#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace dialogd::http {

bool RateLimiter::take(const std::string& client, int per_minute, Clock::time_point now,
                       int& retry_after) {
  const double capacity = std::max(per_minute, 1);
  const double per_second = capacity / 60.0;
  std::lock_guard lock(mutex_);
  if (buckets_.size() > 100'000) {
    // Forget the clients whose bucket has filled up again: they are indistinguishable from new.
    std::erase_if(buckets_, [&](const auto& kv) {
      const double elapsed = std::chrono::duration<double>(now - kv.second.at).count();
      return kv.second.tokens + elapsed * per_second >= capacity;
    });
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{capacity, now});
  Bucket& b = it->second;
  if (!fresh) {
    const double elapsed = std::chrono::duration<double>(now - b.at).count();
    b.tokens = std::min(capacity, b.tokens + std::max(elapsed, 0.0) * per_second);
    b.at = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  retry_after = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / per_second)));
  return false;
}

RateLimiter& widget_write_limiter() {
  static RateLimiter limiter;
  return limiter;
}

}  // namespace dialogd::http
