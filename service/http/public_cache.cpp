#include "http/public_cache.hpp"

#include "cms/http_cache.hpp"
#include "support/gzip.hpp"
#include "support/ids.hpp"

namespace dialogd::http {

std::optional<std::string> PublicCache::key_of(const Request& req) {
  if (req.method() != bhttp::verb::get || req.find(bhttp::field::authorization) != req.end())
    return std::nullopt;
  // Dates are the handlers' to compare (Last-Modified); the cache answers only by ETag.
  if (req.find(bhttp::field::if_modified_since) != req.end()) return std::nullopt;
  // Answers differ by language only through Accept-Language (sv or en wins).
  std::string lang = "en";
  if (const auto it = req.find(bhttp::field::accept_language); it != req.end()) {
    const std::string_view v = it->value();
    const auto sv = v.find("sv"), en = v.find("en");
    if (sv != std::string_view::npos && (en == std::string_view::npos || sv < en)) lang = "sv";
  }
  // Static assets come gzipped to clients that accept it: the two representations are two keys.
  const auto ae = req.find(bhttp::field::accept_encoding);
  const bool gzip = ae != req.end() && support::accepts_gzip(ae->value());
  std::string key(req.target());
  key += '\n';
  key += lang;
  key += gzip ? "\ngzip" : "\nidentity";
  return key;
}

std::optional<Response> PublicCache::lookup(const std::string& key, const Request& req) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || !servable(it->second)) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  const Response& stored = it->second.res;
  if (const auto inm = req.find(bhttp::field::if_none_match); inm != req.end()) {
    const auto etag = stored.find(bhttp::field::etag);
    // A list compared weakly (RFC 9110 13.1.2), as the feeds compare it.
    if (etag != stored.end() &&
        cms::not_modified({std::string(etag->value()), ""}, inm->value(), {})) {
      Response not_modified{bhttp::status::not_modified, req.version()};
      not_modified.set(bhttp::field::etag, etag->value());
      if (const auto cc = stored.find(bhttp::field::cache_control); cc != stored.end())
        not_modified.set(bhttp::field::cache_control, cc->value());
      not_modified.keep_alive(req.keep_alive());
      return not_modified;
    }
  }
  Response copy = stored;
  copy.version(req.version());
  copy.keep_alive(req.keep_alive());
  return copy;
}

namespace {

// The answer as an HTTP/1.1 keep-alive answer, without the blank line that ends the headers (the
// request id goes there). Not for an answer without Content-Length (it could not be framed).
std::shared_ptr<const PublicCache::Wire> wire_of(const Response& res) {
  if (res.find(bhttp::field::content_length) == res.end()) return nullptr;
  auto w = std::make_shared<PublicCache::Wire>();
  w->head.reserve(512);
  w->head += "HTTP/1.1 ";
  w->head += std::to_string(res.result_int());
  w->head += ' ';
  w->head += res.reason();
  w->head += "\r\n";
  for (const auto& f : res) {
    // Keep-alive is HTTP/1.1's default; the hit's own id is added per request.
    if (f.name() == bhttp::field::connection || f.name_string() == "X-Request-Id") continue;
    w->head += f.name_string();
    w->head += ": ";
    w->head += f.value();
    w->head += "\r\n";
  }
  w->body = res.body();
  return w;
}

}  // namespace

std::shared_ptr<const PublicCache::Wire> PublicCache::lookup_wire(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || !it->second.wire || !servable(it->second)) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  return it->second.wire;
}

bool PublicCache::servable(Entry& e) {
  if (e.generation != generation()) return false;  // written since: never served
  const auto now = std::chrono::steady_clock::now();
  if (now - e.stored <= ttl_) return true;
  const bool refreshing = e.refresh_started != std::chrono::steady_clock::time_point{} &&
                          now - e.refresh_started <= ttl_;
  if (!refreshing) e.refresh_started = now;  // this request refreshes it
  return refreshing;
}

void PublicCache::store(const std::string& key, std::uint64_t generation, Response& res) {
  if (res.result() != bhttp::status::ok) return;
  if (res.find(bhttp::field::etag) == res.end())
    res.set(bhttp::field::etag, "\"" + support::sha256_hex(res.body()).substr(0, 32) + "\"");
  auto wire = wire_of(res);  // outside the lock: the socket threads wait on it
  std::lock_guard lock(mutex_);
  if (generation != this->generation()) return;  // written meanwhile: the answer may be stale
  if (auto it = entries_.find(key); it != entries_.end()) {
    order_.erase(it->second.order);
    entries_.erase(it);
  }
  while (entries_.size() >= max_entries_ && !order_.empty()) {
    entries_.erase(order_.front());
    order_.pop_front();
  }
  order_.push_back(key);
  entries_.emplace(key, Entry{res, std::move(wire), generation, std::chrono::steady_clock::now(),
                              std::prev(order_.end())});
}

}  // namespace dialogd::http
