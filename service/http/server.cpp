#include "http/server.hpp"

#include "http/change_feed.hpp"
#include "http/decidim_schedule.hpp"
#include "http/group_commit.hpp"
#include "http/metrics.hpp"
#include "http/public_cache.hpp"

#include <curl/curl.h>

#include <thread>

#include "delivery/worker.hpp"

#include "http/listener.hpp"
#include "http/server_core.hpp"
#include "http/session.hpp"
#include "http/tls.hpp"
#include "store/connection_pool.hpp"
#include "store/migrations.hpp"
#include "support/log.hpp"

namespace dialogd::http {
namespace {

// Polls until nothing is in flight and every connection is gone, or the grace period ends.
void wait_then_stop(net::io_context& ioc, ServerCore& core,
                    std::shared_ptr<net::steady_timer> timer,
                    std::chrono::steady_clock::time_point deadline) {
  if ((core.in_flight == 0 && core.sessions.empty()) ||
      std::chrono::steady_clock::now() >= deadline) {
    if (core.in_flight != 0)
      support::log_line(
          {{"level", "warn"}, {"msg", "grace period over"}, {"in_flight", core.in_flight.load()}});
    ioc.stop();
    return;
  }
  timer->expires_after(std::chrono::milliseconds(20));
  timer->async_wait([&ioc, &core, timer, deadline](beast::error_code) {
    wait_then_stop(ioc, core, timer, deadline);
  });
}

}  // namespace

int serve(const ServerConfig& config) {
  // Before anything else: a bad certificate or key stops the start, with the flag named.
  std::unique_ptr<net::ssl::context> tls;
  if (!config.tls_cert.empty()) tls = tls_context(config.tls_cert, config.tls_key);
  const store::DbUrl url = store::DbUrl::parse(config.db);
  store::ConnectionPool pool(url, config.db_threads);
  {
    auto lease = pool.acquire();
    const auto report = store::migrate(*lease);
    if (report.to_version != report.from_version)
      support::log_line({{"level", "info"},
                         {"msg", "migrated"},
                         {"from", report.from_version},
                         {"to", report.to_version}});
  }

  Services services{config, support::Clock(), url.store_name()};
  PublicCache cache(4096, config.public_cache_ttl);
  Metrics metrics;
  services.metrics = &metrics;
  services.pool = &pool;
  std::unique_ptr<ChangeFeed> feed;
  if (config.public_cache_ttl.count() > 0) {
    services.cache = &cache;
    // Several instances share a PostgreSQL store: each hears of the others' writes.
    if (url.backend == store::Backend::postgresql)
      feed = std::make_unique<ChangeFeed>(url.connect, cache);
  }
  // Feedback delivery runs beside the HTTP threads, leasing a pooled connection per round.
  curl_global_init(CURL_GLOBAL_DEFAULT);
  delivery::Worker worker(
      pool, services.clock,
      {config.smtp_url, config.mail_from, config.delivery_poll, config.delivery_lease,
       config.retry_base, config.delivery_attempts, config.allow_private_webhooks});
  worker.start();
  DecidimSchedule decidim_schedule(pool, services.clock, services.cache, services.config);
  decidim_schedule.start();
  services.decidim = &decidim_schedule;
  net::io_context ioc(static_cast<int>(config.io_threads));
  net::thread_pool db_pool(config.db_threads);
  ServerCore core{config,  Dispatcher(services, &pool), db_pool, services.cache, feed.get(),
                  &metrics};
  services.in_flight = &core.in_flight;
  std::unique_ptr<GroupCommitter> committer;
  if (config.group_commit) {
    committer =
        std::make_unique<GroupCommitter>(url, core.dispatcher, services.cache, ioc.get_executor());
    core.committer = committer.get();
    services.committer = committer.get();
  }

  auto listener = std::make_shared<Listener>(
      ioc, tcp::endpoint(net::ip::make_address(config.bind), config.port), core, tls.get());
  listener->start();
  // Without --public-url on --port 0 the address is known only now.
  if (services.config.public_url.ends_with(":0"))
    services.config.public_url.replace(services.config.public_url.size() - 1, 1,
                                       std::to_string(listener->port()));
  support::log_line({{"level", "info"},
                     {"msg", "listening"},
                     {"address", config.bind},
                     {"port", listener->port()},
                     {"tls", tls != nullptr},
                     {"store", url.store_name()}});

  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code ec, int signal) {
    if (ec) return;
    support::log_line({{"level", "info"}, {"msg", "shutting down"}, {"signal", signal}});
    core.draining = true;
    listener->stop();
    for (auto& session : core.sessions.live()) session->drain();
    auto timer = std::make_shared<net::steady_timer>(ioc);
    wait_then_stop(ioc, core, timer, std::chrono::steady_clock::now() + config.grace_period);
  });

  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < config.io_threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  db_pool.join();
  committer.reset();  // answers what is queued, then stops
  decidim_schedule.stop();
  worker.stop();
  support::log_line({{"level", "info"}, {"msg", "stopped"}});
  return 0;
}

}  // namespace dialogd::http
