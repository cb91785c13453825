#include "store/organisation_repository.hpp"

namespace dialogd::store {
namespace {

std::vector<DocumentRecord> read_all(soci::rowset<soci::row>& rows) {
  std::vector<DocumentRecord> out;
  for (const auto& r : rows)
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                   r.get<std::string>(3), r.get<long long>(4), r.get<std::string>(5),
                   r.get<std::string>(6)});
  return out;
}

std::optional<DocumentRecord> first(std::vector<DocumentRecord> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

}  // namespace

void OrganisationRepository::insert(const DocumentRecord& r) {
  conn_.sql() << "INSERT INTO organisations (id, name, document, version, created_at, updated_at) "
                 "VALUES (:id, :n, :d, :v, :c, :u)",
      soci::use(r.id), soci::use(r.name), soci::use(r.document), soci::use(r.version),
      soci::use(r.created_at), soci::use(r.updated_at);
}

std::optional<DocumentRecord> OrganisationRepository::find(const std::string& id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT id, id, name, document, version, created_at, updated_at "
                              "FROM organisations WHERE id = :id",
       soci::use(id));
  return first(read_all(rows));
}

std::vector<DocumentRecord> OrganisationRepository::list(const std::optional<std::string>& after,
                                                         int limit) {
  const std::string from = after.value_or("");
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT id, id, name, document, version, created_at, updated_at "
                              "FROM organisations WHERE id > :a ORDER BY id LIMIT :l",
       soci::use(from), soci::use(limit));
  return read_all(rows);
}

bool OrganisationRepository::update(const DocumentRecord& r, long long expected_version) {
  soci::statement st =
      (conn_.sql().prepare << "UPDATE organisations SET name = :n, document = :d, version = :v, "
                              "updated_at = :u WHERE id = :id AND version = :e",
       soci::use(r.name), soci::use(r.document), soci::use(r.version), soci::use(r.updated_at),
       soci::use(r.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

long long OrganisationRepository::count() {
  long long n = 0;
  conn_.sql() << "SELECT COUNT(*) FROM organisations", soci::into(n);
  return n;
}

void BodyRepository::insert(const DocumentRecord& r) {
  conn_.sql() << "INSERT INTO bodies (id, organisation_id, name, document, version, created_at, "
                 "updated_at) VALUES (:id, :o, :n, :d, :v, :c, :u)",
      soci::use(r.id), soci::use(r.organisation_id), soci::use(r.name), soci::use(r.document),
      soci::use(r.version), soci::use(r.created_at), soci::use(r.updated_at);
}

std::optional<DocumentRecord> BodyRepository::find(const std::string& id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT id, organisation_id, name, document, version, created_at, "
                              "updated_at FROM bodies WHERE id = :id",
       soci::use(id));
  return first(read_all(rows));
}

std::vector<DocumentRecord> BodyRepository::list(const std::string& organisation_id,
                                                 const std::optional<std::string>& after,
                                                 int limit) {
  const std::string from = after.value_or("");
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT id, organisation_id, name, document, version, created_at, "
                              "updated_at FROM bodies WHERE organisation_id = :o AND id > :a "
                              "ORDER BY id LIMIT :l",
       soci::use(organisation_id), soci::use(from), soci::use(limit));
  return read_all(rows);
}

bool BodyRepository::update(const DocumentRecord& r, long long expected_version) {
  soci::statement st =
      (conn_.sql().prepare << "UPDATE bodies SET name = :n, document = :d, version = :v, "
                              "updated_at = :u WHERE id = :id AND version = :e",
       soci::use(r.name), soci::use(r.document), soci::use(r.version), soci::use(r.updated_at),
       soci::use(r.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

BodyRepository::Plan BodyRepository::put_plan(const std::string& body_id, int year,
                                              const std::string& document, const std::string& now) {
  auto existing = find_plan(body_id, year);
  const long long y = year;
  if (!existing) {
    conn_.sql() << "INSERT INTO body_plans (body_id, year, document, version, created_at, "
                   "updated_at) VALUES (:b, :y, :d, 1, :c, :u)",
        soci::use(body_id), soci::use(y), soci::use(document), soci::use(now), soci::use(now);
    return {body_id, year, document, 1, now, now};
  }
  conn_.sql() << "UPDATE body_plans SET document = :d, version = version + 1, updated_at = :u "
                 "WHERE body_id = :b AND year = :y",
      soci::use(document), soci::use(now), soci::use(body_id), soci::use(y);
  return {body_id, year, document, existing->version + 1, existing->created_at, now};
}

std::optional<BodyRepository::Plan> BodyRepository::find_plan(const std::string& body_id,
                                                              int year) {
  for (auto& p : plans(body_id))
    if (p.year == year) return p;
  return std::nullopt;
}

std::vector<BodyRepository::Plan> BodyRepository::plans(const std::string& body_id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT body_id, year, document, version, created_at, updated_at "
                              "FROM body_plans WHERE body_id = :b ORDER BY year",
       soci::use(body_id));
  std::vector<Plan> out;
  for (const auto& r : rows)
    out.push_back({r.get<std::string>(0), static_cast<int>(r.get<long long>(1)),
                   r.get<std::string>(2), r.get<long long>(3), r.get<std::string>(4),
                   r.get<std::string>(5)});
  return out;
}

}  // namespace dialogd::store
