#include "store/audit_repository.hpp"

namespace dialogd::store {

namespace {

soci::indicator present(const std::optional<std::string>& v) {
  return v ? soci::i_ok : soci::i_null;
}

}  // namespace

void AuditRepository::append(const AuditEntry& e) {
  std::string org = e.organisation_id.value_or(""), key = e.actor_key_id.value_or(""),
              target = e.target.value_or(""), detail = e.detail.value_or("");
  soci::indicator org_ind = present(e.organisation_id), key_ind = present(e.actor_key_id),
                  target_ind = present(e.target), detail_ind = present(e.detail);
  conn_.sql() << "INSERT INTO audit_log (id, organisation_id, at, actor_key_id, actor_name, "
                 "actor_role, action, target, detail) VALUES (:id, :o, :at, :k, :n, :r, :a, :t, "
                 ":d)",
      soci::use(e.id), soci::use(org, org_ind), soci::use(e.at), soci::use(key, key_ind),
      soci::use(e.actor_name), soci::use(e.actor_role), soci::use(e.action),
      soci::use(target, target_ind), soci::use(detail, detail_ind);
}

std::vector<AuditEntry> AuditRepository::list(const std::string& organisation_id,
                                              const std::optional<std::string>& before_id,
                                              int limit) {
  const std::string before = before_id.value_or("");
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT id, organisation_id, at, actor_key_id, actor_name, "
                              "actor_role, action, target, detail FROM audit_log "
                              "WHERE organisation_id = :o AND (:b1 = '' OR id < :b2) "
                              "ORDER BY id DESC LIMIT :l",
       soci::use(organisation_id), soci::use(before), soci::use(before), soci::use(limit));
  std::vector<AuditEntry> out;
  const auto opt = [](const soci::row& r, std::size_t i) -> std::optional<std::string> {
    if (r.get_indicator(i) != soci::i_ok) return std::nullopt;
    return r.get<std::string>(i);
  };
  for (const auto& r : rows)
    out.push_back({r.get<std::string>(0), opt(r, 1), r.get<std::string>(2), opt(r, 3),
                   r.get<std::string>(4), r.get<std::string>(5), r.get<std::string>(6), opt(r, 7),
                   opt(r, 8)});
  return out;
}

}  // namespace dialogd::store
