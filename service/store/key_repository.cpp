#include "store/key_repository.hpp"

#include "support/ids.hpp"

namespace dialogd::store {
namespace {

// Every authenticated request runs this: keep it prepared per session.
struct FindActiveKey {
  std::string hash, organisation, origins;
  soci::indicator organisation_ind = soci::i_null, origins_ind = soci::i_null;
  ApiKey row;
  soci::statement st;
  explicit FindActiveKey(soci::session& sql)
      : st((sql.prepare << "SELECT id, name, role, created_at, organisation_id, origins "
                           "FROM api_keys WHERE key_hash = :h AND revoked_at IS NULL",
            soci::use(hash), soci::into(row.id), soci::into(row.name), soci::into(row.role),
            soci::into(row.created_at), soci::into(organisation, organisation_ind),
            soci::into(origins, origins_ind))) {}
};

}  // namespace

ApiKey KeyRepository::create(const NewKey& key, const std::string& key_hash,
                             const std::string& now) {
  ApiKey k{support::new_id(),   key.name,   key.role, now, std::nullopt,
           key.organisation_id, key.origins};
  if (k.name.empty()) k.name = k.role + "-" + k.id.substr(k.id.size() - 6);
  std::string org = key.organisation_id.value_or(""), origins = key.origins.value_or("");
  soci::indicator org_ind = key.organisation_id ? soci::i_ok : soci::i_null;
  soci::indicator origins_ind = key.origins ? soci::i_ok : soci::i_null;
  conn_.sql() << "INSERT INTO api_keys (id, name, role, organisation_id, origins, key_hash, "
                 "created_at) VALUES (:id, :name, :role, :org, :origins, :hash, :at)",
      soci::use(k.id), soci::use(k.name), soci::use(k.role), soci::use(org, org_ind),
      soci::use(origins, origins_ind), soci::use(key_hash), soci::use(now);
  return k;
}

std::optional<ApiKey> KeyRepository::find_active(const std::string& key_hash) {
  auto& q = conn_.prepared<FindActiveKey>();
  q.hash = key_hash;
  q.st.execute(true);
  if (!q.st.got_data()) return std::nullopt;
  ApiKey k = q.row;
  if (q.organisation_ind == soci::i_ok) k.organisation_id = q.organisation;
  if (q.origins_ind == soci::i_ok) k.origins = q.origins;
  return k;
}

std::vector<ApiKey> KeyRepository::list() {
  std::vector<ApiKey> out;
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare
       << "SELECT id, name, role, created_at, revoked_at, organisation_id, origins FROM api_keys "
          "ORDER BY id");
  for (const auto& r : rows) {
    ApiKey k{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
             r.get<std::string>(3), std::nullopt,          std::nullopt,
             std::nullopt};
    if (r.get_indicator(4) == soci::i_ok) k.revoked_at = r.get<std::string>(4);
    if (r.get_indicator(5) == soci::i_ok) k.organisation_id = r.get<std::string>(5);
    if (r.get_indicator(6) == soci::i_ok) k.origins = r.get<std::string>(6);
    out.push_back(std::move(k));
  }
  return out;
}

bool KeyRepository::revoke(const std::string& id, const std::string& now) {
  soci::statement st = (conn_.sql().prepare << "UPDATE api_keys SET revoked_at = :at "
                                               "WHERE id = :id AND revoked_at IS NULL",
                        soci::use(now), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace dialogd::store
