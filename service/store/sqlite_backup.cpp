#include "store/sqlite_backup.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace dialogd::store {

namespace {

struct Db {
  sqlite3* handle = nullptr;
  ~Db() { sqlite3_close_v2(handle); }
};

[[noreturn]] void fail(const std::string& step, sqlite3* db, int rc) {
  throw std::runtime_error(step + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

}  // namespace

int sqlite_backup(const std::string& source, const std::string& target) {
  if (!std::filesystem::exists(source)) throw std::runtime_error("no SQLite store at " + source);
  Db from;
  int rc = sqlite3_open_v2(source.c_str(), &from.handle, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) fail("opening " + source, from.handle, rc);
  sqlite3_busy_timeout(from.handle, 10'000);

  const std::string partial = target + ".partial";
  std::remove(partial.c_str());
  int pages = 0;
  {
    Db to;
    rc = sqlite3_open_v2(partial.c_str(), &to.handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                         nullptr);
    if (rc != SQLITE_OK) fail("creating " + partial, to.handle, rc);
    sqlite3_backup* backup = sqlite3_backup_init(to.handle, "main", from.handle, "main");
    if (!backup) fail("starting the backup", to.handle, SQLITE_ERROR);
    // All pages in one step: one read transaction on the source, so the copy is one snapshot.
    // Writers go on in WAL mode; a busy source (a checkpoint in progress) is retried.
    do {
      rc = sqlite3_backup_step(backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    pages = sqlite3_backup_pagecount(backup);
    const int finished = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) fail("copying", to.handle, rc);
    if (finished != SQLITE_OK) fail("finishing the backup", to.handle, finished);
    // The copy is a plain rollback-journal file: one file to move and restore.
    char* err = nullptr;
    if (sqlite3_exec(to.handle, "PRAGMA journal_mode=DELETE", nullptr, nullptr, &err) !=
        SQLITE_OK) {
      const std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw std::runtime_error("finishing the copy: " + msg);
    }
  }
  std::filesystem::rename(partial, target);
  return pages;
}

}  // namespace dialogd::store
