#include "store/connection_pool.hpp"
#include "store/errors.hpp"
#include "store/key_repository.hpp"
#include "store_fixture.hpp"

using namespace dialogd;
using dialogd::testing::StoreTest;

class Pool : public StoreTest {};
DIALOGD_STORES(Pool);

TEST_P(Pool, ADeadConnectionIsDetectedAndReplaced) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "an SQLite file cannot drop its connection";
  store::ConnectionPool pool(store::DbUrl::parse(url_), 1);
  int pid = 0;
  {
    auto lease = pool.acquire();
    lease->sql() << "SELECT pg_backend_pid()", soci::into(pid);
  }
  // The server ends that backend, as a restart or a network cut would.
  store::Connection admin(store::DbUrl::parse(std::getenv("DIALOGD_TEST_PG")));
  admin.sql() << "SELECT pg_terminate_backend(" << pid << ")";
  {
    auto lease = pool.acquire();
    int one = 0;
    EXPECT_THROW((lease->sql() << "SELECT 1", soci::into(one)), soci::soci_error);
    EXPECT_FALSE(lease->check_alive());
  }
  auto lease = pool.acquire();
  int other = 0;
  lease->sql() << "SELECT pg_backend_pid()", soci::into(other);
  EXPECT_NE(other, pid) << "a new backend serves the pool";
}

TEST_P(Pool, LeasesAreSharedAmongThreads) {
  store::ConnectionPool pool(store::DbUrl::parse(url_), 2);
  std::vector<std::thread> threads;
  std::atomic<int> done{0};
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      for (int j = 0; j < 20; ++j) {
        auto lease = pool.acquire();
        int one = 0;
        lease->sql() << "SELECT 1", soci::into(one);
        done += one;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(done, 160);
}

TEST_P(Pool, ACachedLookupNeverPinsAnOldSnapshot) {
  // A prepared single-row lookup that stopped at its row must not keep SQLite's read transaction
  // open across requests: another writer's change has to be visible to the next request.
  store::ConnectionPool pool(store::DbUrl::parse(url_), 1);
  const auto hash = support::sha256_hex("k");
  std::string id;
  {
    auto lease = pool.acquire();
    lease->begin_write();
    id = store::KeyRepository(*lease)
             .create({"editor", "x", "default", std::nullopt}, hash, "now")
             .id;
    lease->commit();
  }
  {
    auto lease = pool.acquire();
    ASSERT_TRUE(store::KeyRepository(*lease).find_active(hash, "2027-01-02T00:00:00Z"));
  }
  auto other = another();
  other->begin_write();
  store::KeyRepository(*other).revoke(id, "later");
  other->commit();
  auto lease = pool.acquire();
  EXPECT_FALSE(store::KeyRepository(*lease).find_active(hash, "2027-01-02T00:00:00Z"))
      << "the revocation is seen at once";
  EXPECT_NO_THROW(lease->begin_write()) << "and the connection can still write";
  lease->rollback();
}
