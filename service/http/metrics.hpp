#pragma once
// What /metrics shows in Prometheus's text format: requests and their latency per route template,
// method and status; requests in flight; waits for a database connection; the public cache's hits
// and misses; and (read at scrape time) the outbox's backlog and the age of its oldest unsent
// message. Recording is a few atomic increments under one short lock per request.
#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace dialogd::http {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                  0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  void record(const std::string& route, std::string_view method, unsigned status, double seconds);
  // The request and latency series in text format.
  std::string render_requests() const;

 private:
  struct Series {
    std::uint64_t count = 0;
    double sum = 0;
    std::array<std::uint64_t, buckets.size()> in_bucket{};
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, unsigned>, Series> series_;
};

// Escapes a label value (backslash, quote, newline) for the text format.
std::string label_value(std::string_view v);

}  // namespace dialogd::http
