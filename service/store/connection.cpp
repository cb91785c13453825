#include "store/connection.hpp"

#include <utility>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "store/errors.hpp"
#include "store/sqlite_statements.hpp"

namespace dialogd::store {

namespace {

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// libpq quoting for key='value' pairs.
std::string quoted(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// SOCI 4.0 treats its connect string as key=value pairs, so a URI is turned into that form here:
// postgresql://user:password@host:port/db?sslmode=require -> user='..' password='..' host=...
std::string uri_to_keywords(std::string_view uri) {
  uri.remove_prefix(uri.find("://") + 3);
  std::string out;
  auto add = [&](const char* key, std::string_view value) {
    if (!value.empty())
      out += std::string(out.empty() ? "" : " ") + key + "=" + quoted(percent_decoded(value));
  };
  const auto slash = uri.find('/');
  std::string_view authority = uri.substr(0, slash);
  std::string_view rest =
      slash == std::string_view::npos ? std::string_view{} : uri.substr(slash + 1);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
    const auto colon = userinfo.find(':');
    add("user", userinfo.substr(0, colon));
    if (colon != std::string_view::npos) add("password", userinfo.substr(colon + 1));
  }
  const auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    add("host", authority.substr(0, colon));
    add("port", authority.substr(colon + 1));
  } else {
    add("host", authority);
  }
  const auto q = rest.find('?');
  add("dbname", rest.substr(0, q));
  if (q != std::string_view::npos) {
    std::string_view params = rest.substr(q + 1);
    while (!params.empty()) {
      const auto amp = params.find('&');
      const std::string_view kv = params.substr(0, amp);
      params = amp == std::string_view::npos ? std::string_view{} : params.substr(amp + 1);
      const auto eq = kv.find('=');
      if (eq != std::string_view::npos)
        add(std::string(kv.substr(0, eq)).c_str(), kv.substr(eq + 1));
    }
  }
  return out;
}

}  // namespace

DbUrl DbUrl::parse(const std::string& url) {
  DbUrl out;
  if (url.rfind("sqlite:", 0) == 0) {
    out.backend = Backend::sqlite;
    out.path = url.substr(7);
    if (out.path.rfind("//", 0) == 0) out.path = out.path.substr(2);
    if (out.path.empty())
      throw std::invalid_argument("sqlite: needs a file path, e.g. sqlite:dialogd.db");
    out.connect = "db=" + out.path;
    return out;
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0 ||
      url.find("dbname=") != std::string::npos || url.find("host=") != std::string::npos) {
    out.backend = Backend::postgresql;
    out.connect = url.find("://") != std::string::npos ? uri_to_keywords(url) : url;
    return out;
  }
  throw std::invalid_argument("unknown database URL '" + url +
                              "': use sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB");
}

Connection::Connection(const DbUrl& url) : url_(url) {
  open();
}

void Connection::open() {
  try {
    if (url_.backend == Backend::sqlite) {
      configure_sqlite_once();
      sql_.open(soci::sqlite3, url_.connect);
      // Pragmas by statement after opening, busy timeout first (trap 2; SOCI orders them badly).
      sql_ << "PRAGMA busy_timeout = 10000";
      sql_ << "PRAGMA journal_mode = WAL";
      sql_ << "PRAGMA synchronous = FULL";
      sql_ << "PRAGMA foreign_keys = ON";
      // Savepoints (one per request in a group commit) journal the pages they change; on disk that
      // journal costs a write system call per page once it passes 64 KiB. In memory it is a copy.
      sql_ << "PRAGMA temp_store = MEMORY";
    } else {
      sql_.open(soci::postgresql, url_.connect);
    }
  } catch (const soci::soci_error& e) {
    throw StoreUnavailable(std::string("cannot open the database: ") + e.what());
  }
}

void Connection::finish_request() noexcept {
  rollback();
  if (url_.backend == Backend::sqlite) {
    try {
      reset_sqlite_statements(sql_);
    } catch (...) {
    }
  }
}

namespace {
std::mutex& sqlite_write_mutex() {
  static std::mutex m;
  return m;
}
}  // namespace

void Connection::begin_write() {
  if (url_.backend == Backend::sqlite) {
    reset_sqlite_statements(sql_);
    sqlite_writer_ = std::unique_lock(sqlite_write_mutex());
  }
  sql_ << (url_.backend == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  in_transaction_ = true;
}

void Connection::begin_read() {
  sql_ << "BEGIN";
  in_transaction_ = true;
}

void Connection::commit() {
  // What was kept for the end (until_commit), taken out first: a flush that fails leaves nothing
  // behind for the rollback that follows.
  for (auto pending = std::exchange(at_commit_, {}); auto& p : pending)
    p.flush(*this, p.state.get());
  // A statement left stepping keeps the session in a read transaction past COMMIT, and SQLite
  // refuses the automatic checkpoint of a session still in a transaction (SQLITE_LOCKED): the WAL
  // then grows without end (hundreds of MB a minute under the write benchmark) and every read and
  // append slows with it. Reset them first so each commit can checkpoint and the WAL be reused.
  if (url_.backend == Backend::sqlite) reset_sqlite_statements(sql_);
  sql_ << "COMMIT";
  in_transaction_ = false;
  if (sqlite_writer_.owns_lock()) sqlite_writer_.unlock();
}

void Connection::rollback() noexcept {
  at_commit_.clear();
  if (in_transaction_) {
    in_transaction_ = false;
    try {
      sql_ << "ROLLBACK";
    } catch (...) {
      broken_ = !check_alive();
    }
  }
  if (sqlite_writer_.owns_lock()) sqlite_writer_.unlock();
}

bool Connection::check_alive() {
  bool alive = false;
  try {
    alive = sql_.is_connected();
  } catch (...) {
  }
  if (!alive) broken_ = true;
  return alive;
}

void Connection::reconnect() {
  // The old session's prepared statements cannot be deallocated on a dead server; drop them first.
  try {
    statements_.clear();
  } catch (...) {
  }
  try {
    sql_.close();
  } catch (...) {
  }
  in_transaction_ = false;
  open();
  broken_ = false;
}

}  // namespace dialogd::store
