// Every rule of LADDER.md, the edges between them, the method defaults and the warnings.
#include "domain/ladder.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace dialogd::domain;

namespace {

Classification of(Design d, std::vector<std::string> methods = {}, std::optional<int> declared = {},
                  std::optional<bool> feedback = true) {
  ClassifyInput in;
  in.design = d;
  in.methods = std::move(methods);
  in.declared_level = declared;
  in.feedback_commitment = feedback;
  return classify(in);
}

std::vector<std::string> codes(const Classification& c) {
  std::vector<std::string> out;
  for (const auto& w : c.warnings) out.push_back(w.code);
  return out;
}

Design two_way_deliberative() {
  Design d;
  d.direction = Direction::two_way;
  d.deliberation = true;
  d.input_format = InputFormat::open_comments;
  return d;
}

}  // namespace

TEST(Ladder, FiveStepsWithTheirEquivalents) {
  const auto& steps = ladder_steps();
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(steps[0].key, "information");
  EXPECT_EQ(steps[1].name.sv, "Konsultation");
  EXPECT_EQ(steps[2].iap2, "Involve");
  EXPECT_EQ(steps[3].council_of_europe, "Active involvement");
  EXPECT_EQ(steps[4].key, "co_decision");
  EXPECT_EQ(steps[4].promise.en, "We will implement what you decide.");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(steps[static_cast<std::size_t>(i)].level, i + 1);
}

TEST(Ladder, R0UninfluenceableIsInformationEvenWithDelegatedPower) {
  Design d;
  d.influenceable = false;
  d.decision_power = DecisionPower::delegated_binding;
  d.delegation_reference = "RF § 88";
  const auto c = of(d);
  EXPECT_EQ(c.level, 1);
  EXPECT_EQ(c.rule, "R0");
  EXPECT_EQ(codes(c), std::vector<std::string>{"not_influenceable"});
}

TEST(Ladder, R1DelegatedBindingWithReferenceIsCoDecision) {
  Design d;
  d.decision_power = DecisionPower::delegated_binding;
  d.delegation_reference = "RF 2024-06-12 § 88";
  const auto c = of(d);
  EXPECT_EQ(c.level, 5);
  EXPECT_EQ(c.rule, "R1");
  EXPECT_TRUE(c.warnings.empty());
}

TEST(Ladder, R1bDelegatedPowerWithoutReferenceStopsAtInfluence) {
  Design d;
  d.decision_power = DecisionPower::delegated_binding;
  const auto c = of(d);
  EXPECT_EQ(c.level, 4);
  EXPECT_EQ(c.rule, "R1b");
  EXPECT_EQ(codes(c), std::vector<std::string>{"delegation_unrecorded"});
}

TEST(Ladder, R2SharedPowerOrFullCoProductionOverTime) {
  Design shared;
  shared.decision_power = DecisionPower::shared;
  EXPECT_EQ(of(shared).rule, "R2");
  EXPECT_EQ(of(shared).level, 4);

  Design co = two_way_deliberative();
  co.input_format = InputFormat::co_production;
  co.duration = Duration::over_time;
  EXPECT_EQ(of(co).rule, "R2");
  co.duration = Duration::few_occasions;  // not over time: only dialogue
  EXPECT_EQ(of(co).rule, "R3");
}

TEST(Ladder, R3TwoWayWithDeliberation) {
  const auto c = of(two_way_deliberative());
  EXPECT_EQ(c.level, 3);
  EXPECT_EQ(c.rule, "R3");
}

TEST(Ladder, R4InputWithoutDeliberation) {
  Design d;
  d.direction = Direction::input_only;
  d.input_format = InputFormat::fixed_alternatives;
  EXPECT_EQ(of(d).rule, "R4");
  d.direction = Direction::two_way;  // two-way but nobody weighs arguments
  d.input_format = InputFormat::open_comments;
  EXPECT_EQ(of(d).rule, "R4");
  EXPECT_EQ(of(d).level, 2);
}

TEST(Ladder, R5OneWayOrNoInput) {
  Design d;
  d.direction = Direction::one_way;
  d.input_format = InputFormat::open_comments;
  EXPECT_EQ(of(d).rule, "R5");
  Design none;
  none.direction = Direction::input_only;
  none.input_format = InputFormat::none;
  EXPECT_EQ(of(none).rule, "R5");
  EXPECT_EQ(of(Design{}).level, 1);
}

TEST(Ladder, StandingPanelWithoutDeliberationStaysConsultation) {
  const auto c = of({}, {"e_panel"});
  EXPECT_EQ(c.level, 2);
  EXPECT_EQ(c.rule, "R4");
}

TEST(Ladder, MethodDefaultsFollowTheTable) {
  const std::vector<std::pair<std::string, int>> expected = {{"information_meeting", 1},
                                                             {"exhibition", 1},
                                                             {"web_information", 1},
                                                             {"survey", 2},
                                                             {"e_panel", 2},
                                                             {"open_meeting", 3},
                                                             {"dialogue_cafe", 3},
                                                             {"association_visit", 3},
                                                             {"workplace_visit", 3},
                                                             {"public_place", 3},
                                                             {"focus_group", 3},
                                                             {"citizen_council", 3},
                                                             {"co_creation_workshop", 4},
                                                             {"citizens_assembly", 4},
                                                             {"participatory_budgeting", 4}};
  ASSERT_EQ(expected.size(), method_keys.size());
  for (const auto& [method, level] : expected) EXPECT_EQ(of({}, {method}).level, level) << method;
  EXPECT_EQ(of({}, {"participatory_budgeting"}).rule, "R1b");
}

TEST(Ladder, ExplicitAttributesOverrideMethods) {
  Design d;
  d.decision_power = DecisionPower::shared;
  EXPECT_EQ(of(d, {"survey"}).level, 4);
  Design ref;
  ref.delegation_reference = "RF 2024-06-12 § 88";
  const auto pb = of(ref, {"participatory_budgeting"});
  EXPECT_EQ(pb.level, 5);
  EXPECT_EQ(pb.rule, "R1");
  Design no_talk;
  no_talk.deliberation = false;
  EXPECT_EQ(of(no_talk, {"dialogue_cafe"}).level, 2);
}

TEST(Ladder, SeveralMethodsTakeTheHighestAndListEach) {
  const auto c = of({}, {"survey", "dialogue_cafe", "open_meeting", "information_meeting"});
  EXPECT_EQ(c.level, 3);
  EXPECT_EQ(c.rule, "R3");
  ASSERT_EQ(c.methods.size(), 4u);
  EXPECT_EQ(c.methods[0].level, 2);
  EXPECT_EQ(c.methods[3].level, 1);
  EXPECT_EQ(c.reasons.size(), 4u);
}

TEST(Ladder, RuleWarningsOfEveryMethodAreReported) {
  Design d;
  d.influenceable = true;
  const auto c = of(d, {"participatory_budgeting", "co_creation_workshop"});
  EXPECT_EQ(c.level, 4);
  EXPECT_EQ(c.rule, "R1b") << "the first listed wins a tie";
  EXPECT_EQ(codes(c), std::vector<std::string>{"delegation_unrecorded"});
  const auto flipped = of(d, {"co_creation_workshop", "participatory_budgeting"});
  EXPECT_EQ(flipped.rule, "R2");
  EXPECT_EQ(codes(flipped), std::vector<std::string>{"delegation_unrecorded"});
}

TEST(Ladder, FeedbackCommitmentMissingFromConsultationUp) {
  EXPECT_EQ(codes(of({}, {"survey"}, {}, false)),
            std::vector<std::string>{"feedback_commitment_missing"});
  EXPECT_TRUE(codes(of({}, {"web_information"}, {}, false)).empty())
      << "information promises no feedback";
  Design d;
  d.feedback_commitment = true;
  EXPECT_TRUE(codes(of(d, {"survey"}, {}, std::nullopt)).empty()) << "design attribute counts";
}

TEST(Ladder, DeclaredAboveAndBelowDesign) {
  EXPECT_EQ(codes(of({}, {"survey"}, 4)), std::vector<std::string>{"declared_above_design"});
  EXPECT_EQ(codes(of({}, {"dialogue_cafe"}, 2)), std::vector<std::string>{"declared_below_design"});
  EXPECT_TRUE(codes(of({}, {"dialogue_cafe"}, 3)).empty());
}

TEST(Ladder, RepresentationCheckMissingOnlyForDialoguesUnderway) {
  ClassifyInput in;
  in.methods = {"dialogue_cafe"};
  in.feedback_commitment = true;
  EXPECT_TRUE(classify(in).warnings.empty());
  in.representation_applies = true;
  EXPECT_EQ(codes(classify(in)), std::vector<std::string>{"representation_check_missing"});
  in.has_checkpoint = true;
  EXPECT_TRUE(classify(in).warnings.empty());
  in.has_checkpoint = false;
  in.methods = {"survey"};  // below dialogue: no checkpoint expected
  EXPECT_TRUE(classify(in).warnings.empty());
}

TEST(Ladder, SwedishTexts) {
  ClassifyInput in;
  in.methods = {"survey"};
  in.declared_level = 4;
  const auto c = classify(in, Language::sv);
  ASSERT_EQ(c.warnings.size(), 2u);
  EXPECT_NE(c.warnings[0].message.find("återkoppling"), std::string::npos);
  EXPECT_NE(c.warnings[1].message.find("Inflytande"), std::string::npos);
  EXPECT_NE(c.reasons[0].find("R4"), std::string::npos);
}
