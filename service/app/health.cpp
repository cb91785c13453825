#include "app/health.hpp"

namespace dialogd::app {

void check_store(Context& ctx) {
  int one = 0;
  ctx.db.sql() << "SELECT 1", soci::into(one);
}

}  // namespace dialogd::app
