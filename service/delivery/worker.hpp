#pragma once
// The delivery worker: claims due outbox messages (a lease, so that several instances share the
// work and a dead instance's claims expire), sends them, and settles each as sent, retried with
// backoff, or failed. At least once, with the message's stable id.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/connection_pool.hpp"
#include "support/clock.hpp"

namespace dialogd::delivery {

struct WorkerConfig {
  std::string smtp_url;  // empty: email stays pending and is reported as such
  std::string mail_from = "dialogd@localhost";
  std::chrono::milliseconds poll{1000};
  std::chrono::milliseconds lease{60'000};
  std::chrono::milliseconds retry_base{30'000};  // doubled after each failed attempt
  int max_attempts = 6;
  bool allow_private_webhooks = false;  // deliver to loopback and private networks (tests, intranets)
};

class Worker {
 public:
  Worker(store::ConnectionPool& pool, const support::Clock& clock, WorkerConfig config);
  ~Worker();
  void start();
  void stop();  // finishes the message in hand, then returns

 private:
  void run();
  bool deliver_batch();
  store::ConnectionPool& pool_;
  const support::Clock& clock_;
  WorkerConfig config_;
  std::string instance_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
};

}  // namespace dialogd::delivery
