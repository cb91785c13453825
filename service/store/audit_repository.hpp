#pragma once
// The audit log: append-only. Entries name who acted and on what, never a secret or an address.
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct AuditEntry {
  std::string id;
  std::optional<std::string> organisation_id;
  std::string at;
  std::optional<std::string> actor_key_id;
  std::string actor_name, actor_role, action;
  std::optional<std::string> target, detail;
};

class AuditRepository {
 public:
  explicit AuditRepository(Connection& c) : conn_(c) {}
  void append(const AuditEntry& e);
  // Newest first, before the entry `before_id` when given.
  std::vector<AuditEntry> list(const std::string& organisation_id,
                               const std::optional<std::string>& before_id, int limit);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
