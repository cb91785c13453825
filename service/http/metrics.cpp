#include "http/metrics.hpp"

#include <cstdio>

namespace dialogd::http {

std::string label_value(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void Metrics::record(const std::string& route, std::string_view method, unsigned status,
                     double seconds) {
  std::lock_guard lock(mutex_);
  Series& s = series_[{route, std::string(method), status}];
  ++s.count;
  s.sum += seconds;
  for (std::size_t i = 0; i < buckets.size(); ++i)
    if (seconds <= buckets[i]) ++s.in_bucket[i];
}

std::string Metrics::render_requests() const {
  std::string out =
      "# HELP dialogd_http_requests_total Requests answered, by route template, method and "
      "status.\n# TYPE dialogd_http_requests_total counter\n";
  std::string hist =
      "# HELP dialogd_http_request_duration_seconds Time from a request's parse to its answer.\n"
      "# TYPE dialogd_http_request_duration_seconds histogram\n";
  std::lock_guard lock(mutex_);
  char number[64];
  for (const auto& [key, s] : series_) {
    const auto& [route, method, status] = key;
    const std::string labels = "route=\"" + label_value(route) + "\",method=\"" +
                               label_value(method) + "\",status=\"" + std::to_string(status) + "\"";
    out += "dialogd_http_requests_total{" + labels + "} " + std::to_string(s.count) + "\n";
    for (std::size_t i = 0; i < buckets.size(); ++i) {
      std::snprintf(number, sizeof number, "%g", buckets[i]);
      hist += "dialogd_http_request_duration_seconds_bucket{" + labels + ",le=\"" + number +
              "\"} " + std::to_string(s.in_bucket[i]) + "\n";
    }
    hist += "dialogd_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
            std::to_string(s.count) + "\n";
    std::snprintf(number, sizeof number, "%.9g", s.sum);
    hist += "dialogd_http_request_duration_seconds_sum{" + labels + "} " + number + "\n";
    hist += "dialogd_http_request_duration_seconds_count{" + labels + "} " +
            std::to_string(s.count) + "\n";
  }
  return out + hist;
}

}  // namespace dialogd::http
