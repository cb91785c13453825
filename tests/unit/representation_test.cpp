#include "domain/representation.hpp"

#include <gtest/gtest.h>

using namespace dialogd::domain;

namespace {
std::vector<TargetGroup> groups() {
  return {{"unga", "Unga", 0.2}, {"aldre", "Äldre", 0.25}, {"inland", "Inlandet", 0.3}};
}
}  // namespace

TEST(Representation, NoParticipantsYetEveryGroupIsUnder) {
  const auto r = represent(groups(), 0.5, 0, {});
  EXPECT_EQ(r.total_participants, 0);
  for (const auto& g : r.groups) {
    EXPECT_EQ(g.reached_share, 0.0);
    EXPECT_EQ(g.ratio, 0.0);
    EXPECT_EQ(g.status, GroupStatus::under);
  }
  EXPECT_EQ(r.under, (std::vector<std::string>{"unga", "aldre", "inland"}));
}

TEST(Representation, SharesRatiosAndStatusAgainstTheThreshold) {
  // 100 participants: 5 young (0.05/0.2 = 0.25, under), 30 older (0.3/0.25 = 1.2, ok),
  // 70 inland (0.7/0.3 = 2.33 > 1/0.5 = 2, over). Groups overlap, so counts add up above 100.
  const auto r = represent(groups(), 0.5, 100, {{"unga", 5}, {"aldre", 30}, {"inland", 70}});
  ASSERT_EQ(r.groups.size(), 3u);
  EXPECT_DOUBLE_EQ(r.groups[0].reached_share, 0.05);
  EXPECT_DOUBLE_EQ(r.groups[0].ratio, 0.25);
  EXPECT_EQ(r.groups[0].status, GroupStatus::under);
  EXPECT_DOUBLE_EQ(r.groups[1].ratio, 0.3 / 0.25);
  EXPECT_EQ(r.groups[1].status, GroupStatus::ok);
  EXPECT_DOUBLE_EQ(r.groups[2].ratio, 0.7 / 0.3);
  EXPECT_EQ(r.groups[2].status, GroupStatus::over);
  EXPECT_EQ(r.under, std::vector<std::string>{"unga"});
}

TEST(Representation, BoundariesAreOk) {
  // ratio exactly at the threshold and exactly at its inverse are both ok.
  const auto r = represent({{"a", "A", 0.2}, {"b", "B", 0.2}}, 0.5, 100, {{"a", 10}, {"b", 40}});
  EXPECT_EQ(r.groups[0].status, GroupStatus::ok);
  EXPECT_EQ(r.groups[1].status, GroupStatus::ok);
  const auto strict = represent({{"a", "A", 0.2}}, 0.8, 100, {{"a", 15}});
  EXPECT_EQ(strict.groups[0].status, GroupStatus::under) << "0.75 < 0.8";
}

TEST(Representation, MethodsRankedByShareThenParticipantsNoneLast) {
  const auto ranked = rank_methods({{"survey", 0, 200},
                                    {"public_place", 10, 40},
                                    {"association_visit", 10, 40 * 2},
                                    {"dialogue_cafe", 5, 20},
                                    {"open_meeting", 0, 10}});
  std::vector<std::string> order;
  for (const auto& m : ranked) order.push_back(m.method);
  EXPECT_EQ(order, (std::vector<std::string>{"public_place", "dialogue_cafe", "association_visit",
                                             "survey", "open_meeting"}));
}
