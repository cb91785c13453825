#pragma once
// A dialogue's links to participation platforms. Credentials are stored for the sync to use and
// never read back into any answer (find/list leave them out).
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct SourceRecord {
  std::string id, dialogue_id, kind, base_url, process_id;
  std::string components;  // JSON array of component ids
  bool has_credentials = false;
  std::optional<std::string> last_sync_at, last_error;
  std::string counts;  // JSON object: what the last sync made
  std::string created_at;
};

class SourceRepository {
 public:
  explicit SourceRepository(Connection& c) : conn_(c) {}
  void insert(const SourceRecord& s, const std::optional<std::string>& credentials);
  std::vector<SourceRecord> list(const std::string& dialogue_id);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
