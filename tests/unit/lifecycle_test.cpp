#include "domain/lifecycle.hpp"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "domain/requirements.hpp"

using namespace dialogd::domain;

TEST(Lifecycle, ExactlyTheEdgesOfTheDomainTable) {
  const std::set<std::pair<State, State>> expected = {
      {State::draft, State::planned},         {State::planned, State::preparing},
      {State::preparing, State::in_dialogue}, {State::in_dialogue, State::analysing},
      {State::analysing, State::in_dialogue}, {State::analysing, State::reported},
      {State::reported, State::answered},     {State::answered, State::decided},
      {State::decided, State::followed_up},   {State::followed_up, State::closed},
      {State::draft, State::cancelled},       {State::planned, State::cancelled},
      {State::preparing, State::cancelled},   {State::in_dialogue, State::cancelled},
      {State::analysing, State::cancelled},
  };
  for (State from : all_states)
    for (State to : all_states)
      EXPECT_EQ(is_edge(from, to), expected.count({from, to}) == 1)
          << to_string(from) << " -> " << to_string(to);
}

TEST(Lifecycle, NoWayOutOfClosedOrCancelled) {
  EXPECT_TRUE(next_states(State::closed).empty());
  EXPECT_TRUE(next_states(State::cancelled).empty());
  EXPECT_EQ(next_states(State::draft), (std::vector<State>{State::planned, State::cancelled}));
}

TEST(Lifecycle, StatesRoundTripAsText) {
  for (State s : all_states) EXPECT_EQ(parse_state(to_string(s)), s);
  EXPECT_FALSE(parse_state("Draft"));
  EXPECT_FALSE(parse_state(""));
}

TEST(Lifecycle, PlanEditableOnlyBeforeTheDialogueStarts) {
  for (State s : all_states)
    EXPECT_EQ(plan_editable(s), s == State::draft || s == State::planned || s == State::preparing);
}

namespace {

Plan complete_plan() {
  Plan p;
  p.title = "Framtidens vård";
  p.purpose = "Fånga behov";
  p.question_areas = {"Tillgänglighet"};
  p.target_groups = {{"unga", "Unga", 0.2}, {"aldre", "Äldre", 0.3}};
  p.methods = {"dialogue_cafe"};
  p.declared_level = 3;
  p.feedback_plan = FeedbackPlan{{"email"}, "Vi återkommer", 30, 30};
  return p;
}

Unmet unmet_for(const Plan& plan, State from, State to, std::string_view note = "") {
  Dialogue d;
  d.state = from;
  d.plan = plan;
  StageFacts facts;
  return requirements().unmet({d, to, note, facts});
}

}  // namespace

TEST(PlanRequirements, CompletePlanPasses) {
  EXPECT_TRUE(unmet_for(complete_plan(), State::draft, State::planned).empty());
}

TEST(PlanRequirements, EveryMissingPieceIsNamedAtOnce) {
  Plan p;
  p.title = "Bara titel";
  EXPECT_EQ(unmet_for(p, State::draft, State::planned),
            (Unmet{"purpose_missing", "question_areas_missing", "target_groups_missing",
                   "methods_missing", "declared_level_missing", "feedback_plan_missing"}));
}

TEST(PlanRequirements, BlankPurposeCountsAsMissing) {
  Plan p = complete_plan();
  p.purpose = "   ";
  EXPECT_EQ(unmet_for(p, State::draft, State::planned), Unmet{"purpose_missing"});
}

TEST(PlanRequirements, SharesMustBeGivenAndExclusiveGroupsFitInTheWhole) {
  Plan p = complete_plan();
  p.target_groups[1].expected_share.reset();
  EXPECT_EQ(unmet_for(p, State::draft, State::planned), Unmet{"target_group_shares_invalid"});
  p = complete_plan();
  p.target_groups = {{"k", "Kvinnor", 0.6}, {"m", "Män", 0.5}};
  EXPECT_TRUE(unmet_for(p, State::draft, State::planned).empty()) << "overlapping groups";
  p.target_groups_exclusive = true;
  EXPECT_EQ(unmet_for(p, State::draft, State::planned), Unmet{"target_group_shares_invalid"});
  p.target_groups = {{"k", "Kvinnor", 0.5}, {"m", "Män", 0.5}};
  EXPECT_TRUE(unmet_for(p, State::draft, State::planned).empty()) << "exactly 1 is fine";
}

TEST(PlanRequirements, OverpromiseIsRefusedUnderpromiseIsNot) {
  Plan p = complete_plan();
  p.methods = {"survey"};
  p.declared_level = 3;
  EXPECT_EQ(unmet_for(p, State::draft, State::planned), Unmet{"ladder_overpromise"});
  p.declared_level = 1;
  EXPECT_TRUE(unmet_for(p, State::draft, State::planned).empty());
}

TEST(PlanRequirements, OnlyGuardLeavingDraft) {
  Plan empty;
  empty.title = "x";
  EXPECT_TRUE(unmet_for(empty, State::planned, State::preparing).empty());
}

TEST(CancellationRequirements, NoteNeededFromAnyState) {
  Plan p = complete_plan();
  for (State s : {State::draft, State::planned, State::in_dialogue, State::analysing}) {
    EXPECT_EQ(unmet_for(p, s, State::cancelled), Unmet{"note_missing"});
    EXPECT_EQ(unmet_for(p, s, State::cancelled, " \n"), Unmet{"note_missing"});
    EXPECT_TRUE(unmet_for(p, s, State::cancelled, "Avbruten: frågan avgjord").empty());
  }
}
