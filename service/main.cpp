// dialogd: subcommands serve (default), keys, migrate, routes.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/errors.hpp"

namespace {

// Library messages (libpq's especially) span lines; an operator's terminal gets one.
std::string one_line(std::string text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (!args.empty() && (args[0] == "--version" || args[0] == "version")) {
      std::cout << "dialogd " << DIALOGD_VERSION << "\n";
      return 0;
    }
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
      dialogd::cli::print_help();
      return 0;
    }
    std::string command = "serve";
    if (!args.empty() && args[0].rfind("--", 0) != 0) {
      command = args[0];
      args.erase(args.begin());
    }
    if (command == "serve") return dialogd::cli::run_serve(args);
    if (command == "keys") return dialogd::cli::run_keys(args);
    if (command == "migrate") return dialogd::cli::run_migrate(args);
    if (command == "routes") return dialogd::cli::run_routes();
    if (command == "demo") return dialogd::cli::run_demo(args);
    if (command == "backup") return dialogd::cli::run_backup(args);
    if (command == "decidim") return dialogd::cli::run_decidim(args);
    throw dialogd::cli::UsageError("unknown command '" + command + "'");
  } catch (const dialogd::cli::UsageError& e) {
    std::cerr << "dialogd: " << e.what() << " (see dialogd --help)\n";
    return 2;
  } catch (const dialogd::store::SchemaTooNew& e) {
    std::cerr << "dialogd: " << one_line(e.what()) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "dialogd: " << one_line(e.what()) << "\n";
    return 1;
  }
}
