#include "store/key_repository.hpp"

#include "support/ids.hpp"

namespace dialogd::store {
namespace {

// Every authenticated request runs this: keep it prepared per session.
struct FindActiveKey {
  std::string hash, now, organisation;
  soci::indicator organisation_ind = soci::i_null;
  ApiKey row;
  soci::statement st;
  explicit FindActiveKey(soci::session& sql)
      : st((sql.prepare << "SELECT id, name, role, created_at, organisation_id "
                           "FROM api_keys WHERE (key_hash = :h OR (previous_hash = :h2 AND "
                           "previous_valid_until > :n1)) AND revoked_at IS NULL AND "
                           "(expires_at IS NULL OR expires_at > :n2)",
            soci::use(hash), soci::use(hash), soci::use(now), soci::use(now), soci::into(row.id),
            soci::into(row.name), soci::into(row.role), soci::into(row.created_at),
            soci::into(organisation, organisation_ind))) {}
};

}  // namespace

ApiKey KeyRepository::create(const NewKey& key, const std::string& key_hash,
                             const std::string& now) {
  ApiKey k;
  k.id = support::new_id();
  k.name = key.name.empty() ? key.role + "-" + k.id.substr(k.id.size() - 6) : key.name;
  k.role = key.role;
  k.created_at = now;
  k.organisation_id = key.organisation_id;
  k.expires_at = key.expires_at;
  std::string org = key.organisation_id.value_or(""), expires = key.expires_at.value_or("");
  soci::indicator org_ind = key.organisation_id ? soci::i_ok : soci::i_null;
  soci::indicator expires_ind = key.expires_at ? soci::i_ok : soci::i_null;
  conn_.sql() << "INSERT INTO api_keys (id, name, role, organisation_id, key_hash, created_at, "
                 "expires_at) VALUES (:id, :name, :role, :org, :hash, :at, :exp)",
      soci::use(k.id), soci::use(k.name), soci::use(k.role), soci::use(org, org_ind),
      soci::use(key_hash), soci::use(now), soci::use(expires, expires_ind);
  return k;
}

std::optional<ApiKey> KeyRepository::find_active(const std::string& key_hash,
                                                 const std::string& now) {
  auto& q = conn_.prepared<FindActiveKey>();
  q.hash = key_hash;
  q.now = now;
  q.st.execute(true);
  if (!q.st.got_data()) return std::nullopt;
  ApiKey k = q.row;
  if (q.organisation_ind == soci::i_ok) k.organisation_id = q.organisation;
  return k;
}

std::vector<ApiKey> KeyRepository::list() {
  std::vector<ApiKey> out;
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare
       << "SELECT id, name, role, created_at, revoked_at, organisation_id, expires_at, "
          "previous_valid_until FROM api_keys ORDER BY id");
  for (const auto& r : rows) {
    ApiKey k;
    k.id = r.get<std::string>(0);
    k.name = r.get<std::string>(1);
    k.role = r.get<std::string>(2);
    k.created_at = r.get<std::string>(3);
    if (r.get_indicator(4) == soci::i_ok) k.revoked_at = r.get<std::string>(4);
    if (r.get_indicator(5) == soci::i_ok) k.organisation_id = r.get<std::string>(5);
    if (r.get_indicator(6) == soci::i_ok) k.expires_at = r.get<std::string>(6);
    if (r.get_indicator(7) == soci::i_ok) k.previous_valid_until = r.get<std::string>(7);
    out.push_back(std::move(k));
  }
  return out;
}

bool KeyRepository::rotate(const std::string& id, const std::string& new_hash,
                           const std::string& previous_valid_until) {
  soci::statement st = (conn_.sql().prepare << "UPDATE api_keys SET previous_hash = key_hash, "
                                               "previous_valid_until = :until, key_hash = :h "
                                               "WHERE id = :id AND revoked_at IS NULL",
                        soci::use(previous_valid_until), soci::use(new_hash), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<ApiKey> KeyRepository::find(const std::string& id) {
  for (auto& k : list())
    if (k.id == id) return k;
  return std::nullopt;
}

bool KeyRepository::revoke(const std::string& id, const std::string& now) {
  soci::statement st = (conn_.sql().prepare << "UPDATE api_keys SET revoked_at = :at "
                                               "WHERE id = :id AND revoked_at IS NULL",
                        soci::use(now), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace dialogd::store
