#pragma once
#include <optional>
#include <string>

#include "store/connection.hpp"

namespace dialogd::store {

// One document of each kind per dialogue: "report", "answer", "decision", "follow_up".
struct StageDocument {
  std::string dialogue_id, kind;
  long long version = 1;
  std::string document, created_at, updated_at;
};

class StageDocumentRepository {
 public:
  explicit StageDocumentRepository(Connection& c) : conn_(c) {}
  std::optional<StageDocument> find(const std::string& dialogue_id, const std::string& kind);
  // Creates or replaces; the version goes up with every replacement.
  StageDocument put(const std::string& dialogue_id, const std::string& kind,
                    const std::string& document, const std::string& now);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
