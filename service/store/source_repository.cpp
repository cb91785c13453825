#include "store/source_repository.hpp"

namespace dialogd::store {

void SourceRepository::insert(const SourceRecord& s,
                              const std::optional<std::string>& credentials) {
  std::string secret = credentials.value_or("");
  soci::indicator secret_ind = credentials ? soci::i_ok : soci::i_null;
  conn_.sql() << "INSERT INTO dialogue_sources (id, dialogue_id, kind, base_url, process_id, "
                 "components, credentials, counts, created_at) VALUES (:id, :d, :k, :u, :p, :c, "
                 ":s, :n, :at)",
      soci::use(s.id), soci::use(s.dialogue_id), soci::use(s.kind), soci::use(s.base_url),
      soci::use(s.process_id), soci::use(s.components), soci::use(secret, secret_ind),
      soci::use(s.counts), soci::use(s.created_at);
}

std::vector<SourceRecord> SourceRepository::list(const std::string& dialogue_id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT id, dialogue_id, kind, base_url, process_id, components, "
                              "credentials, last_sync_at, "
                              "last_error, counts, created_at FROM dialogue_sources "
                              "WHERE dialogue_id = :d ORDER BY id",
       soci::use(dialogue_id));
  std::vector<SourceRecord> out;
  for (const auto& r : rows) {
    SourceRecord s;
    s.id = r.get<std::string>(0);
    s.dialogue_id = r.get<std::string>(1);
    s.kind = r.get<std::string>(2);
    s.base_url = r.get<std::string>(3);
    s.process_id = r.get<std::string>(4);
    s.components = r.get<std::string>(5);
    s.has_credentials = r.get_indicator(6) == soci::i_ok;  // only whether: the secret stays here
    if (r.get_indicator(7) == soci::i_ok) s.last_sync_at = r.get<std::string>(7);
    if (r.get_indicator(8) == soci::i_ok) s.last_error = r.get<std::string>(8);
    s.counts = r.get<std::string>(9);
    s.created_at = r.get<std::string>(10);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace dialogd::store
