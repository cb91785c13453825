// dialogd keys create|list|revoke: API keys are made and revoked on the server's own machine.
#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/connection.hpp"
#include "store/key_origin_repository.hpp"
#include "store/key_repository.hpp"
#include "store/migrations.hpp"
#include "support/clock.hpp"
#include "support/ids.hpp"
#include "support/origin.hpp"

namespace dialogd::cli {

namespace {

// --origin may be given many times (widget keys): take them out before the other flags are read.
std::vector<std::string> take_origins(const std::vector<std::string>& args,
                                      std::vector<std::string>& rest) {
  std::vector<std::string> origins;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string value;
    if (args[i] == "--origin") {
      if (i + 1 >= args.size()) throw UsageError("option '--origin' needs a value");
      value = args[++i];
    } else if (args[i].rfind("--origin=", 0) == 0) {
      value = args[i].substr(9);
    } else {
      rest.push_back(args[i]);
      continue;
    }
    const auto origin = support::normalise_origin(value);
    if (!origin)
      throw UsageError(
          "--origin '" + value +
          "' is not an origin: give scheme://host[:port], e.g. https://www.example.se");
    if (std::find(origins.begin(), origins.end(), *origin) == origins.end())
      origins.push_back(*origin);
  }
  return origins;
}

}  // namespace

int run_keys(const std::vector<std::string>& all_args) {
  std::vector<std::string> args;
  const std::vector<std::string> origins = take_origins(all_args, args);
  const Options o(args, {{"db", "DIALOGD_DB"}, {"role", ""}, {"name", ""}});
  if (o.positional().empty()) throw UsageError("keys needs an action: create, list or revoke");
  const std::string action = o.positional()[0];
  store::Connection conn(store::DbUrl::parse(o.get("db", "sqlite:dialogd.db")));
  store::migrate(conn);
  store::KeyRepository keys(conn);
  const support::Clock clock;
  if (action == "create") {
    const std::string role = o.get("role", "");
    if (role != "admin" && role != "editor" && role != "portal" && role != "widget")
      throw UsageError("keys create needs --role admin, editor, portal or widget");
    if (role == "widget" && origins.empty())
      throw UsageError(
          "a widget key needs at least one --origin (the site that embeds the widgets), e.g. "
          "--origin https://www.example.se");
    if (role != "widget" && !origins.empty()) throw UsageError("--origin is only for widget keys");
    const std::string key = support::new_api_key();
    conn.begin_write();
    const auto created =
        keys.create(role, o.get("name", ""), support::sha256_hex(key), clock.now_rfc3339());
    store::KeyOriginRepository key_origins(conn);
    for (const auto& origin : origins) key_origins.add(created.id, origin);
    conn.commit();
    std::cerr << "Created key " << created.id << " (" << created.role << ", " << created.name
              << "). It is shown only now; store it safely.\n";
    std::cout << key << std::endl;
    return 0;
  }
  if (action == "list") {
    store::KeyOriginRepository key_origins(conn);
    for (const auto& k : keys.list()) {
      std::cout << k.id << '\t' << k.role << '\t' << k.name << '\t' << k.created_at << '\t'
                << (k.revoked_at ? "revoked " + *k.revoked_at : std::string("active"));
      if (k.role == "widget")
        for (const auto& origin : key_origins.list(k.id)) std::cout << '\t' << origin;
      std::cout << '\n';
    }
    return 0;
  }
  if (action == "revoke") {
    if (o.positional().size() < 2)
      throw UsageError("keys revoke needs the key's ID (see keys list)");
    conn.begin_write();
    const bool done = keys.revoke(o.positional()[1], clock.now_rfc3339());
    conn.commit();
    if (!done) {
      std::cerr << "dialogd: no active key with ID " << o.positional()[1] << "\n";
      return 1;
    }
    std::cout << "revoked " << o.positional()[1] << "\n";
    return 0;
  }
  throw UsageError("unknown keys action '" + action + "': use create, list or revoke");
}

}  // namespace dialogd::cli
