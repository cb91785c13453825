#pragma once
// Whether the store answers: one round trip on the caller's connection.
#include "app/context.hpp"

namespace dialogd::app {

void check_store(Context& ctx);  // throws when the store does not answer

}  // namespace dialogd::app
