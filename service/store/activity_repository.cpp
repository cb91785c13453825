#include "store/activity_repository.hpp"

#include <boost/json/parse.hpp>

namespace dialogd::store {
namespace {

ActivityRecord from_row(const soci::row& r) {
  ActivityRecord a;
  a.id = r.get<std::string>(0);
  a.dialogue_id = r.get<std::string>(1);
  a.version = r.get<long long>(2);
  a.method = r.get<std::string>(3);
  a.document = r.get<std::string>(4);
  a.participants_total = r.get<long long>(5);
  a.has_public_documentation = r.get<long long>(6) != 0;
  a.created_at = r.get<std::string>(7);
  a.updated_at = r.get<std::string>(8);
  return a;
}

#define ACTIVITY_COLUMNS                                                                       \
  "id, dialogue_id, version, method, document, participants_total, has_public_documentation, " \
  "created_at, updated_at"

}  // namespace

void ActivityRepository::write_counts(const ActivityRecord& a) {
  conn_.sql() << "DELETE FROM activity_group_counts WHERE activity_id = :id", soci::use(a.id);
  for (const auto& [key, count] : a.by_group) {
    const long long n = count;
    conn_.sql()
        << "INSERT INTO activity_group_counts (activity_id, dialogue_id, group_key, reached) "
           "VALUES (:a, :d, :k, :n)",
        soci::use(a.id), soci::use(a.dialogue_id), soci::use(key), soci::use(n);
  }
}

void ActivityRepository::insert(const ActivityRecord& a) {
  const long long documented = a.has_public_documentation ? 1 : 0;
  conn_.sql() << "INSERT INTO activities (" ACTIVITY_COLUMNS
                 ") VALUES (:id, :d, :v, :m, :doc, :t, :pub, :c, :u)",
      soci::use(a.id), soci::use(a.dialogue_id), soci::use(a.version), soci::use(a.method),
      soci::use(a.document), soci::use(a.participants_total), soci::use(documented),
      soci::use(a.created_at), soci::use(a.updated_at);
  write_counts(a);
}

bool ActivityRepository::update(const ActivityRecord& a, long long expected_version) {
  const long long documented = a.has_public_documentation ? 1 : 0;
  soci::statement st =
      (conn_.sql().prepare << "UPDATE activities SET version = :v, method = :m, document = :doc, "
                              "participants_total = :t, has_public_documentation = :pub, "
                              "updated_at = :u WHERE id = :id AND version = :expected",
       soci::use(a.version), soci::use(a.method), soci::use(a.document),
       soci::use(a.participants_total), soci::use(documented), soci::use(a.updated_at),
       soci::use(a.id), soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_counts(a);
  return true;
}

std::optional<ActivityRecord> ActivityRepository::find(const std::string& id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT " ACTIVITY_COLUMNS " FROM activities WHERE id = :id",
       soci::use(id));
  for (const auto& r : rows) return from_row(r);
  return std::nullopt;
}

bool ActivityRepository::belongs_to(const std::string& activity_id,
                                    const std::string& dialogue_id) {
  long long n = 0;
  conn_.sql() << "SELECT COUNT(*) FROM activities WHERE id = :a AND dialogue_id = :d",
      soci::use(activity_id), soci::use(dialogue_id), soci::into(n);
  return n > 0;
}

std::vector<ActivityRecord> ActivityRepository::list(const std::string& dialogue_id,
                                                     const std::optional<std::string>& after,
                                                     int limit) {
  const std::string from = after.value_or("");
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT " ACTIVITY_COLUMNS
                              " FROM activities WHERE dialogue_id = :d AND id > :after "
                              "ORDER BY id LIMIT :lim",
       soci::use(dialogue_id), soci::use(from), soci::use(limit));
  std::vector<ActivityRecord> out;
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

long long ActivityRepository::total_participants(const std::string& dialogue_id) {
  long long total = 0;
  soci::indicator ind;
  conn_.sql()
      << "SELECT CAST(SUM(participants_total) AS BIGINT) FROM activities WHERE dialogue_id = :d",
      soci::use(dialogue_id), soci::into(total, ind);
  return ind == soci::i_ok ? total : 0;
}

// Aggregates are read with typed into(): SQLite gives expression columns no declared type, so a
// dynamic soci::row cannot tell an integer sum from text.
std::map<std::string, long long> ActivityRepository::reached_by_group(
    const std::string& dialogue_id) {
  std::map<std::string, long long> out;
  std::string key;
  long long reached = 0;
  soci::statement st =
      (conn_.sql().prepare
           << "SELECT group_key, CAST(SUM(reached) AS BIGINT) "
              "FROM activity_group_counts WHERE dialogue_id = :d GROUP BY group_key",
       soci::use(dialogue_id), soci::into(key), soci::into(reached));
  st.execute();
  while (st.fetch()) out[key] = reached;
  return out;
}

std::vector<domain::MethodReach> ActivityRepository::reach_by_method(
    const std::string& group_key, const std::string& organisation_id) {
  domain::MethodReach row;
  soci::statement st =
      (conn_.sql().prepare
           << "SELECT a.method, CAST(SUM(COALESCE(c.reached, 0)) AS BIGINT), "
              "CAST(SUM(a.participants_total) AS BIGINT) FROM activities a "
              "JOIN dialogue_target_groups g ON g.dialogue_id = a.dialogue_id AND g.group_key = :k "
              "JOIN dialogues d ON d.id = a.dialogue_id AND d.organisation_id = :o "
              "LEFT JOIN activity_group_counts c ON c.activity_id = a.id AND c.group_key = :k2 "
              "GROUP BY a.method",
       soci::use(group_key), soci::use(organisation_id), soci::use(group_key),
       soci::into(row.method), soci::into(row.reached), soci::into(row.total));
  st.execute();
  std::vector<domain::MethodReach> out;
  while (st.fetch()) out.push_back(row);
  return out;
}

}  // namespace dialogd::store
