#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct ApiKey {
  std::string id, name, role, created_at;
  std::optional<std::string> revoked_at;
  std::optional<std::string> organisation_id;       // none only for operator keys
  std::optional<std::string> expires_at;            // RFC 3339; none: until revoked
  std::optional<std::string> previous_valid_until;  // after a rotation, the old secret's end
};

struct NewKey {
  std::string role, name;
  std::optional<std::string> organisation_id;
  std::optional<std::string> expires_at;
};

class KeyRepository {
 public:
  explicit KeyRepository(Connection& c) : conn_(c) {}
  // Stores only the key's hash; the caller shows the key once.
  ApiKey create(const NewKey& key, const std::string& key_hash, const std::string& now);
  // An active key with this hash at `now`: not revoked, not expired; after a rotation the previous
  // secret's hash is active too until its grace period ends.
  std::optional<ApiKey> find_active(const std::string& key_hash, const std::string& now);
  // Gives the key a new secret; the old one keeps working until `previous_valid_until`.
  bool rotate(const std::string& id, const std::string& new_hash,
              const std::string& previous_valid_until);
  std::optional<ApiKey> find(const std::string& id);
  std::vector<ApiKey> list();
  bool revoke(const std::string& id, const std::string& now);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
