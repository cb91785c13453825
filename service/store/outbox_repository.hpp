#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct OutboxMessage {
  std::string id, channel, topic;
  std::optional<std::string> dialogue_id;
  std::string recipient, payload;
  std::optional<std::string> due_on;
  std::string status = "pending";  // pending | sent | failed
  long long attempts = 0;
  std::string next_attempt_at, created_at;
  std::optional<std::string> last_error, sent_at;
};

class OutboxRepository {
 public:
  explicit OutboxRepository(Connection& c) : conn_(c) {}
  // Part of the caller's transaction: the message exists exactly when the change that owes it does.
  void enqueue(const OutboxMessage& m);
  // Takes up to `limit` ready messages for `instance` until `lease_until`, in its own transaction.
  // Two instances never hold the same message: PostgreSQL skips rows another claimer has locked,
  // SQLite serialises claimers on its write lock.
  // Only messages of the given channels are claimed (email waits while no SMTP server is
  // configured).
  std::vector<OutboxMessage> claim(const std::string& instance, const std::string& now,
                                   const std::string& lease_until, int limit,
                                   const std::vector<std::string>& channels = {"email", "webhook"});
  // Only the holder of the claim may settle a message.
  bool mark_sent(const std::string& id, const std::string& instance, const std::string& now);
  bool mark_retry(const std::string& id, const std::string& instance, const std::string& error,
                  const std::string& next_attempt_at);
  bool mark_failed(const std::string& id, const std::string& instance, const std::string& error);
  std::optional<OutboxMessage> find(const std::string& id);
  // For /metrics: messages by channel and status, and the age of the oldest unsent one.
  struct Backlog {
    std::string channel, status;
    long long count = 0;
  };
  std::vector<Backlog> backlog();
  std::optional<std::string> oldest_unsent_created_at();

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
