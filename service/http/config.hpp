#pragma once
#include <chrono>
#include <cstddef>
#include <string>

namespace dialogd::http {

struct ServerConfig {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;
  std::string db = "sqlite:dialogd.db";
  std::size_t io_threads = 1;  // socket threads: parsing and writing only
  std::size_t db_threads = 4;  // = connection pool size; all SOCI work runs here
  std::size_t body_limit = 1024 * 1024;
  std::size_t header_limit = 16 * 1024;
  std::chrono::milliseconds read_timeout{
      30'000};  // also how long an idle keep-alive connection waits
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds grace_period{10'000};
  bool access_log = true;
  // Where citizens reach this service (receipt links in feedback messages).
  std::string public_url = "http://127.0.0.1:8080";
  std::string smtp_url;  // empty: feedback email stays pending
  std::string mail_from = "dialogd@localhost";
  std::chrono::milliseconds delivery_poll{1000};
  std::chrono::milliseconds delivery_lease{60'000};
  std::chrono::milliseconds retry_base{30'000};
  int delivery_attempts = 6;
  // Webhooks to loopback, private and link-local addresses (refused unless allowed: SSRF).
  bool allow_private_webhooks = false;
  // Public reads kept in memory at most this long (0: no cache); every write invalidates them.
  std::chrono::milliseconds public_cache_ttl{1000};
  // Contribution writes share transactions and fsyncs (--no-group-commit: one each).
  bool group_commit = true;
  // Open connections at most, in all and from one client address (0: no cap).
  std::size_t max_connections = 10'000;
  std::size_t max_connections_per_address = 256;
  // Contributions per minute per client address with a widget key (--widget-write-limit).
  int widget_write_limit = 30;
  // Requests a minute (0: no limit): receipt lookups and other public requests per client address,
  // and requests per API key.
  int rate_receipts = 60;
  int rate_public = 1200;
  int rate_key = 6000;
  // The reverse proxy whose X-Forwarded-For names the client (empty: the TCP peer is the client).
  std::string trusted_proxy;
  // PEM files of the certificate chain and its key (both empty: plain HTTP, e.g. behind a proxy
  // that terminates TLS). With TLS on, every answer carries Strict-Transport-Security.
  std::string tls_cert;
  std::string tls_key;
  bool hsts_include_subdomains = false;  // only when every subdomain is served over HTTPS
  // The open data's licence and the contact point of the DCAT-AP-SE catalogue.
  std::string open_data_licence = "http://creativecommons.org/publicdomain/zero/1.0/";
  std::string open_data_contact;  // a function mailbox, e.g. medborgardialog@region.se
  // Decidim sync: each request's deadline, the page size asked for (Decidim allows 50 at most),
  // and the scheduled sync of every source (0: only on request or from cron).
  std::chrono::milliseconds decidim_timeout{30'000};
  int decidim_page_size = 50;
  std::chrono::minutes decidim_sync_interval{0};
  bool decidim_sync_on_link = true;  // a new link's first sync starts by itself
};

}  // namespace dialogd::http
