#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "app/demo.hpp"
#include "store/key_repository.hpp"

namespace dialogd::cli {

int run_serve(const std::vector<std::string>& args);
int run_keys(const std::vector<std::string>& args);
int run_migrate(const std::vector<std::string>& args);
int run_routes();
int run_demo(const std::vector<std::string>& args);
int run_backup(const std::vector<std::string>& args);
int run_decidim(const std::vector<std::string>& args);
void print_help();

// Shared by the subcommands.
app::DemoSummary load_demo_into(const std::string& db_url, const std::string& public_url);
void print_demo(const app::DemoSummary& s, std::ostream& out);
// Makes a key of `role` and returns its secret (shown once; only its hash is stored).
std::string create_key(const std::string& db_url, const store::NewKey& key);
void audit_cli(store::Connection& conn, const std::optional<std::string>& organisation_id,
               std::string action, std::string target, std::string detail);
store::ApiKey create_key(store::Connection& conn, const store::NewKey& key, std::string& secret,
                         const std::vector<std::string>& origins = {});

}  // namespace dialogd::cli
