// GET /metrics: Prometheus's text format, for the service's operator (operator key).
#include "http/metrics.hpp"
#include "app/operations.hpp"
#include "http/app_bridge.hpp"
#include "http/group_commit.hpp"
#include "http/handlers/handlers.hpp"
#include "http/public_cache.hpp"

namespace dialogd::http::handlers {

namespace {

void gauge(std::string& out, const char* name, const char* help, const char* type, double value) {
  char number[64];
  std::snprintf(number, sizeof number, "%.9g", value);
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
         name + " " + number + "\n";
}

}  // namespace

Response metrics(RequestContext& ctx) {
  const Services& s = ctx.services;
  std::string out = s.metrics ? s.metrics->render_requests() : std::string();
  gauge(out, "dialogd_http_in_flight", "Requests being answered now.", "gauge",
        s.in_flight ? s.in_flight->load() : 0);
  if (s.pool) {
    gauge(out, "dialogd_db_pool_waits_total",
          "Requests that waited for a free database connection.", "counter",
          static_cast<double>(s.pool->waits()));
    gauge(out, "dialogd_db_pool_wait_seconds_total",
          "Time spent waiting for a free database connection.", "counter",
          static_cast<double>(s.pool->wait_micros()) / 1e6);
  }
  if (s.cache) {
    gauge(out, "dialogd_public_cache_hits_total", "Public reads answered from memory.", "counter",
          static_cast<double>(s.cache->hits()));
    gauge(out, "dialogd_public_cache_misses_total", "Public reads that went to the store.",
          "counter", static_cast<double>(s.cache->misses()));
  }
  if (s.committer) {
    gauge(out, "dialogd_group_commits_total", "Transactions (and fsyncs) of grouped writes.",
          "counter", static_cast<double>(s.committer->groups()));
    gauge(out, "dialogd_group_commit_requests_total", "Writes answered through group commits.",
          "counter", static_cast<double>(s.committer->grouped_requests()));
    gauge(out, "dialogd_group_commit_largest", "The most writes one commit has carried.", "gauge",
          static_cast<double>(s.committer->largest_group()));
  }
  auto app = app_context(ctx);
  const auto outbox = app::outbox_state(app);
  out +=
      "# HELP dialogd_outbox_messages Feedback messages and webhook events by channel and "
      "status.\n# TYPE dialogd_outbox_messages gauge\n";
  for (const auto& b : outbox.backlog)
    out += "dialogd_outbox_messages{channel=\"" + label_value(b.channel) + "\",status=\"" +
           label_value(b.status) + "\"} " + std::to_string(b.count) + "\n";
  gauge(out, "dialogd_outbox_oldest_pending_seconds",
        "How long the oldest pending message has waited (0: none pending).", "gauge",
        outbox.oldest_pending_seconds.value_or(0));
  Response res{bhttp::status::ok, ctx.req.version()};
  res.set(bhttp::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
  res.set(bhttp::field::cache_control, "no-store");
  res.body() = std::move(out);
  res.keep_alive(ctx.req.keep_alive());
  res.prepare_payload();
  return res;
}

}  // namespace dialogd::http::handlers
