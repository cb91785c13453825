#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct NeedRecord {
  std::string id, dialogue_id;
  long long version = 1;
  std::string document;  // {title, description, facts}
  std::vector<std::string> contribution_ids;
  std::string created_at, updated_at;
};

class NeedRepository {
 public:
  explicit NeedRepository(Connection& c) : conn_(c) {}
  void insert(const NeedRecord& n);
  bool update(const NeedRecord& n, long long expected_version);
  std::optional<NeedRecord> find(const std::string& id);
  std::vector<NeedRecord> list(const std::string& dialogue_id,
                               const std::optional<std::string>& after, int limit);
  std::vector<NeedRecord> all(const std::string& dialogue_id);
  // The needs that cite a contribution.
  std::vector<NeedRecord> citing(const std::string& contribution_id);

 private:
  void write_links(const NeedRecord& n);
  void load_links(NeedRecord& n);
  Connection& conn_;
};

}  // namespace dialogd::store
