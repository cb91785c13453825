#include "store/key_repository.hpp"

#include "support/ids.hpp"

namespace dialogd::store {
namespace {

// Every authenticated request runs this: keep it prepared per session.
struct FindActiveKey {
  std::string hash;
  ApiKey row;
  soci::statement st;
  explicit FindActiveKey(soci::session& sql)
      : st((sql.prepare << "SELECT id, name, role, created_at FROM api_keys "
                           "WHERE key_hash = :h AND revoked_at IS NULL",
            soci::use(hash), soci::into(row.id), soci::into(row.name), soci::into(row.role),
            soci::into(row.created_at))) {}
};

}  // namespace

ApiKey KeyRepository::create(const std::string& role, const std::string& name,
                             const std::string& key_hash, const std::string& now) {
  ApiKey k{support::new_id(), name, role, now, std::nullopt};
  if (k.name.empty()) k.name = role + "-" + k.id.substr(k.id.size() - 6);
  conn_.sql() << "INSERT INTO api_keys (id, name, role, key_hash, created_at) "
                 "VALUES (:id, :name, :role, :hash, :at)",
      soci::use(k.id), soci::use(k.name), soci::use(k.role), soci::use(key_hash), soci::use(now);
  return k;
}

std::optional<ApiKey> KeyRepository::find_active(const std::string& key_hash) {
  auto& q = conn_.prepared<FindActiveKey>();
  q.hash = key_hash;
  q.st.execute(true);
  if (!q.st.got_data()) return std::nullopt;
  return q.row;
}

std::vector<ApiKey> KeyRepository::list() {
  std::vector<ApiKey> out;
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare
       << "SELECT id, name, role, created_at, revoked_at FROM api_keys ORDER BY id");
  for (const auto& r : rows) {
    ApiKey k{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
             r.get<std::string>(3), std::nullopt};
    if (r.get_indicator(4) == soci::i_ok) k.revoked_at = r.get<std::string>(4);
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
