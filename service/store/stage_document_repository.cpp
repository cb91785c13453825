#include "store/stage_document_repository.hpp"

namespace dialogd::store {

std::optional<StageDocument> StageDocumentRepository::find(const std::string& dialogue_id,
                                                           const std::string& kind) {
  StageDocument d{dialogue_id, kind, 1, {}, {}, {}};
  soci::statement st =
      (conn_.sql().prepare
           << "SELECT version, document, created_at, updated_at FROM stage_documents "
              "WHERE dialogue_id = :d AND kind = :k",
       soci::use(dialogue_id), soci::use(kind), soci::into(d.version), soci::into(d.document),
       soci::into(d.created_at), soci::into(d.updated_at));
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return d;
}

StageDocument StageDocumentRepository::put(const std::string& dialogue_id, const std::string& kind,
                                           const std::string& document, const std::string& now) {
  auto existing = find(dialogue_id, kind);
  if (!existing) {
    StageDocument d{dialogue_id, kind, 1, document, now, now};
    conn_.sql() << "INSERT INTO stage_documents (dialogue_id, kind, version, document, created_at, "
                   "updated_at) "
                   "VALUES (:d, :k, 1, :doc, :c, :u)",
        soci::use(dialogue_id), soci::use(kind), soci::use(document), soci::use(now),
        soci::use(now);
    return d;
  }
  existing->version += 1;
  existing->document = document;
  existing->updated_at = now;
  conn_.sql() << "UPDATE stage_documents SET version = :v, document = :doc, updated_at = :u "
                 "WHERE dialogue_id = :d AND kind = :k",
      soci::use(existing->version), soci::use(document), soci::use(now), soci::use(dialogue_id),
      soci::use(kind);
  return *existing;
}

}  // namespace dialogd::store
