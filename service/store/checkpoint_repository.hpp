#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct CheckpointRecord {
  std::string id, dialogue_id, held_on;
  std::string document;  // the checkpoint's JSON, with the representation snapshot
  std::string created_at;
};

class CheckpointRepository {
 public:
  explicit CheckpointRepository(Connection& c) : conn_(c) {}
  void insert(const CheckpointRecord& c);
  std::vector<CheckpointRecord> list(const std::string& dialogue_id,
                                     const std::optional<std::string>& after, int limit);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
