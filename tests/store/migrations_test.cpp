#include <thread>

#include "store/errors.hpp"
#include "store_fixture.hpp"

using namespace dialogd;
using dialogd::testing::StoreTest;

class Migrations : public StoreTest {};
DIALOGD_STORES(Migrations);

TEST_P(Migrations, ApplyOnceAndRecordEach) {
  const auto again = store::migrate(conn());
  EXPECT_EQ(again.from_version, store::latest_schema_version());
  EXPECT_EQ(again.to_version, store::latest_schema_version());
  long long rows = 0;
  conn().sql() << "SELECT COUNT(*) FROM schema_migrations", soci::into(rows);
  EXPECT_EQ(rows, store::migration_count());
}

TEST_P(Migrations, InstancesStartingTogetherMigrateOnce) {
  // A database nobody has migrated yet, and four "instances" starting at the same moment.
  const std::string url = dialogd::testing::fresh_database_url(GetParam());
  std::vector<std::thread> starters;
  std::atomic<int> failures{0};
  for (int i = 0; i < 4; ++i)
    starters.emplace_back([&] {
      try {
        store::Connection c(store::DbUrl::parse(url));
        store::migrate(c);
      } catch (const std::exception& e) {
        ++failures;
        ADD_FAILURE() << e.what();
      }
    });
  for (auto& t : starters) t.join();
  EXPECT_EQ(failures, 0);
  store::Connection c(store::DbUrl::parse(url));
  long long rows = 0;
  c.sql() << "SELECT COUNT(*) FROM schema_migrations", soci::into(rows);
  EXPECT_EQ(rows, store::migration_count());
}

TEST_P(Migrations, ANewerSchemaRefusesToStart) {
  conn().sql()
      << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'x')";
  EXPECT_THROW(store::migrate(conn()), store::SchemaTooNew);
}
