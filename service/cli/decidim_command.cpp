// dialogd decidim sync: syncs every Decidim source (or one) once, for cron. Prints one line per
// source and exits non-zero when any sync failed, so cron's mail says so.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "decidim_app/sync_source.hpp"
#include "store/connection.hpp"
#include "store/migrations.hpp"
#include "support/clock.hpp"

namespace dialogd::cli {

namespace {

void print_report(const decidim_app::SyncReport& r, std::ostream& out) {
  const auto& i = r.import;
  const auto& w = r.write_back;
  out << (r.ok() ? "ok    " : "FAILED") << " source " << r.source.id << " of dialogue "
      << r.source.dialogue_id << ": ";
  if (r.imported)
    out << i.created << " created, " << i.updated << " updated, " << i.unchanged << " unchanged, "
        << i.skipped << " skipped";
  else
    out << "not imported (" << r.import_skipped.value_or(i.last_error) << ")";
  if (w.attempted)
    out << "; write-back " << w.answers_sent << " answers, " << w.results_created
        << " results made, " << w.results_updated << " updated";
  if (r.source.last_error) out << "; error: " << *r.source.last_error;
  out << '\n';
}

}  // namespace

int run_decidim(const std::vector<std::string>& args) {
  const Options o(args,
                  {{"db", "DIALOGD_DB"},
                   {"source", ""},
                   {"timeout-ms", "DIALOGD_DECIDIM_TIMEOUT_MS"},
                   {"page-size", "DIALOGD_DECIDIM_PAGE_SIZE"}},
                  {"allow-private"});
  if (o.positional().size() != 1 || o.positional().front() != "sync")
    throw UsageError("usage: dialogd decidim sync [--db URL] [--source ID] [--allow-private]");
  store::Connection conn(store::DbUrl::parse(o.get("db", "sqlite:dialogd.db")));
  store::migrate(conn);
  const support::Clock clock;
  app::Context ctx{conn, clock, app::Actor::system("Decidim sync"), ""};
  decidim_app::SyncOptions options;
  options.allow_private = o.has("allow-private");
  options.total_timeout =
      std::chrono::milliseconds(o.get_number("timeout-ms", 30'000, 100, 600'000));
  options.page_size = static_cast<int>(o.get_number("page-size", 50, 1, 50));
  const std::string only = o.get("source", "");
  int failed = 0, seen = 0;
  const auto each = [&](const decidim_app::SyncReport& r) {
    ++seen;
    print_report(r, std::cout);
  };
  if (only.empty()) {
    failed = decidim_app::sync_all(ctx, options, each);
  } else {
    bool found = false;
    for (const auto& s : app::syncable_sources(ctx)) {
      if (s.id != only) continue;
      found = true;
      auto r = decidim_app::sync_source(ctx, s.dialogue_id, s.id, options);
      if (!r || !r->ok()) ++failed;
      if (r) each(*r);
    }
    if (!found) {
      std::cerr << "dialogd: no source '" << only << "'\n";
      return 1;
    }
  }
  std::cerr << seen << " source(s) synced, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}

}  // namespace dialogd::cli
