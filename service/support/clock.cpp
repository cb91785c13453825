#include "support/clock.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace dialogd::support {
namespace chr = std::chrono;

Clock::Clock() {
  if (const char* today = std::getenv("DIALOGD_TODAY"); today && *today) {
    const auto wanted = domain::Date::parse(today);
    if (!wanted) throw std::invalid_argument("DIALOGD_TODAY must be a date YYYY-MM-DD");
    const auto real_days =
        chr::floor<chr::days>(chr::system_clock::now()).time_since_epoch().count();
    offset_ = chr::duration_cast<chr::seconds>(chr::days{wanted->days() - real_days});
  }
}

domain::Date Clock::today() const {
  return domain::Date::from_days(chr::floor<chr::days>(now()).time_since_epoch().count());
}

std::string rfc3339(std::chrono::system_clock::time_point t) {
  const auto day = chr::floor<chr::days>(t);
  const chr::hh_mm_ss hms{chr::floor<chr::milliseconds>(t - day)};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%03dZ",
                domain::Date::from_days(day.time_since_epoch().count()).to_string().c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()),
                static_cast<int>(hms.subseconds().count()));
  return buf;
}

std::string Clock::now_rfc3339() const {
  return rfc3339(now());
}

}  // namespace dialogd::support
