#pragma once
#include "http/config.hpp"

namespace dialogd::http {

// Opens the store (running migrations), listens, serves until SIGTERM/SIGINT, then stops accepting,
// finishes what is in flight (answers carry Connection: close) and returns within the grace period.
int serve(const ServerConfig& config);

}  // namespace dialogd::http
