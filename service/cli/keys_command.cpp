// dialogd keys create|list|revoke: API keys are made and revoked on the server's own machine.
#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "domain/dialogue.hpp"
#include "store/audit_repository.hpp"
#include "store/connection.hpp"
#include "store/key_origin_repository.hpp"
#include "store/key_repository.hpp"
#include "store/migrations.hpp"
#include "store/organisation_repository.hpp"
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

// Keys are made on the server's own machine; the audit log names the command, not a person.
void audit_cli(store::Connection& conn, const std::optional<std::string>& organisation_id,
               std::string action, std::string target, std::string detail) {
  const support::Clock clock;
  store::AuditEntry e;
  e.id = support::new_id();
  e.organisation_id = organisation_id;
  e.at = clock.now_rfc3339();
  e.actor_name = "dialogd keys";
  e.actor_role = "cli";
  e.action = std::move(action);
  e.target = std::move(target);
  e.detail = std::move(detail);
  store::AuditRepository(conn).append(e);
}

int run_keys(const std::vector<std::string>& all_args) {
  std::vector<std::string> args;
  const std::vector<std::string> origins = take_origins(all_args, args);
  const Options o(args, {{"db", "DIALOGD_DB"},
                         {"role", ""},
                         {"name", ""},
                         {"org", ""},
                         {"expires-days", ""},
                         {"grace-hours", ""}});
  if (o.positional().empty())
    throw UsageError("keys needs an action: create, list, rotate or revoke");
  const std::string action = o.positional()[0];
  store::Connection conn(store::DbUrl::parse(o.get("db", "sqlite:dialogd.db")));
  store::migrate(conn);
  store::KeyRepository keys(conn);
  const support::Clock clock;
  if (action == "create") {
    const std::string role = o.get("role", "");
    if (role != "admin" && role != "editor" && role != "portal" && role != "operator" &&
        role != "widget")
      throw UsageError("keys create needs --role operator, admin, editor, portal or widget");
    if (role == "widget" && origins.empty())
      throw UsageError(
          "a widget key needs at least one --origin (the site that embeds the widgets), e.g. "
          "--origin https://www.example.se");
    if (role != "widget" && !origins.empty()) throw UsageError("--origin is only for widget keys");
    std::optional<std::string> org;
    if (role == "operator") {
      if (o.has("org")) throw UsageError("an operator key belongs to no organisation: drop --org");
    } else {
      // Without --org a key joins the default organisation: a single-organisation installation
      // never names one.
      org = o.get("org", std::string(domain::default_organisation));
      if (!store::OrganisationRepository(conn).find(*org))
        throw UsageError("no organisation '" + *org + "' (see GET /v1/organisations)");
    }
    std::optional<std::string> expires;
    if (o.has("expires-days"))
      expires = support::rfc3339(clock.now() +
                                 std::chrono::hours(24 * o.get_number("expires-days", 0, 1, 3650)));
    std::string key;
    const auto created = create_key(conn, {role, o.get("name", ""), org, expires}, key, origins);
    std::cerr << "Created key " << created.id << " (" << created.role << ", " << created.name
              << "). It is shown only now; store it safely.\n";
    std::cout << key << std::endl;
    return 0;
  }
  if (action == "list") {
    // id, role, organisation (- for operators), name, created, status [, origins of a widget key]
    store::KeyOriginRepository key_origins(conn);
    for (const auto& k : keys.list()) {
      std::cout << k.id << '\t' << k.role << '\t' << k.organisation_id.value_or("-") << '\t'
                << k.name << '\t' << k.created_at << '\t'
                << (k.revoked_at ? "revoked " + *k.revoked_at
                    : k.expires_at && *k.expires_at <= clock.now_rfc3339()
                        ? "expired " + *k.expires_at
                        : std::string("active"));
      if (k.role == "widget")
        for (const auto& origin : key_origins.list(k.id)) std::cout << '\t' << origin;
      std::cout << '\n';
    }
    return 0;
  }
  if (action == "rotate") {
    if (o.positional().size() < 2)
      throw UsageError("keys rotate needs the key's ID (see keys list)");
    const std::string id = o.positional()[1];
    const long hours = o.get_number("grace-hours", 24, 0, 24 * 90);
    const std::string secret = support::new_api_key();
    const std::string until = support::rfc3339(clock.now() + std::chrono::hours(hours));
    conn.begin_write();
    const auto found = keys.find(id);
    const bool done =
        found && !found->revoked_at && keys.rotate(id, support::sha256_hex(secret), until);
    if (done)
      audit_cli(conn, found->organisation_id, "key.rotate", id,
                found->role + ", old secret valid until " + until);
    conn.commit();
    if (!done) {
      std::cerr << "dialogd: no active key with ID " << id << "\n";
      return 1;
    }
    std::cerr << "Rotated key " << id << ": the old secret works until " << until
              << ". The new one is shown only now; store it safely.\n";
    std::cout << secret << std::endl;
    return 0;
  }
  if (action == "revoke") {
    if (o.positional().size() < 2)
      throw UsageError("keys revoke needs the key's ID (see keys list)");
    conn.begin_write();
    const auto found = keys.find(o.positional()[1]);
    const bool done = keys.revoke(o.positional()[1], clock.now_rfc3339());
    if (done) audit_cli(conn, found->organisation_id, "key.revoke", found->id, found->role);
    conn.commit();
    if (!done) {
      std::cerr << "dialogd: no active key with ID " << o.positional()[1] << "\n";
      return 1;
    }
    std::cout << "revoked " << o.positional()[1] << "\n";
    return 0;
  }
  throw UsageError("unknown keys action '" + action + "': use create, list, rotate or revoke");
}

}  // namespace dialogd::cli

namespace dialogd::cli {

store::ApiKey create_key(store::Connection& conn, const store::NewKey& key, std::string& secret,
                         const std::vector<std::string>& origins) {
  const support::Clock clock;
  secret = support::new_api_key();
  conn.begin_write();
  const auto created =
      store::KeyRepository(conn).create(key, support::sha256_hex(secret), clock.now_rfc3339());
  store::KeyOriginRepository key_origins(conn);
  for (const auto& origin : origins) key_origins.add(created.id, origin);
  audit_cli(conn, created.organisation_id, "key.create", created.id,
            created.role + (created.expires_at ? ", expires " + *created.expires_at : ""));
  conn.commit();
  return created;
}

std::string create_key(const std::string& db_url, const store::NewKey& key) {
  store::Connection conn(store::DbUrl::parse(db_url));
  std::string secret;
  create_key(conn, key, secret);
  return secret;
}

}  // namespace dialogd::cli
