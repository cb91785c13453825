#include "store/connection.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "store/errors.hpp"

namespace dialogd::store {

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
    out.connect = url;
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
      sql_.open(soci::sqlite3, url_.connect);
      // Pragmas by statement after opening, busy timeout first (trap 2; SOCI orders them badly).
      sql_ << "PRAGMA busy_timeout = 10000";
      sql_ << "PRAGMA journal_mode = WAL";
      sql_ << "PRAGMA synchronous = FULL";
      sql_ << "PRAGMA foreign_keys = ON";
    } else {
      sql_.open(soci::postgresql, url_.connect);
    }
  } catch (const soci::soci_error& e) {
    throw StoreUnavailable(std::string("cannot open the database: ") + e.what());
  }
}

void Connection::begin_write() {
  sql_ << (url_.backend == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  in_transaction_ = true;
}

void Connection::begin_read() {
  sql_ << "BEGIN";
  in_transaction_ = true;
}

void Connection::commit() {
  sql_ << "COMMIT";
  in_transaction_ = false;
}

void Connection::rollback() noexcept {
  if (!in_transaction_) return;
  in_transaction_ = false;
  try {
    sql_ << "ROLLBACK";
  } catch (...) {
    broken_ = !check_alive();
  }
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
