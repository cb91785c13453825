#pragma once
// The origins a widget key may be used from (migrations/007_widget_keys.sql).
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

class KeyOriginRepository {
 public:
  explicit KeyOriginRepository(Connection& c) : conn_(c) {}
  void add(const std::string& key_id, const std::string& origin);
  std::vector<std::string> list(const std::string& key_id);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
