#include "store/key_origin_repository.hpp"

namespace dialogd::store {

void KeyOriginRepository::add(const std::string& key_id, const std::string& origin) {
  conn_.sql() << "INSERT INTO api_key_origins (key_id, origin) VALUES (:k, :o)", soci::use(key_id),
      soci::use(origin);
}

std::vector<std::string> KeyOriginRepository::list(const std::string& key_id) {
  std::vector<std::string> out;
  soci::rowset<std::string> rows =
      (conn_.sql().prepare
           << "SELECT origin FROM api_key_origins WHERE key_id = :k ORDER BY origin",
       soci::use(key_id));
  for (const auto& o : rows) out.push_back(o);
  return out;
}

}  // namespace dialogd::store
