#pragma once
#include <soci/soci.h>

namespace dialogd::store {

// Resets every statement of an SQLite session. A cached prepared statement that stopped after its
// first row keeps SQLite's read transaction open, pinning an old snapshot: later reads would be
// stale and BEGIN IMMEDIATE would fail at once with "database is locked". Raw sqlite3 calls live in
// this file alone (SOCI wraps sqlite3.h in a namespace).
void reset_sqlite_statements(soci::session& sql);

}  // namespace dialogd::store
