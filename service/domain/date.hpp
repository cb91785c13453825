#pragma once
// Calendar dates as days since 1970-01-01 (proleptic Gregorian). Pure arithmetic, no clock.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dialogd::domain {

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date from_days(long days) { return Date(days); }
  static Date from_ymd(int year, unsigned month, unsigned day);
  // Parses exactly YYYY-MM-DD and rejects impossible dates such as 2027-02-30.
  static std::optional<Date> parse(std::string_view text);

  constexpr long days() const { return days_; }
  std::string to_string() const;
  int year() const;
  unsigned month() const;
  unsigned day() const;

  Date add_days(long n) const { return Date(days_ + n); }
  // Same day of month n months later, clamped to the month's last day (2027-01-31 + 1 =
  // 2027-02-28).
  Date add_months(int n) const;

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  constexpr explicit Date(long days) : days_(days) {}
  long days_ = 0;
};

}  // namespace dialogd::domain
