// Fuzz target: the whole request path in process. Raw bytes -> Beast's request parser (with the
// server's header and body limits) -> router -> Dispatcher (the real handlers) on a SQLite store in
// a temporary file, migrated and loaded with the demo data once, with one API key of each role.
// Invariants: no request is answered with a 5xx; every 4xx is application/problem+json.
//
// So that the seed corpus reaches existing resources, "@D0".."@D9" in the request target stand for
// the demo's dialogue ids (in the order app::load_demo made them) and "@R0" for a demo receipt.
#include <unistd.h>
#include <boost/beast/core/flat_buffer.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <string_view>
#include <vector>

#include "app/demo.hpp"
#include "domain/dialogue.hpp"
#include "http/dispatcher.hpp"
#include "http/request_context.hpp"
#include "http/router.hpp"
#include "store/connection_pool.hpp"
#include "store/key_repository.hpp"
#include "store/migrations.hpp"
#include "support/clock.hpp"
#include "support/ids.hpp"

using namespace dialogd;

namespace {

// The keys the seed corpus presents (tests/fuzz/corpus/request_path): "Bearer fuzz-<role>".
constexpr const char* roles[] = {"operator", "admin", "editor", "portal"};

struct World {
  std::string file;
  http::ServerConfig config;
  std::unique_ptr<store::ConnectionPool> pool;
  std::unique_ptr<http::Services> services;
  std::unique_ptr<http::Dispatcher> dispatcher;
  std::vector<std::string> dialogue_ids;
  std::string receipt;

  World() {
    file = (std::filesystem::temp_directory_path() /
            ("dialogd-fuzz-" + std::to_string(::getpid()) + ".db"))
               .string();
    const auto url = store::DbUrl::parse("sqlite:" + file);
    pool = std::make_unique<store::ConnectionPool>(url, 1);
    {
      auto conn = pool->acquire();
      store::migrate(*conn);
      const support::Clock clock;
      conn->begin_write();
      app::Context ctx{*conn, clock, app::Actor::system("Demodata"), config.public_url};
      const auto demo = app::load_demo(ctx);
      for (const auto& d : demo.dialogues) {
        dialogue_ids.push_back(d.id);
        if (receipt.empty() && !d.receipts.empty()) receipt = d.receipts.front();
      }
      store::KeyRepository keys(*conn);
      for (const char* role : roles) {
        std::optional<std::string> org;
        if (std::string(role) != "operator") org = std::string(domain::default_organisation);
        keys.create({role, std::string("fuzz ") + role, org, std::nullopt},
                    support::sha256_hex(std::string("fuzz-") + role), clock.now_rfc3339());
      }
      conn->commit();
    }
    services = std::make_unique<http::Services>(
        http::Services{config, support::Clock(), url.store_name()});
    dispatcher = std::make_unique<http::Dispatcher>(*services, pool.get());
  }
  ~World() {
    dispatcher.reset();
    pool.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((file + suffix).c_str());
  }
};

// The target with its placeholders replaced.
std::string expand(std::string_view target, const World& w) {
  std::string out;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '@' && i + 2 < target.size()) {
      const char kind = target[i + 1], digit = target[i + 2];
      if (kind == 'D' && digit >= '0' && digit <= '9' &&
          static_cast<std::size_t>(digit - '0') < w.dialogue_ids.size()) {
        out += w.dialogue_ids[static_cast<std::size_t>(digit - '0')];
        i += 2;
        continue;
      }
      if (kind == 'R' && digit == '0') {
        out += w.receipt;
        i += 2;
        continue;
      }
    }
    out.push_back(target[i]);
  }
  return out;
}

World& world() {
  static World w;
  return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  World& w = world();
  http::bhttp::request_parser<http::bhttp::string_body> parser;
  parser.eager(true);
  parser.body_limit(w.config.body_limit);
  parser.header_limit(static_cast<std::uint32_t>(w.config.header_limit));
  boost::beast::error_code ec;
  std::size_t used = parser.put(boost::asio::buffer(data, size), ec);
  (void)used;
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;  // the session answers 400/413/431 or waits for more
  http::Request req = parser.release();
  if (req.target().find('@') != std::string_view::npos) req.target(expand(req.target(), w));

  std::string_view path = req.target();
  path = path.substr(0, path.find('?'));
  const http::Match match = http::router().match(req.method(), path);
  http::Response res;
  if (!match.route)
    res = w.dispatcher->route_problem(req, match);
  else if (!match.route->needs_store && req.find(http::bhttp::field::authorization) == req.end())
    res = w.dispatcher->run_without_store(req, match);
  else
    res = w.dispatcher->run(req, match);
  if (res.result_int() >= 500) {
    std::fprintf(stderr, "5xx answer %u to %s %s\n%s\n", res.result_int(),
                 std::string(req.method_string()).c_str(), std::string(req.target()).c_str(),
                 res.body().c_str());
    std::abort();
  }
  // Every refusal is problem+json.
  if (res.result_int() >= 400 &&
      res[http::bhttp::field::content_type].find("application/problem+json") != 0) {
    std::fprintf(stderr, "%u without problem+json to %s %s\n", res.result_int(),
                 std::string(req.method_string()).c_str(), std::string(req.target()).c_str());
    std::abort();
  }
  return 0;
}
