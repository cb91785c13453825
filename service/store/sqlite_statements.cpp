#include "store/sqlite_statements.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

namespace dialogd::store {

void reset_sqlite_statements(soci::session& sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  if (!backend || !backend->conn_) return;
  for (auto* stmt = sqlite_api::sqlite3_next_stmt(backend->conn_, nullptr); stmt;
       stmt = sqlite_api::sqlite3_next_stmt(backend->conn_, stmt))
    sqlite_api::sqlite3_reset(stmt);
}

}  // namespace dialogd::store
