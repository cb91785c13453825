#include "domain/feedback.hpp"

#include <gtest/gtest.h>

#include "domain/requirements.hpp"

using namespace dialogd::domain;

TEST(Feedback, MomentsFollowTheStatesThatOweThem) {
  EXPECT_EQ(moment_of(State::reported), Moment::report);
  EXPECT_EQ(moment_of(State::decided), Moment::decision);
  EXPECT_EQ(moment_of(State::followed_up), Moment::follow_up);
  EXPECT_EQ(moment_of(State::cancelled), Moment::cancellation);
  EXPECT_FALSE(moment_of(State::answered));
  EXPECT_FALSE(moment_of(State::closed));
}

TEST(Feedback, DueDatesUseThePlansDays) {
  const Date d = *Date::parse("2027-06-14");
  EXPECT_EQ(due_on(Moment::report, d, 14, 30).to_string(), "2027-06-28");
  EXPECT_EQ(due_on(Moment::cancellation, d, 14, 30).to_string(), "2027-06-28");
  EXPECT_EQ(due_on(Moment::decision, d, 14, 30).to_string(), "2027-07-14");
  EXPECT_EQ(due_on(Moment::follow_up, d, 14, 30).to_string(), "2027-07-14");
}

TEST(Feedback, LanguageIsSwedishUnlessEnglish) {
  EXPECT_EQ(feedback_language("en"), Language::en);
  EXPECT_EQ(feedback_language("en-GB"), Language::en);
  EXPECT_EQ(feedback_language("sv"), Language::sv);
  EXPECT_EQ(feedback_language("fi"), Language::sv);
}

TEST(Feedback, TracedMeansAnOutcomeACitizenCanRead) {
  ContributionOutcome none;
  EXPECT_FALSE(is_traced(none));
  ContributionOutcome wish{"wish", "Kommunens ansvar", {}};
  EXPECT_TRUE(is_traced(wish));
  ContributionOutcome unanswered{
      "need", std::nullopt, {NeedOutcome{"Vård", true, false, {}, std::nullopt}}};
  EXPECT_FALSE(is_traced(unanswered))
      << "a need without the board's response is not yet an outcome";
  unanswered.needs[0].answered = true;
  EXPECT_TRUE(is_traced(unanswered));
}

TEST(Feedback, OutcomesAndMessagesInBothLanguages) {
  ContributionOutcome o{
      "need",
      std::nullopt,
      {NeedOutcome{
          "Vård på kvällstid",
          true,
          true,
          {MeasureOutcome{"Kvällsöppet", "adopted", std::nullopt, "done", 100},
           MeasureOutcome{"Helikopterplatta", "rejected", "För dyrt", std::nullopt, std::nullopt}},
          std::nullopt}}};
  const std::string sv = describe_outcome(o, Language::sv);
  EXPECT_NE(sv.find("Vård på kvällstid"), std::string::npos);
  EXPECT_NE(sv.find("beslutad"), std::string::npos);
  EXPECT_NE(sv.find("avslagen: För dyrt"), std::string::npos);
  EXPECT_NE(describe_outcome(o, Language::en).find("adopted"), std::string::npos);
  const auto msg = compose_message(Moment::decision, Language::en, "Care in Jokkmokk",
                                   {{"K7Q2-9XMD-4TPA", "Evening hours", "It fed the need"}},
                                   "https://x/v1/receipts/", "");
  EXPECT_EQ(msg.subject, "The council's decision after the dialogue Care in Jokkmokk");
  EXPECT_NE(msg.body.find("https://x/v1/receipts/K7Q2-9XMD-4TPA"), std::string::npos);
  const auto cancelled =
      compose_message(Moment::cancellation, Language::sv, "T", {}, "u/", "Frågan avgjord");
  EXPECT_NE(cancelled.body.find("Skäl: Frågan avgjord"), std::string::npos);
}

TEST(Feedback, ClosingWaitsForEveryMessage) {
  Dialogue d;
  d.state = State::followed_up;
  d.plan.title = "x";
  StageFacts facts;
  facts.unsent_feedback = 1;
  EXPECT_EQ(requirements().unmet({d, State::closed, "", facts}), Unmet{"feedback_outstanding"});
  facts.unsent_feedback = 0;
  EXPECT_TRUE(requirements().unmet({d, State::closed, "", facts}).empty());
}
