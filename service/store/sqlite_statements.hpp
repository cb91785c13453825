#pragma once
#include <soci/soci.h>

namespace dialogd::store {

// Resets every statement of an SQLite session. A cached prepared statement that stopped after its
// first row keeps SQLite's read transaction open, pinning an old snapshot: later reads would be
// stale and BEGIN IMMEDIATE would fail at once with "database is locked". Raw sqlite3 calls live in
// this file alone (SOCI wraps sqlite3.h in a namespace).
void reset_sqlite_statements(soci::session& sql);

// Once per process, before SQLite's first use: no memory statistics (they take one process-wide
// mutex on every allocation, for which the writing thread and the database threads then queue)
// and multi-thread mode (a session is only ever used by one thread at a time: the pool leases it,
// the group commit owns its own), which drops the per-session mutex. Later calls do nothing.
void configure_sqlite_once();

}  // namespace dialogd::store
