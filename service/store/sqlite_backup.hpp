#pragma once
// A consistent online copy of a SQLite store, taken with SQLite's backup API while the service
// keeps writing (WAL: writers are not blocked, the copy is one snapshot). Raw sqlite3 calls live in
// sqlite_backup.cpp alone (SOCI wraps sqlite3.h in a namespace, ENGINEERING.md trap 3).
#include <string>

namespace dialogd::store {

// Copies the database at `source` into `target` (written beside it, then renamed into place, so a
// failed copy never leaves a half-written file under the target's name). Throws
// std::runtime_error naming the step that failed. Returns the number of pages copied.
int sqlite_backup(const std::string& source, const std::string& target);

}  // namespace dialogd::store
