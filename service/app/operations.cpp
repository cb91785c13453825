#include "app/operations.hpp"

#include <ctime>

namespace dialogd::app {

namespace {

// Seconds since an RFC 3339 UTC instant (2027-01-15T09:30:00.123Z).
std::optional<double> seconds_since(const std::string& at,
                                    std::chrono::system_clock::time_point now) {
  std::tm tm{};
  if (at.size() < 19 || !strptime(at.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return std::nullopt;
  const auto then = std::chrono::system_clock::from_time_t(timegm(&tm));
  return std::chrono::duration<double>(now - then).count();
}

}  // namespace

OutboxState outbox_state(Context& ctx) {
  store::OutboxRepository outbox(ctx.db);
  OutboxState s;
  s.backlog = outbox.backlog();
  if (auto oldest = outbox.oldest_unsent_created_at())
    s.oldest_pending_seconds = seconds_since(*oldest, ctx.clock.now());
  return s;
}

}  // namespace dialogd::app
