#pragma once
// The service's clock. Tests move it with DIALOGD_TODAY=YYYY-MM-DD: the day changes, the time of
// day keeps running, so instants stay ordered.
#include <chrono>
#include <string>

#include "domain/date.hpp"

namespace dialogd::support {

// 2027-01-15T09:30:00.123Z
std::string rfc3339(std::chrono::system_clock::time_point t);

class Clock {
 public:
  Clock();  // reads DIALOGD_TODAY
  explicit Clock(std::chrono::seconds offset) : offset_(offset) {}
  std::chrono::system_clock::time_point now() const {
    return std::chrono::system_clock::now() + offset_;
  }
  domain::Date today() const;
  std::string now_rfc3339() const;  // 2027-01-15T09:30:00.123Z

 private:
  std::chrono::seconds offset_{0};
};

}  // namespace dialogd::support
