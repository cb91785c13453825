// The use cases called as an adapter or a CLI command calls them: typed input, an actor, the
// caller's transaction, typed results and failures.
#include <soci/soci.h>

#include "app/activities.hpp"
#include "app/contributions.hpp"
#include "app/demo.hpp"
#include "app/dialogues.hpp"
#include "app/feedback.hpp"
#include "app/representation.hpp"
#include "app/trace.hpp"
#include "app/transition_dialogue.hpp"
#include "app_fixture.hpp"
#include "domain/receipt.hpp"
#include "store/contribution_repository.hpp"
#include "store/need_repository.hpp"

namespace dialogd::testing {
namespace {

using app::FailureKind;

domain::Plan plan() {
  domain::Plan p;
  p.title = "Kollektivtrafik i inlandet";
  p.purpose = "Att förstå hur resorna till vården fungerar.";
  p.question_areas = {"Resor till vården"};
  p.target_groups = {{"unga", "Unga 16-25 år", 0.2}, {"aldre", "Äldre 65+", 0.3}};
  p.methods = {"dialogue_cafe"};
  p.declared_level = 3;
  p.feedback_plan = domain::FeedbackPlan{{"email"}, std::nullopt, 30, 30};
  return p;
}

class UseCases : public AppTest {
 protected:
  std::string open_dialogue() {
    return in_transaction([&](app::Context& ctx) {
      const auto id = ok(app::create_dialogue(ctx, plan())).dialogue.id;
      for (auto to : {domain::State::planned, domain::State::preparing, domain::State::in_dialogue})
        ok(app::transition_dialogue(ctx, app::Precondition::none(), {id, to, ""}));
      return id;
    });
  }
  app::ContributionInput contribution(const std::string& dialogue_id) {
    app::ContributionInput in;
    in.dialogue_id = dialogue_id;
    in.text = "Bussen går för sällan.";
    in.channel = "web";
    return in;
  }
};

TEST_P(UseCases, AContributionIsReceivedWithAReceiptAndItsContactKeptApart) {
  const auto id = open_dialogue();
  auto in = contribution(id);
  in.groups = {"aldre"};
  in.language = "sv";
  in.contact = app::ContactInput{"karin@example.org", "Karin", true};
  const auto c = in_transaction(
      [&](app::Context& ctx) { return ok(app::submit_contribution(ctx, std::move(in))); });
  EXPECT_EQ(domain::normalize_receipt(c.record.receipt), c.record.receipt);
  EXPECT_EQ(c.record.document.find("karin@example.org"), std::string::npos);
  const auto contacts = store::FeedbackRepository(conn()).contacts_of({c.record.id});
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].email, "karin@example.org");
  const auto t = in_transaction(
      [&](app::Context& ctx) { return ok(app::trace_receipt(ctx, c.record.receipt)); });
  EXPECT_EQ(t.contribution.text, "Bussen går för sällan.");
  EXPECT_EQ(t.dialogue.state, "in_dialogue");
}

TEST_P(UseCases, EveryBadFieldIsNamedAtOnceAndNothingIsWritten) {
  const auto id = open_dialogue();
  auto in = contribution(id);
  in.groups = {"martians"};
  in.language = "Svenska";
  in.activity_id = "nope";
  in.contact = app::ContactInput{"not an address", std::nullopt, false};
  const auto r = in_transaction(
      [&](app::Context& ctx) { return app::submit_contribution(ctx, std::move(in)); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.failure().kind, FailureKind::validation);
  auto fields = fields_of(r.failure());
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"activity_id", "contact.consent", "contact.email",
                                              "groups[0]", "language"}));
  int n = 0;
  conn().sql() << "SELECT COUNT(*) FROM contributions", soci::into(n);
  EXPECT_EQ(n, 0);
}

TEST_P(UseCases, ContributionsAreReceivedOnlyWhileInDialogue) {
  const auto id = in_transaction(
      [&](app::Context& ctx) { return ok(app::create_dialogue(ctx, plan())).dialogue.id; });
  const auto r = in_transaction(
      [&](app::Context& ctx) { return app::submit_contribution(ctx, contribution(id)); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.failure().kind, FailureKind::conflict);
  EXPECT_EQ(r.failure().slug, "dialogue-not-open");
  const auto missing = in_transaction(
      [&](app::Context& ctx) { return app::submit_contribution(ctx, contribution("nope")); });
  EXPECT_EQ(missing.failure().kind, FailureKind::not_found);
}

TEST_P(UseCases, APreparedContributionIsCheckedAgainWhenTheDialogueChangedBeforeItIsStored) {
  // The group commit prepares a contribution outside the write transaction and stores it inside.
  const auto id = open_dialogue();
  auto prepare = [&] {
    return in_transaction(
        [&](app::Context& ctx) { return ok(app::prepare_contribution(ctx, contribution(id))); });
  };
  auto early = prepare();
  auto unchanged = prepare();
  const auto stored = in_transaction(
      [&](app::Context& ctx) { return ok(app::store_contribution(ctx, std::move(unchanged))); });
  EXPECT_EQ(domain::normalize_receipt(stored.record.receipt), stored.record.receipt);
  // A receipt code taken by the time it is written is drawn again, and the answer says which.
  auto clash = prepare();
  clash.record.receipt = stored.record.receipt;
  const auto redrawn = in_transaction(
      [&](app::Context& ctx) { return ok(app::store_contribution(ctx, std::move(clash))); });
  EXPECT_NE(redrawn.record.receipt, stored.record.receipt);
  EXPECT_EQ(domain::normalize_receipt(redrawn.record.receipt), redrawn.record.receipt);
  // Cancelled between the other one's preparation and its group: refused as it would be now.
  in_transaction([&](app::Context& ctx) {
    return ok(app::transition_dialogue(ctx, app::Precondition::none(),
                                       {id, domain::State::cancelled, "Inställd"}))
        .dialogue.id;
  });
  const auto late = in_transaction(
      [&](app::Context& ctx) { return app::store_contribution(ctx, std::move(early)); });
  ASSERT_FALSE(late);
  EXPECT_EQ(late.failure().slug, "dialogue-not-open");
  int n = 0;
  conn().sql() << "SELECT COUNT(*) FROM contributions", soci::into(n);
  EXPECT_EQ(n, 2);
}

TEST_P(UseCases, ATransitionNamesEveryUnmetGuardAndAStaleVersionLoses) {
  const auto id = open_dialogue();
  const auto r = in_transaction([&](app::Context& ctx) {
    return app::transition_dialogue(ctx, app::Precondition::none(),
                                    {id, domain::State::analysing, ""});
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.failure().kind, FailureKind::unmet);
  ASSERT_EQ(r.failure().lists.size(), 1u);
  EXPECT_FALSE(r.failure().lists[0].second.empty());
  const auto stale = in_transaction([&](app::Context& ctx) {
    return app::transition_dialogue(ctx, app::Precondition::version(1),
                                    {id, domain::State::cancelled, "Inställd."});
  });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.failure().kind, FailureKind::precondition_failed);
  EXPECT_EQ(stale.failure().current_version, "4");
}

TEST_P(UseCases, ActivitiesCountOnlyThePlansGroups) {
  const auto id = open_dialogue();
  app::ActivityInput a;
  a.method = "dialogue_cafe";
  a.held_on = "2027-03-04";
  a.participants_total = 10;
  a.participants_by_group = {{"unga", 4}, {"martians", 1}, {"aldre", 11}};
  const auto r = in_transaction([&](app::Context& ctx) { return app::add_activity(ctx, id, a); });
  ASSERT_FALSE(r);
  EXPECT_EQ(fields_of(r.failure()), (std::vector<std::string>{"participants.by_group.martians",
                                                              "participants.by_group.aldre"}));
  a.participants_by_group = {{"unga", 4}};
  in_transaction([&](app::Context& ctx) { return ok(app::add_activity(ctx, id, a)); });
  const auto rep =
      in_transaction([&](app::Context& ctx) { return ok(app::representation_of(ctx, id)); });
  EXPECT_EQ(rep.representation.total_participants, 10);
  EXPECT_EQ(rep.representation.under, (std::vector<std::string>{"aldre"}));
}

TEST_P(UseCases, TheDemoIsAWholeDialogueWithRealAnswersOnEveryView) {
  const auto s = in_transaction([&](app::Context& ctx) { return app::load_demo(ctx); });
  ASSERT_EQ(s.dialogues.size(), 9u);
  EXPECT_EQ(s.dialogues[0].state, "followed_up");
  std::vector<std::string> states;
  for (const auto& d : s.dialogues) states.push_back(d.state);
  for (auto st : {"draft", "planned", "preparing", "in_dialogue", "analysing", "reported",
                  "answered", "decided"})
    EXPECT_NE(std::find(states.begin(), states.end(), st), states.end()) << st;
  const auto& main = s.dialogues[0];
  const auto t = in_transaction(
      [&](app::Context& ctx) { return ok(app::trace_receipt(ctx, main.receipts[0])); });
  ASSERT_FALSE(t.needs.empty());
  ASSERT_TRUE(t.needs[0].board_answer);
  EXPECT_TRUE(t.decision && t.follow_up);
  EXPECT_TRUE(domain::is_traced(app::outcome_of(t)));
  const auto cov =
      in_transaction([&](app::Context& ctx) { return ok(app::feedback_coverage(ctx, main.id)); });
  EXPECT_EQ(cov.traced, cov.contributions);
  EXPECT_EQ(cov.moments.size(), 3u);  // report, decision, follow-up
  EXPECT_GT(cov.moments[0].counts.owed, 0);
  EXPECT_EQ(cov.public_entries.size(), 3u);
  // The checkpoint was held while young people were under-represented.
  const auto checkpoints = in_transaction(
      [&](app::Context& ctx) { return ok(app::list_checkpoints(ctx, main.id, app::Page{})); });
  ASSERT_EQ(checkpoints.size(), 1u);
  EXPECT_NE(checkpoints[0].document.find("\"under\":[\"unga\"]"), std::string::npos);
}

// Coverage counts traced contributions in SQL; the answer must stay what tracing each contribution
// one by one gives (the way it was computed before), in every state of the demo and in the corner
// a trace resolves: a cited contribution with a recorded set-aside disposition shows as `need`.
TEST_P(UseCases, FeedbackCoverageCountsWhatTracingEachContributionCounts) {
  const auto s = in_transaction([&](app::Context& ctx) { return app::load_demo(ctx); });
  in_transaction([&](app::Context& ctx) {
    for (const auto& d : s.dialogues) {
      if (d.state != "analysing") continue;
      int n = 0;
      for (const auto& c :
           store::ContributionRepository(ctx.db).list(d.id, {}, std::nullopt, 1000)) {
        if (store::NeedRepository(ctx.db).citing_ids(c.id).empty()) continue;
        app::DispositionInput in;
        in.contribution_id = c.id;
        in.value = "wish";
        in.reason = "Kommunens ansvar.";
        ok(app::record_disposition(ctx, app::Precondition::none(), std::move(in)));
        if (++n == 2) break;
      }
      EXPECT_EQ(n, 2);
    }
    return 0;
  });
  long long traced_somewhere = 0, untraced_somewhere = 0;
  for (const auto& d : s.dialogues) {
    const auto [contributions, traced] = in_transaction([&](app::Context& ctx) {
      long long all = 0, followed = 0;
      for (auto& c : store::ContributionRepository(ctx.db).list(d.id, {}, std::nullopt, 100000)) {
        ++all;
        if (domain::is_traced(app::outcome_of(app::trace_of(ctx, app::view_of(ctx, std::move(c))))))
          ++followed;
      }
      return std::pair{all, followed};
    });
    const auto cov =
        in_transaction([&](app::Context& ctx) { return ok(app::feedback_coverage(ctx, d.id)); });
    EXPECT_EQ(cov.contributions, contributions) << d.state;
    EXPECT_EQ(cov.traced, traced) << d.state;
    traced_somewhere += traced;
    untraced_somewhere += contributions - traced;
  }
  // The fixture has both kinds, so the comparison can fail either way.
  EXPECT_GT(traced_somewhere, 0);
  EXPECT_GT(untraced_somewhere, 0);
}

DIALOGD_STORES(UseCases);

}  // namespace
}  // namespace dialogd::testing
