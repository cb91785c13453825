#include <mutex>
#include <set>
#include <thread>

#include "store/outbox_repository.hpp"
#include "store_fixture.hpp"

using namespace dialogd;
using dialogd::testing::StoreTest;

namespace {

store::OutboxMessage message(int i) {
  store::OutboxMessage m;
  m.id = support::new_id();
  m.channel = "webhook";
  m.topic = "feedback.report";
  m.recipient = "hook-" + std::to_string(i % 3);
  m.payload = "{\"n\":" + std::to_string(i) + "}";
  m.next_attempt_at = "2027-01-01T00:00:00.000Z";
  m.created_at = "2027-01-01T00:00:00.000Z";
  return m;
}

}  // namespace

class Outbox : public StoreTest {};
DIALOGD_STORES(Outbox);

TEST_P(Outbox, ConcurrentInstancesNeverClaimTheSameMessage) {
  conn().begin_write();
  for (int i = 0; i < 200; ++i) store::OutboxRepository(conn()).enqueue(message(i));
  conn().commit();

  std::mutex mutex;
  std::multiset<std::string> claimed;
  std::vector<std::thread> instances;
  for (int n = 0; n < 4; ++n)
    instances.emplace_back([&, n] {
      auto c = another();
      store::OutboxRepository outbox(*c);
      const std::string me = "instance-" + std::to_string(n);
      for (;;) {
        const auto batch = outbox.claim(me, "2027-01-02T00:00:00.000Z", "2027-01-02T00:01:00.000Z", 7);
        if (batch.empty()) break;
        for (const auto& m : batch) {
          EXPECT_TRUE(outbox.mark_sent(m.id, me, "2027-01-02T00:00:01.000Z"));
          std::lock_guard lock(mutex);
          claimed.insert(m.id);
        }
      }
    });
  for (auto& t : instances) t.join();
  EXPECT_EQ(claimed.size(), 200u);
  EXPECT_EQ(std::set<std::string>(claimed.begin(), claimed.end()).size(), 200u) << "each exactly once";
}

TEST_P(Outbox, AnExpiredClaimIsDeliveredByAnotherInstance) {
  store::OutboxRepository outbox(conn());
  const auto m = message(1);
  outbox.enqueue(m);
  ASSERT_EQ(outbox.claim("dead", "2027-01-02T00:00:00.000Z", "2027-01-02T00:01:00.000Z", 10).size(), 1u);
  EXPECT_TRUE(outbox.claim("alive", "2027-01-02T00:00:30.000Z", "2027-01-02T00:01:30.000Z", 10).empty())
      << "still leased";
  const auto again = outbox.claim("alive", "2027-01-02T00:02:00.000Z", "2027-01-02T00:03:00.000Z", 10);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].id, m.id) << "the same stable id";
  EXPECT_EQ(again[0].attempts, 2);
  EXPECT_FALSE(outbox.mark_sent(m.id, "dead", "x")) << "the old holder cannot settle it";
  EXPECT_TRUE(outbox.mark_sent(m.id, "alive", "2027-01-02T00:02:01.000Z"));
  EXPECT_EQ(outbox.find(m.id)->status, "sent");
}

TEST_P(Outbox, RetryLaterThenFail) {
  store::OutboxRepository outbox(conn());
  const auto m = message(2);
  outbox.enqueue(m);
  outbox.claim("i", "2027-01-02T00:00:00.000Z", "2027-01-02T00:01:00.000Z", 1);
  EXPECT_TRUE(outbox.mark_retry(m.id, "i", "HTTP 500", "2027-01-02T00:05:00.000Z"));
  EXPECT_TRUE(outbox.claim("i", "2027-01-02T00:04:00.000Z", "x", 1).empty()) << "not before its time";
  ASSERT_EQ(outbox.claim("i", "2027-01-02T00:05:00.000Z", "2027-01-02T00:06:00.000Z", 1).size(), 1u);
  EXPECT_TRUE(outbox.mark_failed(m.id, "i", "HTTP 500 after 2 attempts"));
  const auto stored = outbox.find(m.id);
  EXPECT_EQ(stored->status, "failed");
  EXPECT_EQ(stored->last_error, "HTTP 500 after 2 attempts");
  EXPECT_TRUE(outbox.claim("i", "2027-02-01T00:00:00.000Z", "x", 1).empty());
}
