#include "store/sqlite_statements.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <mutex>

namespace dialogd::store {

void reset_sqlite_statements(soci::session& sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  if (!backend || !backend->conn_) return;
  for (auto* stmt = sqlite_api::sqlite3_next_stmt(backend->conn_, nullptr); stmt;
       stmt = sqlite_api::sqlite3_next_stmt(backend->conn_, stmt))
    sqlite_api::sqlite3_reset(stmt);
}

void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Both fail harmlessly (SQLITE_MISUSE) if SQLite was initialised already; it then keeps its
    // defaults, which are correct, only slower.
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  });
}

}  // namespace dialogd::store
