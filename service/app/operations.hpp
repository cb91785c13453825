#pragma once
// What an operator watches: the outbox's backlog (by channel and status) and how long its oldest
// pending message has waited.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "store/outbox_repository.hpp"

namespace dialogd::app {

struct OutboxState {
  std::vector<store::OutboxRepository::Backlog> backlog;
  std::optional<double> oldest_pending_seconds;
};
OutboxState outbox_state(Context& ctx);

}  // namespace dialogd::app
