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
  // The need without its contribution ids: a need may cite tens of thousands, and a trace needs
  // only its title.
  std::optional<NeedRecord> find_head(const std::string& id);
  std::vector<NeedRecord> list(const std::string& dialogue_id,
                               const std::optional<std::string>& after, int limit);
  std::vector<NeedRecord> all(const std::string& dialogue_id);
  // The needs that cite a contribution.
  std::vector<NeedRecord> citing(const std::string& contribution_id);
  // Only the ids of the needs that cite a contribution, in id order (one index range, no links).
  std::vector<std::string> citing_ids(const std::string& contribution_id);

 private:
  void write_links(const NeedRecord& n);
  void load_links(NeedRecord& n);
  Connection& conn_;
};

}  // namespace dialogd::store
