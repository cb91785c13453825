#include "store/checkpoint_repository.hpp"

namespace dialogd::store {

void CheckpointRepository::insert(const CheckpointRecord& c) {
  conn_.sql() << "INSERT INTO checkpoints (id, dialogue_id, held_on, document, created_at) "
                 "VALUES (:id, :d, :h, :doc, :at)",
      soci::use(c.id), soci::use(c.dialogue_id), soci::use(c.held_on), soci::use(c.document),
      soci::use(c.created_at);
}

std::vector<CheckpointRecord> CheckpointRepository::list(const std::string& dialogue_id,
                                                         const std::optional<std::string>& after,
                                                         int limit) {
  const std::string from = after.value_or("");
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare
           << "SELECT id, dialogue_id, held_on, document, created_at FROM checkpoints "
              "WHERE dialogue_id = :d AND id > :after ORDER BY id LIMIT :lim",
       soci::use(dialogue_id), soci::use(from), soci::use(limit));
  std::vector<CheckpointRecord> out;
  for (const auto& r : rows)
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                   r.get<std::string>(3), r.get<std::string>(4)});
  return out;
}

}  // namespace dialogd::store
