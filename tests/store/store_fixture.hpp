#pragma once
// Each store test runs on a fresh SQLite file and, when DIALOGD_TEST_PG names a cluster, on a fresh
// PostgreSQL database. scripts/test always sets it, so CI runs both.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/connection.hpp"
#include "store/migrations.hpp"
#include "support/ids.hpp"

namespace dialogd::testing {

inline std::string fresh_database_url(const std::string& backend) {
  if (backend == "sqlite") {
    const auto dir =
        std::filesystem::temp_directory_path() / ("dialogd-store-" + support::random_hex(6));
    std::filesystem::create_directories(dir);
    return "sqlite:" + (dir / "test.db").string();
  }
  const char* admin = std::getenv("DIALOGD_TEST_PG");
  const std::string name = "dialogd_store_" + support::random_hex(6);
  store::Connection conn(store::DbUrl::parse(admin));
  conn.sql() << "CREATE DATABASE " + name;
  std::string url = admin;
  return url.substr(0, url.rfind('/') + 1) + name;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql" && !std::getenv("DIALOGD_TEST_PG"))
      GTEST_SKIP() << "DIALOGD_TEST_PG is not set (scripts/test sets it)";
    url_ = fresh_database_url(GetParam());
    conn_ = std::make_unique<store::Connection>(store::DbUrl::parse(url_));
    store::migrate(*conn_);
  }
  std::unique_ptr<store::Connection> another() {
    return std::make_unique<store::Connection>(store::DbUrl::parse(url_));
  }
  store::Connection& conn() { return *conn_; }
  std::string url_;
  std::unique_ptr<store::Connection> conn_;
};

inline std::string store_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

}  // namespace dialogd::testing

#define DIALOGD_STORES(suite)                                                        \
  INSTANTIATE_TEST_SUITE_P(Stores, suite, ::testing::Values("sqlite", "postgresql"), \
                           dialogd::testing::store_name)
