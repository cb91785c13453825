#include "support/log.hpp"

#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace dialogd::support {

void log_line(boost::json::object fields) {
  const auto now = std::chrono::system_clock::now();
  fields.emplace("ts", std::chrono::duration<double>(now.time_since_epoch()).count());
  std::string line = boost::json::serialize(fields);
  line += '\n';
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace dialogd::support
