#include "store/idempotency_repository.hpp"

namespace dialogd::store {

std::optional<StoredAnswer> IdempotencyRepository::find(const std::string& api_key_id,
                                                        const std::string& key) {
  StoredAnswer a;
  long long status = 0;
  std::string location, etag;
  soci::indicator loc_ind = soci::i_null, etag_ind = soci::i_null;
  soci::statement st =
      (conn_.sql().prepare << "SELECT request_hash, status, location, etag, body FROM idempotency "
                              "WHERE api_key_id = :k AND idem_key = :i",
       soci::use(api_key_id), soci::use(key), soci::into(a.request_hash), soci::into(status),
       soci::into(location, loc_ind), soci::into(etag, etag_ind), soci::into(a.body));
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  a.status = static_cast<int>(status);
  if (loc_ind == soci::i_ok) a.location = location;
  if (etag_ind == soci::i_ok) a.etag = etag;
  return a;
}

bool IdempotencyRepository::insert(const std::string& api_key_id, const std::string& key,
                                   const StoredAnswer& a, const std::string& now) {
  const long long status = a.status;
  soci::indicator loc_ind = a.location ? soci::i_ok : soci::i_null;
  soci::indicator etag_ind = a.etag ? soci::i_ok : soci::i_null;
  const std::string location = a.location.value_or(""), etag = a.etag.value_or("");
  // ON CONFLICT waits for a concurrent insert of the same key (another instance) to commit.
  soci::statement st =
      (conn_.sql().prepare
           << "INSERT INTO idempotency (api_key_id, idem_key, request_hash, status, "
              "location, etag, body, created_at) VALUES (:k, :i, :h, :s, :l, :e, :b, :at) "
              "ON CONFLICT (api_key_id, idem_key) DO NOTHING",
       soci::use(api_key_id), soci::use(key), soci::use(a.request_hash), soci::use(status),
       soci::use(location, loc_ind), soci::use(etag, etag_ind), soci::use(a.body), soci::use(now));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace dialogd::store
