#pragma once
#include "store/connection.hpp"

namespace dialogd::store {

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
};

// Applies the numbered migrations compiled into the binary, each in its own transaction, recording
// each in schema_migrations. Instances starting together serialise on an advisory lock
// (PostgreSQL) or the write lock (SQLite). Throws SchemaTooNew when the database is ahead.
MigrationReport migrate(Connection& conn);

int latest_schema_version();
// How many migrations this binary knows (numbers may have gaps).
int migration_count();

}  // namespace dialogd::store
