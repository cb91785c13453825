#include "domain/date.hpp"

#include <gtest/gtest.h>

using dialogd::domain::Date;

TEST(Date, ParsesAndFormatsIsoDates) {
  auto d = Date::parse("2027-01-15");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->to_string(), "2027-01-15");
  EXPECT_EQ(d->add_days(17).to_string(), "2027-02-01");
}

TEST(Date, RejectsImpossibleOrMalformedDates) {
  EXPECT_FALSE(Date::parse("2027-02-30"));
  EXPECT_FALSE(Date::parse("2027-2-3"));
  EXPECT_FALSE(Date::parse("2027-01-15T00:00"));
  EXPECT_FALSE(Date::parse("abcd-ef-gh"));
  EXPECT_TRUE(Date::parse("2028-02-29"));
}

TEST(Date, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(Date::parse("2027-01-31")->add_months(1).to_string(), "2027-02-28");
  EXPECT_EQ(Date::parse("2026-11-22")->add_months(12).to_string(), "2027-11-22");
  EXPECT_EQ(Date::parse("2028-02-29")->add_months(12).to_string(), "2029-02-28");
}
