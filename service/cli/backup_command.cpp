// dialogd backup --to FILE: a consistent online copy of a SQLite store, taken while dialogd serves
// writes. PostgreSQL has its own tools (pg_dump); see docs/operations.md.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/connection.hpp"
#include "store/sqlite_backup.hpp"

namespace dialogd::cli {

int run_backup(const std::vector<std::string>& args) {
  const Options o(args, {{"db", "DIALOGD_DB"}, {"to", ""}});
  if (!o.positional().empty())
    throw UsageError("unexpected argument '" + o.positional().front() + "'");
  const std::string to = o.get("to", "");
  if (to.empty()) throw UsageError("backup needs --to FILE");
  const auto url = store::DbUrl::parse(o.get("db", "sqlite:dialogd.db"));
  if (url.backend != store::Backend::sqlite) {
    std::cerr << "dialogd: backup copies SQLite stores only; back up PostgreSQL with pg_dump "
                 "(see docs/operations.md)\n";
    return 2;
  }
  const int pages = store::sqlite_backup(url.path, to);
  std::cerr << "Backed up " << url.path << " to " << to << " (" << pages << " pages)\n";
  return 0;
}

}  // namespace dialogd::cli
