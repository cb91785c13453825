#include "store/source_repository.hpp"

namespace dialogd::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, dialogue_id, kind, base_url, process_id, components, "
    "CASE WHEN credentials IS NULL THEN 'n' ELSE 'y' END, "
    "last_sync_at, last_error, counts, process, last_write_back_at, created_at "
    "FROM dialogue_sources ";

std::optional<std::string> optional_text(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) != soci::i_ok) return std::nullopt;
  return r.get<std::string>(i);
}

SourceRecord source_of(const soci::row& r) {
  SourceRecord s;
  s.id = r.get<std::string>(0);
  s.dialogue_id = r.get<std::string>(1);
  s.kind = r.get<std::string>(2);
  s.base_url = r.get<std::string>(3);
  s.process_id = r.get<std::string>(4);
  s.components = r.get<std::string>(5);
  s.has_credentials = r.get<std::string>(6) == "y";  // only whether: the secret stays here
  s.last_sync_at = optional_text(r, 7);
  s.last_error = optional_text(r, 8);
  s.counts = r.get<std::string>(9);
  s.process = optional_text(r, 10);
  s.last_write_back_at = optional_text(r, 11);
  s.created_at = r.get<std::string>(12);
  return s;
}

std::vector<SourceRecord> sources_of(soci::rowset<soci::row>& rows) {
  std::vector<SourceRecord> out;
  for (const auto& r : rows) out.push_back(source_of(r));
  return out;
}

SourceItem item_of(const soci::row& r) {
  SourceItem i;
  i.external_id = r.get<std::string>(0);
  i.kind = r.get<std::string>(1);
  i.component_id = r.get<std::string>(2);
  i.local_id = r.get<std::string>(3);
  i.content_hash = r.get<std::string>(4);
  i.sent_hash = optional_text(r, 5);
  return i;
}

}  // namespace

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
      (conn_.sql().prepare << std::string(kColumns) + "WHERE dialogue_id = :d ORDER BY id",
       soci::use(dialogue_id));
  return sources_of(rows);
}

std::optional<SourceRecord> SourceRepository::find(const std::string& id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << std::string(kColumns) + "WHERE id = :id", soci::use(id));
  for (const auto& r : rows) return source_of(r);
  return std::nullopt;
}

std::vector<SourceRecord> SourceRepository::all() {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << std::string(kColumns) + "ORDER BY COALESCE(last_sync_at, ''), id");
  return sources_of(rows);
}

std::optional<std::string> SourceRepository::credentials(const std::string& id) {
  std::string secret;
  soci::indicator ind = soci::i_null;
  conn_.sql() << "SELECT credentials FROM dialogue_sources WHERE id = :id", soci::into(secret, ind),
      soci::use(id);
  if (!conn_.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return secret;
}

void SourceRepository::record_sync(const std::string& id, const std::string& at,
                                   const std::string& counts,
                                   const std::optional<std::string>& error,
                                   const std::optional<std::string>& process) {
  std::string err = error.value_or(""), proc = process.value_or("");
  soci::indicator err_ind = error ? soci::i_ok : soci::i_null;
  // A failed sync that never read the process keeps the one read before.
  if (process)
    conn_.sql() << "UPDATE dialogue_sources SET last_sync_at = :at, counts = :c, last_error = :e, "
                   "process = :p WHERE id = :id",
        soci::use(at), soci::use(counts), soci::use(err, err_ind), soci::use(proc), soci::use(id);
  else
    conn_.sql() << "UPDATE dialogue_sources SET last_sync_at = :at, counts = :c, last_error = :e "
                   "WHERE id = :id",
        soci::use(at), soci::use(counts), soci::use(err, err_ind), soci::use(id);
}

void SourceRepository::record_write_back(const std::string& id, const std::string& at) {
  conn_.sql() << "UPDATE dialogue_sources SET last_write_back_at = :at WHERE id = :id",
      soci::use(at), soci::use(id);
}

bool SourceRepository::claim_sync(const std::string& id, const std::string& now,
                                  const std::string& stale_before) {
  soci::statement st =
      (conn_.sql().prepare << "UPDATE dialogue_sources SET sync_claimed_at = :now WHERE id = :id "
                              "AND (sync_claimed_at IS NULL OR sync_claimed_at < :stale)",
       soci::use(now), soci::use(id), soci::use(stale_before));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void SourceRepository::release_sync(const std::string& id) {
  conn_.sql() << "UPDATE dialogue_sources SET sync_claimed_at = NULL WHERE id = :id", soci::use(id);
}

std::map<std::string, std::string> SourceRepository::known_hashes(const std::string& source_id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT external_id, content_hash FROM source_items "
                              "WHERE source_id = :s AND kind IN ('activity', 'contribution')",
       soci::use(source_id));
  std::map<std::string, std::string> out;
  for (const auto& r : rows) out.emplace(r.get<std::string>(0), r.get<std::string>(1));
  return out;
}

std::optional<SourceItem> SourceRepository::item(const std::string& source_id,
                                                 const std::string& external_id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT external_id, kind, component_id, local_id, content_hash, "
                              "sent_hash FROM source_items WHERE source_id = :s AND "
                              "external_id = :e",
       soci::use(source_id), soci::use(external_id));
  for (const auto& r : rows) return item_of(r);
  return std::nullopt;
}

std::vector<SourceItem> SourceRepository::items(const std::string& source_id,
                                                const std::string& kind) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT external_id, kind, component_id, local_id, content_hash, "
                              "sent_hash FROM source_items WHERE source_id = :s AND kind = :k "
                              "ORDER BY external_id",
       soci::use(source_id), soci::use(kind));
  std::vector<SourceItem> out;
  for (const auto& r : rows) out.push_back(item_of(r));
  return out;
}

long long SourceRepository::count_items(const std::string& source_id, const std::string& kind) {
  long long n = 0;
  conn_.sql() << "SELECT COUNT(*) FROM source_items WHERE source_id = :s AND kind = :k",
      soci::use(source_id), soci::use(kind), soci::into(n);
  return n;
}

void SourceRepository::upsert_item(const std::string& source_id, const SourceItem& i) {
  std::string sent = i.sent_hash.value_or("");
  soci::indicator sent_ind = i.sent_hash ? soci::i_ok : soci::i_null;
  conn_.sql() << "INSERT INTO source_items (source_id, external_id, kind, component_id, local_id, "
                 "content_hash, sent_hash) VALUES (:s, :e, :k, :c, :l, :h, :sh) "
                 "ON CONFLICT (source_id, external_id) DO UPDATE SET component_id = "
                 "excluded.component_id, local_id = excluded.local_id, content_hash = "
                 "excluded.content_hash",
      soci::use(source_id), soci::use(i.external_id), soci::use(i.kind), soci::use(i.component_id),
      soci::use(i.local_id), soci::use(i.content_hash), soci::use(sent, sent_ind);
}

void SourceRepository::mark_sent(const std::string& source_id, const std::string& external_id,
                                 const std::string& sent_hash) {
  conn_.sql() << "UPDATE source_items SET sent_hash = :h WHERE source_id = :s AND external_id = :e",
      soci::use(sent_hash), soci::use(source_id), soci::use(external_id);
}

}  // namespace dialogd::store
