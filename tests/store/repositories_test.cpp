#include <thread>

#include "store/dialogue_repository.hpp"
#include "store/idempotency_repository.hpp"
#include "store/key_repository.hpp"
#include "store/timeline_repository.hpp"
#include "store_fixture.hpp"

using namespace dialogd;
using dialogd::testing::StoreTest;

namespace {

store::DialogueQuery query(std::optional<std::string> state, std::optional<std::string> before) {
  store::DialogueQuery q;
  q.state = std::move(state);
  q.before_id = std::move(before);
  return q;
}

domain::Dialogue make_dialogue(const std::string& title) {
  domain::Dialogue d;
  d.id = support::new_id();
  d.plan.title = title;
  d.plan.methods = {"survey", "dialogue_cafe"};
  d.plan.target_groups = {{"unga", "Unga 16-25", 0.12}};
  d.plan.feedback_plan = domain::FeedbackPlan{{"email"}, "Vi hör av oss", 30, 45};
  d.plan.period =
      domain::Period{domain::Date::parse("2027-02-01"), domain::Date::parse("2027-05-31")};
  d.created_at = d.updated_at = "2027-01-10T09:00:00.000Z";
  return d;
}

}  // namespace

class Repositories : public StoreTest {};
DIALOGD_STORES(Repositories);

TEST_P(Repositories, DialogueRoundTripsWithItsPlan) {
  store::DialogueRepository repo(conn());
  const auto d = make_dialogue("Framtidens vård — Norrbotten");
  repo.insert(d);
  const auto found = repo.find(d.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->plan, d.plan);
  EXPECT_EQ(found->state, domain::State::draft);
  EXPECT_FALSE(repo.find("nope"));
}

TEST_P(Repositories, UpdateChecksTheVersion) {
  store::DialogueRepository repo(conn());
  auto d = make_dialogue("Versioner");
  repo.insert(d);
  d.version = 2;
  d.state = domain::State::planned;
  EXPECT_TRUE(repo.update(d, 1));
  d.version = 3;
  EXPECT_FALSE(repo.update(d, 1)) << "a writer holding version 1 lost";
  EXPECT_EQ(repo.find(d.id)->version, 2);
}

TEST_P(Repositories, ConcurrentWritersOfOneVersionExactlyOneWins) {
  store::DialogueRepository(conn()).insert(make_dialogue("Kapplöpning"));
  const auto id = store::DialogueRepository(conn()).list({}, 1).front().id;
  std::atomic<int> wins{0};
  std::vector<std::thread> writers;
  for (int i = 0; i < 4; ++i)
    writers.emplace_back([&, i] {
      auto c = another();
      c->begin_write();
      store::DialogueRepository repo(*c);
      auto d = *repo.find(id);
      d.plan.purpose = "writer " + std::to_string(i);
      d.version = 2;
      if (repo.update(d, 1)) ++wins;
      c->commit();
    });
  for (auto& t : writers) t.join();
  EXPECT_EQ(wins, 1);
}

TEST_P(Repositories, ListIsNewestFirstWithCursorAndStateFilter) {
  store::DialogueRepository repo(conn());
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    auto d = make_dialogue("Sida " + std::to_string(i));
    if (i % 2) d.state = domain::State::planned;
    repo.insert(d);
    ids.push_back(d.id);
  }
  const auto first = repo.list({}, 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].id, ids[4]);
  const auto next = repo.list(query(std::nullopt, first.back().id), 10);
  ASSERT_EQ(next.size(), 3u);
  EXPECT_EQ(next.back().id, ids[0]);
  const auto planned = repo.list(query("planned", std::nullopt), 10);
  ASSERT_EQ(planned.size(), 2u);
  EXPECT_EQ(planned[0].id, ids[3]);
  EXPECT_EQ(repo.list(query("planned", planned[0].id), 10).size(), 1u);
}

TEST_P(Repositories, RemoveTakesTheTimelineAlong) {
  store::DialogueRepository repo(conn());
  auto d = make_dialogue("Bort");
  repo.insert(d);
  store::TimelineRepository(conn()).append({support::new_id(), d.id, "2027-01-01T00:00:00Z",
                                            "transition", "draft", "planned", std::nullopt,
                                            std::nullopt, "Anna", "editor"});
  EXPECT_FALSE(repo.remove(d.id, 7));
  EXPECT_TRUE(repo.remove(d.id, 1));
  EXPECT_TRUE(store::TimelineRepository(conn()).list(d.id, std::nullopt, 10).empty());
}

TEST_P(Repositories, TimelineOldestFirstWithNulls) {
  store::DialogueRepository(conn()).insert(make_dialogue("Tidslinje"));
  const auto id = store::DialogueRepository(conn()).list({}, 1).front().id;
  store::TimelineRepository t(conn());
  for (const char* to : {"planned", "preparing", "in_dialogue"})
    t.append({support::new_id(), id, "2027-01-01T00:00:00Z", "transition", "x", to,
              std::string(to) == "planned" ? std::optional<std::string>("Antagen") : std::nullopt,
              std::nullopt, "Anna", "editor"});
  const auto all = t.list(id, std::nullopt, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].to_state, "planned");
  EXPECT_EQ(all[0].note, "Antagen");
  EXPECT_FALSE(all[1].note);
  EXPECT_EQ(t.list(id, all[0].id, 10).size(), 2u);
}

TEST_P(Repositories, KeysAreFoundByHashUntilRevoked) {
  store::KeyRepository keys(conn());
  const auto k = keys.create({"portal", "", "default", std::nullopt}, support::sha256_hex("secret"),
                             "2027-01-01T00:00:00Z");
  EXPECT_EQ(k.name.rfind("portal-", 0), 0u) << "a default name from the role";
  ASSERT_TRUE(keys.find_active(support::sha256_hex("secret"), "2027-01-02T00:00:00Z"));
  EXPECT_FALSE(keys.find_active(support::sha256_hex("other"), "2027-01-02T00:00:00Z"));
  EXPECT_TRUE(keys.revoke(k.id, "2027-01-02T00:00:00Z"));
  EXPECT_FALSE(keys.revoke(k.id, "2027-01-02T00:00:00Z"));
  EXPECT_FALSE(keys.find_active(support::sha256_hex("secret"), "2027-01-02T00:00:00Z"));
}

TEST_P(Repositories, IdempotencyKeyIsTakenOnce) {
  store::IdempotencyRepository answers(conn());
  store::StoredAnswer a{"hash", 201, "/v1/dialogues/x", "\"1\"", "{}"};
  EXPECT_TRUE(answers.insert("key1", "idem", a, "now"));
  EXPECT_FALSE(answers.insert("key1", "idem", a, "now"));
  EXPECT_TRUE(answers.insert("key2", "idem", a, "now")) << "scoped to the API key";
  const auto found = answers.find("key1", "idem");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->location, "/v1/dialogues/x");
  EXPECT_EQ(found->status, 201);
}
