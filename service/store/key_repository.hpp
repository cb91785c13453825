#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct ApiKey {
  std::string id, name, role, created_at;
  std::optional<std::string> revoked_at;
};

class KeyRepository {
 public:
  explicit KeyRepository(Connection& c) : conn_(c) {}
  // Stores only the key's hash; the caller shows the key once.
  ApiKey create(const std::string& role, const std::string& name, const std::string& key_hash,
                const std::string& now);
  // An active (unrevoked) key with this hash.
  std::optional<ApiKey> find_active(const std::string& key_hash);
  std::vector<ApiKey> list();
  bool revoke(const std::string& id, const std::string& now);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
