#include "store/migrations.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "store/errors.hpp"
#include "support/clock.hpp"

namespace dialogd::embedded {
std::string_view find(std::string_view path);
}

namespace dialogd::store {
namespace {

struct Migration {
  int version;
  const char* file;
  // A migration whose SQL cannot be the same on both stores (JSON functions) names PostgreSQL's own
  // file here; it makes the same tables. The version's name stays `file` on both.
  const char* postgresql_file = nullptr;
};

// Append only: a released migration is never edited, a change is a new file.
constexpr Migration migrations[] = {
    {1, "migrations/001_initial.sql"},
    {2, "migrations/002_outbox.sql"},
    {3, "migrations/003_activities_contributions.sql"},
    {4, "migrations/004_analysis_to_follow_up.sql"},
    {5, "migrations/005_feedback.sql"},
    {6, "migrations/006_organisations.sql"},
    {7, "migrations/007_audit_and_key_rotation.sql"},
    {8, "migrations/008_widget_keys.sql"},
    {9, "migrations/009_sources.sql"},
    {10, "migrations/010_source_sync.sql"},
    {11, "migrations/011_scale_indexes.sql"},
    {12, "migrations/012_contribution_groups.sql",
     "migrations/012_contribution_groups.postgresql.sql"},
    {13, "migrations/013_lean_contribution_writes.sql",
     "migrations/013_lean_contribution_writes.postgresql.sql"},
};

// Any number that is ours alone: the advisory lock key for "migrating dialogd".
constexpr long long advisory_lock_key = 0x6469616c6f67;

// Splits a file at semicolons that end a line; migrations keep semicolons out of literals.
std::vector<std::string> statements_of(std::string_view sql) {
  std::vector<std::string> out;
  std::string current;
  std::size_t pos = 0;
  while (pos < sql.size()) {
    std::size_t eol = sql.find('\n', pos);
    if (eol == std::string_view::npos) eol = sql.size();
    std::string_view line = sql.substr(pos, eol - pos);
    pos = eol + 1;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line.substr(first, 2) == "--") continue;
    current.append(line).push_back('\n');
    const auto last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

int applied_version(soci::session& sql) {
  long long v = 0;
  soci::indicator ind;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(v, ind);
  return ind == soci::i_ok ? static_cast<int>(v) : 0;
}

// Numbers may have gaps while parallel work lands (007 before 006): each migration is applied when
// its own number is missing, not only when it is above the highest applied one.
bool applied(soci::session& sql, int version) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version),
      soci::into(n);
  return n > 0;
}

}  // namespace

int latest_schema_version() {
  return migrations[std::size(migrations) - 1].version;
}

int migration_count() {
  return static_cast<int>(std::size(migrations));
}

MigrationReport migrate(Connection& conn) {
  soci::session& sql = conn.sql();
  const bool pg = conn.backend() == Backend::postgresql;
  MigrationReport report;
  // The lock comes first: even CREATE TABLE IF NOT EXISTS races between PostgreSQL sessions.
  if (pg) sql << "SELECT pg_advisory_lock(" << advisory_lock_key << ")";
  try {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
           "name TEXT NOT NULL, applied_at TEXT NOT NULL)";
    report.from_version = applied_version(sql);
    report.to_version = report.from_version;
    if (report.from_version > latest_schema_version())
      throw SchemaTooNew("the database schema is at version " +
                         std::to_string(report.from_version) +
                         " but this dialogd knows only up to " +
                         std::to_string(latest_schema_version()) + "; upgrade dialogd");
    const support::Clock clock;
    for (const Migration& m : migrations) {
      conn.begin_write();
      try {
        // Re-read inside the write lock: another instance may have applied it meanwhile.
        if (applied(sql, m.version)) {
          conn.rollback();
          continue;
        }
        const char* file = pg && m.postgresql_file ? m.postgresql_file : m.file;
        for (const std::string& statement : statements_of(dialogd::embedded::find(file)))
          sql << statement;
        const std::string name = m.file, at = clock.now_rfc3339();
        sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
            soci::use(m.version), soci::use(name), soci::use(at);
        conn.commit();
        report.to_version = std::max(report.to_version, m.version);
      } catch (...) {
        conn.rollback();
        throw;
      }
    }
  } catch (...) {
    if (pg) sql << "SELECT pg_advisory_unlock(" << advisory_lock_key << ")";
    throw;
  }
  if (pg) sql << "SELECT pg_advisory_unlock(" << advisory_lock_key << ")";
  return report;
}

}  // namespace dialogd::store
