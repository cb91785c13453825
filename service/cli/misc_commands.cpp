#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "http/router.hpp"
#include "store/connection.hpp"
#include "store/migrations.hpp"

namespace dialogd::cli {

int run_migrate(const std::vector<std::string>& args) {
  const Options o(args, {{"db", "DIALOGD_DB"}});
  store::Connection conn(store::DbUrl::parse(o.get("db", "sqlite:dialogd.db")));
  const auto report = store::migrate(conn);
  std::cout << "schema at version " << report.to_version << " (was " << report.from_version
            << ")\n";
  return 0;
}

// For the contract test: every route the router knows, as "METHOD /path/{param}".
int run_routes() {
  for (const auto& r : http::router().routes())
    std::cout << http::bhttp::to_string(r.method) << ' ' << r.path << '\n';
  return 0;
}

void print_help() {
  std::cout << R"(dialogd: citizen dialogue from decision to feedback

Usage:
  dialogd [serve] [--port N] [--bind ADDR] [--db URL] [options]
  dialogd keys create --role operator|admin|editor|portal [--org ID] [--name TEXT] [--db URL]
                                                without --org a key joins the default organisation
  dialogd keys create --role widget --origin https://www.example.se [--origin ...] [--org ID]
  dialogd keys list [--db URL]
  dialogd keys create ... [--expires-days N]      the key stops working after N days
  dialogd keys rotate ID [--grace-hours N]      a new secret; the old one works N more hours (24)
  dialogd keys revoke ID [--db URL]
  dialogd migrate [--db URL]
  dialogd demo load [--db URL]                  the Swedish example dialogues, made through the use cases
  dialogd backup --to FILE [--db URL]           a consistent copy of a SQLite store, taken while it serves
  dialogd decidim sync [--db URL] [--source ID] [--allow-private] [--timeout-ms MS] [--page-size N]
                                                sync every Decidim source (or one), for cron
  dialogd routes
  dialogd --version | --help

Database URLs:
  sqlite:PATH                                   (default sqlite:dialogd.db)
  postgresql://USER:PASSWORD@HOST:PORT/DB       or libpq's "host=... dbname=..." form

Serve options (environment variable in brackets):
  --port N              port, 0 picks a free one (DIALOGD_PORT, default 8080)
  --bind ADDR           address (DIALOGD_BIND, default 127.0.0.1)
  --db URL              database (DIALOGD_DB)
  --db-threads N        database threads = pooled connections (DIALOGD_DB_THREADS, default 4)
  --io-threads N        socket threads (DIALOGD_IO_THREADS, default 1)
  --body-limit BYTES    largest request body (DIALOGD_BODY_LIMIT, default 1048576)
  --header-limit BYTES  largest request header (DIALOGD_HEADER_LIMIT, default 16384)
  --read-timeout-ms MS  read deadline and idle keep-alive (DIALOGD_READ_TIMEOUT_MS, default 30000)
  --grace-seconds S     on SIGTERM, time to finish requests in flight (DIALOGD_GRACE_SECONDS, default 10)
  --no-access-log       no per-request log lines
  --public-cache-ms MS  keep public reads in memory at most MS (DIALOGD_PUBLIC_CACHE_MS, default 1000;
                        0 turns the cache off); every write invalidates them at once
  --max-connections N, --max-connections-per-address N
                        open connections at most, in all and from one address; a connection over
                        a cap is closed at once (defaults 10000 and 256; 0: no cap)
  --rate-receipts N, --rate-public N, --rate-key N
                        requests a minute: receipt lookups and other public requests per client
                        address, requests per API key (defaults 60, 1200, 6000; 0: no limit);
                        over a limit 429 rate-limited with Retry-After and RateLimit headers
  --trusted-proxy ADDR  the reverse proxy whose X-Forwarded-For names the client
  --tls-cert FILE, --tls-key FILE
                        serve HTTPS only, with this PEM certificate chain and private key (both or
                        neither; DIALOGD_TLS_CERT, DIALOGD_TLS_KEY); answers carry
                        Strict-Transport-Security: max-age=31536000
  --hsts-include-subdomains
                        add includeSubDomains to that header (only if every subdomain has HTTPS)
  --open-data-licence URL, --open-data-contact EMAIL
                        the open data's licence (default CC0 1.0) and the catalogue's contact point
  --no-group-commit     one transaction and fsync per contribution instead of shared ones
  --allow-private-webhooks
                        let webhooks reach loopback, private and link-local addresses (refused by
                        default, at registration and at every delivery); also Decidim sources
  --decidim-sync-minutes N
                        sync every Decidim source every N minutes (DIALOGD_DECIDIM_SYNC_MINUTES,
                        default 0: only on request or with `dialogd decidim sync` from cron); a
                        newly linked source is synced at once either way
  --no-decidim-sync-on-link
                        do not start a new link's first sync by itself
  --decidim-timeout-ms MS, --decidim-page-size N
                        Decidim requests: deadline of each (default 30000) and items a page (1-50,
                        default 50)
  --demo                serve a fresh demo store (a temporary SQLite file with the example
                        dialogues; an editor and a portal key are printed)
  --public-url URL      where citizens reach this service, for receipt links (DIALOGD_PUBLIC_URL)
  --smtp URL            SMTP server for feedback email, e.g. smtp://mail.region.se:25 (DIALOGD_SMTP);
                        without it email stays pending and is reported as such
  --mail-from ADDR      sender address (DIALOGD_MAIL_FROM, default dialogd@localhost)
  --delivery-poll-ms MS, --delivery-lease-ms MS, --retry-base-ms MS, --delivery-attempts N
                        outbox delivery: poll interval, claim lease, first retry delay (doubles),
                        attempts before a message is marked failed (defaults 1000, 60000, 30000, 6)
  --widget-write-limit N contributions a minute per client address with a widget key
                        (DIALOGD_WIDGET_WRITE_LIMIT, default 30)
  DIALOGD_TODAY=YYYY-MM-DD moves the service's clock (for tests and demonstrations)
)";
}

}  // namespace dialogd::cli
