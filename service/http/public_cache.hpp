#pragma once
// Public reads answered from memory on the socket thread. A GET of a public route without a key
// is stored after the database thread answered it 200, keyed by its target and the language asked
// for, and served again as long as nothing was written since: every committed write moves the
// generation on (on this instance at once, on other instances through PostgreSQL's NOTIFY, see
// change_feed.hpp), and a stored answer of an older generation is never served. A short time to
// live bounds what a writer the feed cannot see (another process on the same SQLite file) can
// leave stale; when it runs out, one request refreshes the answer while the others are still
// served the stored one (no stampede of hundreds of connections onto the database threads at
// once), so such a writer is seen within two times to live. Conditional requests (If-None-Match)
// are answered 304.
#include <atomic>
#include <chrono>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/net.hpp"

namespace dialogd::http {

class PublicCache {
 public:
  explicit PublicCache(std::size_t max_entries = 4096,
                       std::chrono::milliseconds ttl = std::chrono::milliseconds(1000))
      : max_entries_(max_entries), ttl_(ttl) {}

  // The key of a cacheable request, or nothing (not a GET, a key presented, a non-public route).
  static std::optional<std::string> key_of(const Request& req);

  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  // Something was written: every stored answer is stale from now on.
  void invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }

  // A stored answer as the bytes that go out, but for the request id: the status line and headers
  // (each line ended) and the body. Made once when the answer is stored; shared by every hit.
  struct Wire {
    std::string head;
    std::string body;
  };

  // The stored answer for `key`, fitted to `req` (keep-alive, version, 304 on If-None-Match).
  std::optional<Response> lookup(const std::string& key, const Request& req);
  // The hot path: the stored answer's bytes for a plain HTTP/1.1 keep-alive GET without
  // If-None-Match (the caller checks that, and asks lookup() for every other request), or nothing.
  std::shared_ptr<const Wire> lookup_wire(const std::string& key);
  // Stores a 200 answer computed while the generation was `generation`; adds a strong ETag when
  // the handler gave none.
  void store(const std::string& key, std::uint64_t generation, Response& res);

  std::uint64_t hits() const { return hits_.load(); }
  std::uint64_t misses() const { return misses_.load(); }

 private:
  struct Entry {
    Response res;
    std::shared_ptr<const Wire> wire;  // null when the answer cannot be sent as stored bytes
    std::uint64_t generation;
    std::chrono::steady_clock::time_point stored;
    std::list<std::string>::iterator order;
    // Set when a request found the answer past its time to live and went to refresh it; until its
    // answer is stored (or a time to live later, if it never is) the others get this one.
    std::chrono::steady_clock::time_point refresh_started{};
  };
  // Whether `e` may be served now; false sends this request to the database (under the lock).
  bool servable(Entry& e);
  std::size_t max_entries_;
  std::chrono::milliseconds ttl_;
  std::atomic<std::uint64_t> generation_{0}, hits_{0}, misses_{0};
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> order_;  // least recently stored first
};

}  // namespace dialogd::http
