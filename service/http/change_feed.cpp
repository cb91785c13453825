#include "http/change_feed.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <chrono>

#include "http/public_cache.hpp"
#include "support/log.hpp"

namespace dialogd::http {

ChangeFeed::ChangeFeed(std::string libpq_connect, PublicCache& cache)
    : connect_(std::move(libpq_connect)), cache_(cache), thread_([this] { run(); }) {}

ChangeFeed::~ChangeFeed() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void ChangeFeed::run() {
  while (!stopping_) {
    PGconn* conn = PQconnectdb(connect_.c_str());
    const std::string listen = std::string("LISTEN ") + channel;
    PGresult* r = PQstatus(conn) == CONNECTION_OK ? PQexec(conn, listen.c_str()) : nullptr;
    const bool listening = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    if (r) PQclear(r);
    if (listening) {
      cache_.invalidate();  // whatever happened while we were not listening
      healthy_ = true;
      while (!stopping_) {
        pollfd p{PQsocket(conn), POLLIN, 0};
        const int ready = ::poll(&p, 1, 200);
        if (ready < 0 || (ready > 0 && !PQconsumeInput(conn))) break;
        bool changed = false;
        while (PGnotify* n = PQnotifies(conn)) {
          changed = true;
          PQfreemem(n);
        }
        if (changed) cache_.invalidate();
        if (PQstatus(conn) != CONNECTION_OK) break;
      }
      healthy_ = false;
      if (!stopping_)
        support::log_line({{"level", "warn"}, {"msg", "change feed lost; public cache paused"}});
    }
    PQfinish(conn);
    for (int i = 0; i < 10 && !stopping_; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace dialogd::http
