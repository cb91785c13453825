#include "store/need_repository.hpp"

namespace dialogd::store {
namespace {

NeedRecord from_row(const soci::row& r) {
  return {
      r.get<std::string>(0), r.get<std::string>(1), r.get<long long>(2), r.get<std::string>(3), {},
      r.get<std::string>(4), r.get<std::string>(5)};
}

#define NEED_COLUMNS "n.id, n.dialogue_id, n.version, n.document, n.created_at, n.updated_at"

}  // namespace

void NeedRepository::write_links(const NeedRecord& n) {
  conn_.sql() << "DELETE FROM need_contributions WHERE need_id = :id", soci::use(n.id);
  for (const auto& c : n.contribution_ids)
    conn_.sql() << "INSERT INTO need_contributions (need_id, contribution_id) VALUES (:n, :c)",
        soci::use(n.id), soci::use(c);
}

void NeedRepository::load_links(NeedRecord& n) {
  std::string c;
  soci::statement st =
      (conn_.sql().prepare << "SELECT contribution_id FROM need_contributions WHERE need_id = :n "
                              "ORDER BY contribution_id",
       soci::use(n.id), soci::into(c));
  st.execute();
  while (st.fetch()) n.contribution_ids.push_back(c);
}

void NeedRepository::insert(const NeedRecord& n) {
  conn_.sql() << "INSERT INTO needs (id, dialogue_id, version, document, created_at, updated_at) "
                 "VALUES (:id, :d, :v, :doc, :c, :u)",
      soci::use(n.id), soci::use(n.dialogue_id), soci::use(n.version), soci::use(n.document),
      soci::use(n.created_at), soci::use(n.updated_at);
  write_links(n);
}

bool NeedRepository::update(const NeedRecord& n, long long expected_version) {
  soci::statement st =
      (conn_.sql().prepare << "UPDATE needs SET version = :v, document = :doc, updated_at = :u "
                              "WHERE id = :id AND version = :expected",
       soci::use(n.version), soci::use(n.document), soci::use(n.updated_at), soci::use(n.id),
       soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_links(n);
  return true;
}

std::optional<NeedRecord> NeedRepository::find(const std::string& id) {
  std::optional<NeedRecord> out;
  {
    soci::rowset<soci::row> rows =
        (conn_.sql().prepare << "SELECT " NEED_COLUMNS " FROM needs n WHERE n.id = :id",
         soci::use(id));
    for (const auto& r : rows) out = from_row(r);
  }
  if (out) load_links(*out);
  return out;
}

std::optional<NeedRecord> NeedRepository::find_head(const std::string& id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT " NEED_COLUMNS " FROM needs n WHERE n.id = :id",
       soci::use(id));
  for (const auto& r : rows) return from_row(r);
  return std::nullopt;
}

std::vector<NeedRecord> NeedRepository::list(const std::string& dialogue_id,
                                             const std::optional<std::string>& after, int limit) {
  std::vector<NeedRecord> out;
  const std::string from = after.value_or("");
  {
    soci::rowset<soci::row> rows =
        (conn_.sql().prepare << "SELECT " NEED_COLUMNS
                                " FROM needs n WHERE n.dialogue_id = :d AND n.id > :a "
                                "ORDER BY n.id LIMIT :lim",
         soci::use(dialogue_id), soci::use(from), soci::use(limit));
    for (const auto& r : rows) out.push_back(from_row(r));
  }
  for (auto& n : out) load_links(n);
  return out;
}

std::vector<NeedRecord> NeedRepository::all(const std::string& dialogue_id) {
  return list(dialogue_id, std::nullopt, 1'000'000);
}

std::vector<NeedRecord> NeedRepository::citing(const std::string& contribution_id) {
  std::vector<NeedRecord> out;
  {
    soci::rowset<soci::row> rows =
        (conn_.sql().prepare << "SELECT " NEED_COLUMNS
                                " FROM needs n JOIN need_contributions l ON l.need_id = n.id "
                                "WHERE l.contribution_id = :c ORDER BY n.id",
         soci::use(contribution_id));
    for (const auto& r : rows) out.push_back(from_row(r));
  }
  for (auto& n : out) load_links(n);
  return out;
}

std::vector<std::string> NeedRepository::citing_ids(const std::string& contribution_id) {
  std::vector<std::string> out;
  std::string id;
  soci::statement st =
      (conn_.sql().prepare << "SELECT need_id FROM need_contributions WHERE contribution_id = :c "
                              "ORDER BY need_id",
       soci::use(contribution_id), soci::into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

}  // namespace dialogd::store
