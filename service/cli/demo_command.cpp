// dialogd demo load: fills a store with the Swedish example through the use cases, the way any
// non-HTTP caller (an adapter, a worker) enters the application.
#include <iostream>

#include "app/demo.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/connection.hpp"
#include "store/migrations.hpp"
#include "support/clock.hpp"

namespace dialogd::cli {

app::DemoSummary load_demo_into(const std::string& db_url, const std::string& public_url) {
  store::Connection conn(store::DbUrl::parse(db_url));
  store::migrate(conn);
  const support::Clock clock;
  conn.begin_write();
  try {
    app::Context ctx{conn, clock, app::Actor::system("Demodata"), public_url};
    auto summary = app::load_demo(ctx);
    conn.commit();
    return summary;
  } catch (...) {
    conn.rollback();
    throw;
  }
}

void print_demo(const app::DemoSummary& s, std::ostream& out) {
  for (const auto& d : s.dialogues) {
    out << d.id << '\t' << d.state << '\t' << d.title;
    if (!d.receipts.empty()) out << "\treceipt " << d.receipts.front();
    out << '\n';
  }
}

int run_demo(const std::vector<std::string>& args) {
  const Options o(args, {{"db", "DIALOGD_DB"}, {"public-url", "DIALOGD_PUBLIC_URL"}});
  if (o.positional().empty() || o.positional().front() != "load")
    throw UsageError("demo needs an action: load");
  if (o.positional().size() > 1)
    throw UsageError("unexpected argument '" + o.positional()[1] + "'");
  print_demo(load_demo_into(o.get("db", "sqlite:dialogd.db"),
                            o.get("public-url", "http://127.0.0.1:8080")),
             std::cout);
  return 0;
}

}  // namespace dialogd::cli
