#include "domain/date.hpp"

#include <chrono>
#include <cstdio>

namespace dialogd::domain {
namespace chr = std::chrono;

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  const chr::year_month_day ymd{chr::year{year}, chr::month{month}, chr::day{day}};
  return Date(chr::sys_days{ymd}.time_since_epoch().count());
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  const chr::year_month_day ymd{chr::year{parts[0]}, chr::month{static_cast<unsigned>(parts[1])},
                                chr::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) return std::nullopt;
  return Date(chr::sys_days{ymd}.time_since_epoch().count());
}

static chr::year_month_day ymd_of(long days) {
  return chr::year_month_day{chr::sys_days{chr::days{days}}};
}

int Date::year() const {
  return static_cast<int>(ymd_of(days_).year());
}
unsigned Date::month() const {
  return static_cast<unsigned>(ymd_of(days_).month());
}
unsigned Date::day() const {
  return static_cast<unsigned>(ymd_of(days_).day());
}

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

Date Date::add_months(int n) const {
  const auto ymd = ymd_of(days_);
  auto ym = chr::year_month{ymd.year(), ymd.month()} + chr::months{n};
  const auto last = chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
  const auto day = ymd.day() > last ? last : ymd.day();
  return Date(
      chr::sys_days{chr::year_month_day{ym.year(), ym.month(), day}}.time_since_epoch().count());
}

}  // namespace dialogd::domain
