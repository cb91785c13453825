#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "domain/dialogue.hpp"
#include "http/server.hpp"

#include <stdlib.h>

#include <iostream>
#include <stdexcept>

namespace dialogd::cli {

namespace {

std::string demo_db_;

// A fresh SQLite store in a temporary folder, with the demo loaded and an editor and a portal key
// printed, so a newcomer sees a living service at once.
std::string prepare_demo_store() {
  char dir_template[] = "/tmp/dialogd-demo.XXXXXX";
  const char* dir = ::mkdtemp(dir_template);
  if (!dir) throw std::runtime_error("cannot make a temporary folder for the demo store");
  demo_db_ = std::string("sqlite:") + dir + "/demo.db";
  return demo_db_;
}

void announce_demo(const http::ServerConfig& c) {
  const auto summary = load_demo_into(c.db, c.public_url);
  std::cerr << "Demo store " << c.db.substr(7) << " with these dialogues:\n";
  print_demo(summary, std::cerr);
  for (const char* role : {"editor", "portal"})
    std::cerr << role << " key: "
              << create_key(c.db, {role, std::string("demo ") + role,
                                   std::string(domain::default_organisation), std::nullopt})
              << '\n';
  std::cerr << "Try " << c.public_url << "/v1/dialogues and " << c.public_url << "/v1/receipts/"
            << summary.dialogues.front().receipts.front() << '\n';
}

}  // namespace

int run_serve(const std::vector<std::string>& args) {
  const Options o(args,
                  {{"port", "DIALOGD_PORT"},
                   {"bind", "DIALOGD_BIND"},
                   {"db", "DIALOGD_DB"},
                   {"db-threads", "DIALOGD_DB_THREADS"},
                   {"io-threads", "DIALOGD_IO_THREADS"},
                   {"body-limit", "DIALOGD_BODY_LIMIT"},
                   {"header-limit", "DIALOGD_HEADER_LIMIT"},
                   {"read-timeout-ms", "DIALOGD_READ_TIMEOUT_MS"},
                   {"grace-seconds", "DIALOGD_GRACE_SECONDS"},
                   {"public-url", "DIALOGD_PUBLIC_URL"},
                   {"smtp", "DIALOGD_SMTP"},
                   {"mail-from", "DIALOGD_MAIL_FROM"},
                   {"delivery-poll-ms", "DIALOGD_DELIVERY_POLL_MS"},
                   {"delivery-lease-ms", "DIALOGD_DELIVERY_LEASE_MS"},
                   {"retry-base-ms", "DIALOGD_RETRY_BASE_MS"},
                   {"delivery-attempts", "DIALOGD_DELIVERY_ATTEMPTS"},
                   {"public-cache-ms", "DIALOGD_PUBLIC_CACHE_MS"},
                   {"max-connections", "DIALOGD_MAX_CONNECTIONS"},
                   {"max-connections-per-address", "DIALOGD_MAX_CONNECTIONS_PER_ADDRESS"},
                   {"widget-write-limit", "DIALOGD_WIDGET_WRITE_LIMIT"},
                   {"rate-receipts", "DIALOGD_RATE_RECEIPTS"},
                   {"rate-public", "DIALOGD_RATE_PUBLIC"},
                   {"rate-key", "DIALOGD_RATE_KEY"},
                   {"trusted-proxy", "DIALOGD_TRUSTED_PROXY"},
                   {"tls-cert", "DIALOGD_TLS_CERT"},
                   {"tls-key", "DIALOGD_TLS_KEY"},
                   {"open-data-licence", "DIALOGD_OPEN_DATA_LICENCE"},
                   {"open-data-contact", "DIALOGD_OPEN_DATA_CONTACT"},
                   {"decidim-timeout-ms", "DIALOGD_DECIDIM_TIMEOUT_MS"},
                   {"decidim-page-size", "DIALOGD_DECIDIM_PAGE_SIZE"},
                   {"decidim-sync-minutes", "DIALOGD_DECIDIM_SYNC_MINUTES"}},
                  {"no-access-log", "demo", "allow-private-webhooks", "no-group-commit",
                   "no-decidim-sync-on-link", "hsts-include-subdomains"});
  if (!o.positional().empty())
    throw UsageError("unexpected argument '" + o.positional().front() + "'");
  http::ServerConfig c;
  c.port = static_cast<unsigned short>(o.get_number("port", 8080, 0, 65535));
  c.bind = o.get("bind", c.bind);
  c.db = o.get("db", c.db);
  if (o.has("demo")) c.db = prepare_demo_store();
  c.db_threads = static_cast<std::size_t>(o.get_number("db-threads", 4, 1, 256));
  c.io_threads = static_cast<std::size_t>(o.get_number("io-threads", 1, 1, 64));
  c.body_limit = static_cast<std::size_t>(o.get_number("body-limit", 1 << 20, 1024, 1L << 30));
  c.header_limit = static_cast<std::size_t>(o.get_number("header-limit", 16 * 1024, 1024, 1 << 20));
  c.read_timeout =
      std::chrono::milliseconds(o.get_number("read-timeout-ms", 30'000, 100, 3'600'000));
  c.write_timeout = c.read_timeout;
  c.grace_period = std::chrono::seconds(o.get_number("grace-seconds", 10, 0, 3600));
  c.access_log = !o.has("no-access-log");
  c.allow_private_webhooks = o.has("allow-private-webhooks");
  c.group_commit = !o.has("no-group-commit");
  c.max_connections =
      static_cast<std::size_t>(o.get_number("max-connections", 10'000, 0, 1'000'000));
  c.max_connections_per_address =
      static_cast<std::size_t>(o.get_number("max-connections-per-address", 256, 0, 1'000'000));
  c.public_cache_ttl = std::chrono::milliseconds(o.get_number("public-cache-ms", 1000, 0, 600'000));
  c.tls_cert = o.get("tls-cert", "");
  c.tls_key = o.get("tls-key", "");
  // Half a TLS configuration is a mistake, never a reason to fall back to plain HTTP.
  if (!c.tls_cert.empty() && c.tls_key.empty())
    throw UsageError("--tls-cert needs --tls-key (the certificate's private key)");
  if (c.tls_cert.empty() && !c.tls_key.empty())
    throw UsageError("--tls-key needs --tls-cert (the certificate chain)");
  c.hsts_include_subdomains = o.has("hsts-include-subdomains");
  if (c.hsts_include_subdomains && c.tls_cert.empty())
    throw UsageError("--hsts-include-subdomains needs --tls-cert and --tls-key");
  const std::string scheme = c.tls_cert.empty() ? "http://" : "https://";
  c.public_url = o.get("public-url", scheme + c.bind + ":" + std::to_string(c.port));
  while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
  c.smtp_url = o.get("smtp", "");
  c.mail_from = o.get("mail-from", c.mail_from);
  c.delivery_poll = std::chrono::milliseconds(o.get_number("delivery-poll-ms", 1000, 10, 600'000));
  c.delivery_lease =
      std::chrono::milliseconds(o.get_number("delivery-lease-ms", 60'000, 100, 3'600'000));
  c.retry_base = std::chrono::milliseconds(o.get_number("retry-base-ms", 30'000, 10, 86'400'000));
  c.delivery_attempts = static_cast<int>(o.get_number("delivery-attempts", 6, 1, 100));
  c.widget_write_limit = static_cast<int>(o.get_number("widget-write-limit", 30, 1, 100000));
  c.rate_receipts = static_cast<int>(o.get_number("rate-receipts", 60, 0, 10'000'000));
  c.rate_public = static_cast<int>(o.get_number("rate-public", 1200, 0, 10'000'000));
  c.rate_key = static_cast<int>(o.get_number("rate-key", 6000, 0, 10'000'000));
  c.trusted_proxy = o.get("trusted-proxy", "");
  c.open_data_licence = o.get("open-data-licence", c.open_data_licence);
  c.open_data_contact = o.get("open-data-contact", "");
  c.decidim_timeout =
      std::chrono::milliseconds(o.get_number("decidim-timeout-ms", 30'000, 100, 600'000));
  c.decidim_sync_on_link = !o.has("no-decidim-sync-on-link");
  c.decidim_page_size = static_cast<int>(o.get_number("decidim-page-size", 50, 1, 50));
  c.decidim_sync_interval = std::chrono::minutes(o.get_number("decidim-sync-minutes", 0, 0, 10080));
  if (o.has("demo")) announce_demo(c);
  return http::serve(c);
}

}  // namespace dialogd::cli
