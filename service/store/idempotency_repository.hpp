#pragma once
#include <optional>
#include <string>

#include "store/connection.hpp"

namespace dialogd::store {

struct StoredAnswer {
  std::string request_hash;
  int status = 0;
  std::optional<std::string> location, etag;
  std::string body;
};

class IdempotencyRepository {
 public:
  explicit IdempotencyRepository(Connection& c) : conn_(c) {}
  std::optional<StoredAnswer> find(const std::string& api_key_id, const std::string& key);
  // False when another request with the same key got there first (it committed meanwhile).
  bool insert(const std::string& api_key_id, const std::string& key, const StoredAnswer& a,
              const std::string& now);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
