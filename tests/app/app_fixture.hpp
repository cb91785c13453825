#pragma once
// Use-case tests: a real store (SQLite, and PostgreSQL when DIALOGD_TEST_PG names a cluster), one
// transaction per test step as a caller would open it, and no HTTP.
#include "../store/store_fixture.hpp"
#include "app/context.hpp"
#include "app/result.hpp"

namespace dialogd::testing {

class AppTest : public StoreTest {
 protected:
  // Runs `step` in one writing transaction, committed when it returns, rolled back if it throws.
  template <typename F>
  auto in_transaction(F&& step) {
    conn().begin_write();
    try {
      app::Context ctx{conn(), clock_, app::Actor{"k1", "Anna Nilsson", "editor", "default"},
                       "https://dialog.example.se"};
      auto out = step(ctx);
      conn().commit();
      return out;
    } catch (...) {
      conn().rollback();
      throw;
    }
  }
  support::Clock clock_;
};

template <typename T>
const T& ok(const app::Result<T>& r) {
  EXPECT_TRUE(static_cast<bool>(r)) << (r ? "" : r.failure().slug + ": " + r.failure().detail);
  return r.value();
}

inline std::vector<std::string> fields_of(const app::Failure& f) {
  std::vector<std::string> out;
  for (const auto& e : f.errors) out.push_back(e.field);
  return out;
}

}  // namespace dialogd::testing
