#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct ApiKey {
  std::string id, name, role, created_at;
  std::optional<std::string> revoked_at;
  std::optional<std::string> organisation_id;  // none only for operator keys
  std::optional<std::string> origins;          // widget keys: JSON array of allowed origins
};

struct NewKey {
  std::string role, name;
  std::optional<std::string> organisation_id;
  std::optional<std::string> origins;
};

class KeyRepository {
 public:
  explicit KeyRepository(Connection& c) : conn_(c) {}
  // Stores only the key's hash; the caller shows the key once.
  ApiKey create(const NewKey& key, const std::string& key_hash, const std::string& now);
  // An active (unrevoked) key with this hash.
  std::optional<ApiKey> find_active(const std::string& key_hash);
  std::vector<ApiKey> list();
  bool revoke(const std::string& id, const std::string& now);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
