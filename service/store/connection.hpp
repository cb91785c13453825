#pragma once
// One database session with its per-session cache of prepared statements (trap 4: PostgreSQL
// statements are named on the server, so they live as long as their session).
#include <soci/soci.h>

#include <memory>
#include <mutex>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

namespace dialogd::store {

enum class Backend { sqlite, postgresql };

struct DbUrl {
  Backend backend = Backend::sqlite;
  std::string connect;  // what SOCI's backend is given
  std::string path;     // SQLite file

  // sqlite:PATH, postgresql://..., postgres://..., or libpq key=value ("host=... dbname=...").
  static DbUrl parse(const std::string& url);
  const char* store_name() const { return backend == Backend::sqlite ? "sqlite" : "postgresql"; }
};

class Connection {
 public:
  explicit Connection(const DbUrl& url);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  soci::session& sql() { return sql_; }
  Backend backend() const { return url_.backend; }

  // A statement object of type Q (which prepares itself from a session), made once per session.
  template <typename Q>
  Q& prepared() {
    auto& slot = statements_[std::type_index(typeid(Q))];
    if (!slot) slot = std::make_shared<Q>(sql_);
    return *static_cast<Q*>(slot.get());
  }

  // State kept for the end of this transaction, one T per transaction (made on first use):
  // commit() calls its flush(Connection&) just before COMMIT, rollback() drops it. The group
  // commit keeps its dialogues' counts here, written once per group and dialogue at its end.
  template <typename T>
  T& until_commit() {
    for (auto& p : at_commit_)
      if (p.type == std::type_index(typeid(T))) return *static_cast<T*>(p.state.get());
    auto state = std::make_shared<T>();
    at_commit_.push_back({std::type_index(typeid(T)), state,
                          [](Connection& c, void* s) { static_cast<T*>(s)->flush(c); }});
    return *state;
  }

  // Writing transactions take the write lock up front on SQLite (trap 2).
  void begin_write();
  void begin_read();
  void commit();
  void rollback() noexcept;
  bool in_transaction() const { return in_transaction_; }
  // Called when a request is done with the connection: nothing of it may linger (see
  // sqlite_statements.hpp).
  void finish_request() noexcept;

  // After an error: is the session still usable? If not, it is marked for reconnecting.
  bool check_alive();
  bool broken() const { return broken_; }
  void reconnect();

 private:
  void open();
  DbUrl url_;
  soci::session sql_;
  std::unordered_map<std::type_index, std::shared_ptr<void>> statements_;
  struct AtCommit {
    std::type_index type;
    std::shared_ptr<void> state;
    void (*flush)(Connection&, void*);
  };
  std::vector<AtCommit> at_commit_;
  bool in_transaction_ = false;
  // SQLite admits one writer at a time. Writers of this process queue here instead of in SQLite's
  // busy handler, which sleeps in steps and turns contention into long tail latencies.
  std::unique_lock<std::mutex> sqlite_writer_;
  bool broken_ = false;
};

}  // namespace dialogd::store
