// The sync engine against an in-memory SyncTarget, end to end through GraphqlClient and the
// replay server (tests/decidim/replay_server.py over the recorded fixtures).
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "decidim/graphql_client.hpp"
#include "decidim/queries.hpp"
#include "decidim/sync.hpp"
#include "decidim/write_back.hpp"
#include "fixtures.hpp"

using namespace dialogd::decidim;
namespace json = boost::json;

namespace {

// --- the replay server, one per test ------------------------------------------------------------

class ReplayServer {
 public:
  explicit ReplayServer(const std::string& version = "0.28", bool require_token = false) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], 1);
      close(fds[0]);
      close(fds[1]);
      std::string script = decidim_test::source_dir() + "/tests/decidim/replay_server.py";
      std::string fixtures = decidim_test::fixtures_dir();
      if (require_token)
        execlp("python3", "python3", script.c_str(), "--fixtures", fixtures.c_str(), "--version",
               version.c_str(), "--require-token", static_cast<char*>(nullptr));
      else
        execlp("python3", "python3", script.c_str(), "--fixtures", fixtures.c_str(), "--version",
               version.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    FILE* out = fdopen(fds[0], "r");
    int port = 0;
    if (!out || std::fscanf(out, "PORT %d", &port) != 1)
      throw std::runtime_error("replay server did not start");
    std::fclose(out);
    base_ = "http://127.0.0.1:" + std::to_string(port);
  }
  ~ReplayServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  const std::string& base() const { return base_; }

  void control(const std::string& body) const { post("/_control", body); }
  json::array log() const { return json::parse(get("/_log")).as_array(); }

  int count(const std::string& op) const {
    int n = 0;
    for (const auto& r : log())
      if (r.at("op").as_string() == op) ++n;
    return n;
  }

 private:
  static std::size_t sink(char* d, std::size_t s, std::size_t n, void* u) {
    static_cast<std::string*>(u)->append(d, s * n);
    return s * n;
  }
  std::string request(const std::string& path, const std::string* body) const {
    CURL* c = curl_easy_init();
    std::string out;
    std::string url = base_ + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    if (body) curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
    curl_easy_perform(c);
    curl_easy_cleanup(c);
    return out;
  }
  std::string post(const std::string& path, const std::string& body) const {
    return request(path, &body);
  }
  std::string get(const std::string& path) const { return request(path, nullptr); }

  pid_t pid_ = -1;
  std::string base_;
};

// --- an in-memory SyncTarget with page transactions ---------------------------------------------

class MemoryTarget : public SyncTarget {
 public:
  std::map<std::string, ImportedActivity> activities;
  std::map<std::string, ImportedContribution> contributions;
  std::vector<SyncOutcome> outcomes;
  std::string fail_on;  // throw when upserting this external id
  int begins = 0, commits = 0, rollbacks = 0;
  int created_calls = 0, updated_calls = 0;

  std::map<std::string, std::string> known_items() override {
    std::map<std::string, std::string> out;
    for (const auto& [id, a] : activities) out[id] = a.content_hash;
    for (const auto& [id, c] : contributions) out[id] = c.content_hash;
    return out;
  }
  void begin_page() override {
    ++begins;
    staged_a_.clear();
    staged_c_.clear();
  }
  void upsert_activity(const ImportedActivity& a, SyncAction action) override {
    check(a.external_id, action);
    staged_a_.push_back(a);
  }
  void upsert_contribution(const ImportedContribution& c, SyncAction action) override {
    check(c.external_id, action);
    staged_c_.push_back(c);
  }
  void commit_page() override {
    ++commits;
    for (auto& a : staged_a_) activities[a.external_id] = a;
    for (auto& c : staged_c_) contributions[c.external_id] = c;
  }
  void rollback_page() override {
    ++rollbacks;
    staged_a_.clear();
    staged_c_.clear();
  }
  void record_outcome(const SyncOutcome& o) override { outcomes.push_back(o); }

 private:
  void check(const std::string& id, SyncAction action) {
    if (id == fail_on) throw std::runtime_error("database is locked");
    bool exists = activities.count(id) || contributions.count(id);
    if ((action == SyncAction::create) == exists) throw std::logic_error("plan disagrees: " + id);
    ++(action == SyncAction::create ? created_calls : updated_calls);
  }
  std::vector<ImportedActivity> staged_a_;
  std::vector<ImportedContribution> staged_c_;
};

struct Sleeps {
  std::vector<std::chrono::milliseconds> calls;
  std::function<void(std::chrono::milliseconds)> fn() {
    return [this](std::chrono::milliseconds d) { calls.push_back(d); };
  }
};

ClientOptions options_for(const ReplayServer& server, Sleeps* sleeps = nullptr) {
  ClientOptions o;
  o.base_url = server.base();
  o.connect_timeout = std::chrono::milliseconds(2000);
  o.total_timeout = std::chrono::milliseconds(5000);
  if (sleeps) o.sleep = sleeps->fn();
  return o;
}

SyncConfig config_for(const ReplayServer& server, int page_size = 2) {
  SyncConfig c;
  c.base_url = server.base();
  c.process_id = "12";
  c.page_size = page_size;
  return c;
}

// Meetings 301-305 (305 withdrawn) and proposals 4701-4712 (4706 withdrawn).
constexpr int kActivities = 4;
constexpr int kContributions = 11;

}  // namespace

TEST(SyncE2E, FullSyncPagesThroughEverythingAndASecondSyncCreatesNothing) {
  ReplayServer server;
  GraphqlClient client(options_for(server));
  MemoryTarget target;
  auto first = run_sync(client, target, config_for(server, 2));
  ASSERT_TRUE(first.ok) << first.last_error;
  EXPECT_EQ(first.created, kActivities + kContributions);
  EXPECT_EQ(first.updated, 0);
  EXPECT_EQ(first.skipped, 2);
  EXPECT_EQ(first.pages, 3 + 6);  // 5 meetings and 12 proposals, 2 per page
  EXPECT_EQ(server.count("MeetingsPage"), 3);
  EXPECT_EQ(server.count("ProposalsPage"), 6);
  EXPECT_EQ(target.activities.size(), static_cast<std::size_t>(kActivities));
  EXPECT_EQ(target.contributions.size(), static_cast<std::size_t>(kContributions));
  EXPECT_FALSE(target.contributions.count("decidim:proposal:4706"));
  EXPECT_FALSE(target.activities.count("decidim:meeting:305"));
  const auto& closed = target.activities.at("decidim:meeting:301");
  EXPECT_EQ(closed.participants, 42);
  EXPECT_EQ(closed.municipality, "Kiruna");
  EXPECT_EQ(closed.external_url,
            server.base() + "/processes/framtidens-halso-och-sjukvard/f/101/meetings/301");
  EXPECT_EQ(target.contributions.at("decidim:proposal:4710").text.find('<'), std::string::npos);
  ASSERT_EQ(target.outcomes.size(), 1u);

  auto second = run_sync(client, target, config_for(server, 50));
  ASSERT_TRUE(second.ok) << second.last_error;
  EXPECT_EQ(second.created, 0);
  EXPECT_EQ(second.updated, 0);
  EXPECT_EQ(second.unchanged, kActivities + kContributions);
  EXPECT_EQ(target.activities.size(), static_cast<std::size_t>(kActivities));
  EXPECT_EQ(target.contributions.size(), static_cast<std::size_t>(kContributions));
}

TEST(SyncE2E, RecordedPageSizeReproducesTheRecordedCursors) {
  ReplayServer server;
  GraphqlClient client(options_for(server));
  MemoryTarget target;
  auto outcome = run_sync(client, target, config_for(server, 6));
  ASSERT_TRUE(outcome.ok) << outcome.last_error;
  std::vector<std::string> afters;
  for (const auto& r : server.log())
    if (r.at("op").as_string() == "ProposalsPage") {
      const auto& after = r.at("variables").at("after");
      afters.push_back(after.is_null() ? "null" : std::string(after.as_string()));
      EXPECT_EQ(r.at("variables").at("first").as_int64(), 6);
    }
  EXPECT_EQ(afters, (std::vector<std::string>{"null", "Ng"}));
}

TEST(SyncE2E, AChangedProposalIsUpdatedNotDuplicated) {
  ReplayServer server;
  GraphqlClient client(options_for(server));
  MemoryTarget target;
  ASSERT_TRUE(run_sync(client, target, config_for(server, 50)).ok);
  server.control(
      R"({"kind":"replace","from":"Inför mobila vårdteam","to":"Inför fler mobila vårdteam"})");
  auto again = run_sync(client, target, config_for(server, 50));
  ASSERT_TRUE(again.ok) << again.last_error;
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 1);
  EXPECT_EQ(target.updated_calls, 1);
  EXPECT_EQ(target.contributions.at("decidim:proposal:4701").text.rfind("Inför fler", 0), 0u);
}

TEST(SyncE2E, OnDecidim027TooWithDateSteps) {
  ReplayServer server("0.27");
  GraphqlClient client(options_for(server));
  MemoryTarget target;
  auto outcome = run_sync(client, target, config_for(server, 50));
  ASSERT_TRUE(outcome.ok) << outcome.last_error;
  EXPECT_EQ(outcome.created, kActivities + kContributions);
}

TEST(SyncE2E, Honours429RetryAfterThenSucceeds) {
  ReplayServer server;
  Sleeps sleeps;
  GraphqlClient client(options_for(server, &sleeps));
  MemoryTarget target;
  server.control(R"({"kind":"429","op":"ProposalsPage","retry_after":"7","times":2})");
  auto outcome = run_sync(client, target, config_for(server, 50));
  ASSERT_TRUE(outcome.ok) << outcome.last_error;
  EXPECT_EQ(outcome.created, kActivities + kContributions);
  EXPECT_EQ(server.count("ProposalsPage"), 3);  // two 429s, then the page
  ASSERT_EQ(sleeps.calls.size(), 2u);
  EXPECT_EQ(sleeps.calls[0], std::chrono::milliseconds(7000));
}

TEST(SyncE2E, Persistent429StopsWithRateLimitedAndKeepsCommittedPages) {
  ReplayServer server;
  Sleeps sleeps;
  GraphqlClient client(options_for(server, &sleeps));
  MemoryTarget target;
  server.control(R"({"kind":"429","op":"ProposalsPage","retry_after":"1","times":100})");
  auto outcome = run_sync(client, target, config_for(server, 50));
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.last_error.find("429"), std::string::npos) << outcome.last_error;
  EXPECT_EQ(target.activities.size(), static_cast<std::size_t>(kActivities));  // meetings page kept
  EXPECT_TRUE(target.contributions.empty());
  EXPECT_EQ(server.count("ProposalsPage"), 4);  // 1 + max_retries
}

TEST(SyncE2E, TooLongRetryAfterIsNotSleptOn) {
  ReplayServer server;
  Sleeps sleeps;
  GraphqlClient client(options_for(server, &sleeps));
  server.control(R"({"kind":"429","retry_after":"3600"})");
  auto r = client.execute("DecidimVersion", queries::kVersion, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure().kind, Failure::Kind::rate_limited);
  EXPECT_TRUE(sleeps.calls.empty());
}

TEST(SyncE2E, TimeoutIsATypedFailure) {
  ReplayServer server;
  auto opts = options_for(server);
  opts.total_timeout = std::chrono::milliseconds(600);
  GraphqlClient client(opts);
  MemoryTarget target;
  server.control(R"({"kind":"hang","op":"MeetingsPage","seconds":3})");
  auto started = std::chrono::steady_clock::now();
  auto outcome = run_sync(client, target, config_for(server, 50));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.last_error.find("MeetingsPage: timed out"), std::string::npos)
      << outcome.last_error;
  EXPECT_TRUE(target.activities.empty());
}

TEST(SyncE2E, MalformedJsonHalfWayCommitsNothingFromThatPageOn) {
  ReplayServer server;
  GraphqlClient client(options_for(server));
  MemoryTarget target;
  auto first_page_only = config_for(server, 6);
  server.control(R"({"kind":"malformed","op":"ProposalsPage","times":1})");
  // The first ProposalsPage request takes the fault: nothing of proposals is committed.
  auto outcome = run_sync(client, target, first_page_only);
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.last_error.find("ProposalsPage: answer is not JSON"), std::string::npos)
      << outcome.last_error;
  EXPECT_EQ(target.activities.size(), static_cast<std::size_t>(kActivities));
  EXPECT_TRUE(target.contributions.empty());
  // The next sync picks up where it failed and creates only what is missing.
  auto again = run_sync(client, target, first_page_only);
  ASSERT_TRUE(again.ok) << again.last_error;
  EXPECT_EQ(again.created, kContributions);
  EXPECT_EQ(again.unchanged, kActivities);
}

TEST(SyncE2E, TargetFailureOnSecondPageRollsBackThatPageOnly) {
  ReplayServer server;
  GraphqlClient client(options_for(server));
  MemoryTarget target;
  target.fail_on = "decidim:proposal:4709";  // on proposals page 2 (first 6)
  auto outcome = run_sync(client, target, config_for(server, 6));
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.last_error.find("database is locked"), std::string::npos);
  EXPECT_EQ(target.rollbacks, 1);
  EXPECT_TRUE(target.contributions.count("decidim:proposal:4705"));   // page 1 committed
  EXPECT_FALSE(target.contributions.count("decidim:proposal:4707"));  // page 2 rolled back
  EXPECT_EQ(outcome.created, kActivities + 5);
  target.fail_on.clear();
  auto again = run_sync(client, target, config_for(server, 6));
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.created, 6);  // 4707-4712
}

TEST(SyncE2E, GraphqlErrorsAnswerNamesTheMessage) {
  ReplayServer server;
  GraphqlClient client(options_for(server));
  MemoryTarget target;
  server.control(
      R"({"kind":"errors","op":"ProcessWithStepsAndComponents","message":"Query has depth of 16, which exceeds max depth of 15"})");
  auto outcome = run_sync(client, target, config_for(server, 50));
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.last_error.find("exceeds max depth"), std::string::npos) << outcome.last_error;
}

TEST(SyncE2E, Http500AndRedirectAreTypedFailures) {
  ReplayServer server;
  GraphqlClient client(options_for(server));
  server.control(R"({"kind":"500"})");
  auto r = client.execute("DecidimVersion", queries::kVersion, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure().kind, Failure::Kind::http_status);
  EXPECT_EQ(r.failure().http_status, 500);
  server.control(R"({"kind":"redirect"})");
  auto redirect = client.execute("DecidimVersion", queries::kVersion, {});
  ASSERT_FALSE(redirect.ok());
  EXPECT_EQ(redirect.failure().http_status, 302);
  EXPECT_NE(redirect.failure().reason.find("redirect not followed"), std::string::npos);
}

TEST(SyncE2E, UnknownProcessAndRefusedConnection) {
  ReplayServer server;
  GraphqlClient client(options_for(server));
  MemoryTarget target;
  auto cfg = config_for(server);
  cfg.process_id = "999";
  auto outcome = run_sync(client, target, cfg);
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.last_error.find("participatoryProcess: null"), std::string::npos);

  ClientOptions nowhere;
  nowhere.base_url = "http://127.0.0.1:1";
  GraphqlClient dead(nowhere);
  auto r = dead.execute("DecidimVersion", queries::kVersion, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure().kind, Failure::Kind::network);
}

TEST(SyncE2E, ResponseSizeIsCapped) {
  ReplayServer server;
  auto opts = options_for(server);
  opts.max_response_bytes = 1000;
  GraphqlClient client(opts);
  auto r = client.execute("ProposalsPage", queries::kProposalsPage,
                          queries::page_variables("102", 50, std::nullopt));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure().kind, Failure::Kind::too_large);
}

TEST(SyncE2E, PacingWaitsOnceTheBucketIsEmpty) {
  ReplayServer server;
  Sleeps sleeps;
  auto opts = options_for(server, &sleeps);
  opts.requests_per_minute = 2;
  GraphqlClient client(opts);
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(client.execute("DecidimVersion", queries::kVersion, {}).ok());
  ASSERT_FALSE(sleeps.calls.empty());
  std::chrono::milliseconds total{0};
  for (auto d : sleeps.calls) total += d;
  EXPECT_GE(total, std::chrono::milliseconds(25000));  // ~30 s for the third request at 2/min
  EXPECT_EQ(client.requests_sent(), 3);
}

TEST(WriteBackE2E, SignInThenMutationsPassTheDocumentedTypes) {
  ReplayServer server("0.28", true);
  auto opts = options_for(server);
  auto refused = sign_in(opts, "test-key", "wrong");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.failure().kind, Failure::Kind::auth);
  auto token = sign_in(opts, "test-key", "test-secret");
  ASSERT_TRUE(token.ok()) << token.failure().reason;
  GraphqlClient client(opts);

  auto answer = build_answer_proposal(
      {"102", "4704", "accepted", "Förslaget bifalls.", "", "dialogd-4704-1"});
  ASSERT_TRUE(answer.ok());
  auto unauthorised = client.execute(answer->operation_name, answer->query, answer->variables);
  ASSERT_FALSE(unauthorised.ok());
  EXPECT_NE(unauthorised.failure().reason.find("not authorized"), std::string::npos);

  client.set_bearer_token(*token);
  auto answered = client.execute(answer->operation_name, answer->query, answer->variables);
  ASSERT_TRUE(answered.ok()) << answered.failure().reason;
  EXPECT_EQ(answered->at("component").at("proposal").at("answer").at("state").as_string(),
            "accepted");

  MeasureResult m;
  m.component_id = "103";
  m.title_sv = "Språkstöd i vården";
  m.start_date = "2026-01-01";
  m.progress = 0;
  m.status_id = 5;
  m.proposal_ids = {4708};
  m.external_id = "RN-2026-001";
  auto create = build_create_result(m);
  ASSERT_TRUE(create.ok());
  auto created = client.execute(create->operation_name, create->query, create->variables);
  ASSERT_TRUE(created.ok()) << created.failure().reason;
  m.result_id = "77";
  m.progress = 55;
  auto update = build_update_result(m);
  ASSERT_TRUE(update.ok());
  auto updated = client.execute(update->operation_name, update->query, update->variables);
  ASSERT_TRUE(updated.ok()) << updated.failure().reason;

  // The server's type check is real: a string where Int is documented is refused.
  auto wrong = *update;
  wrong.variables["input"].as_object()["attributes"].as_object()["decidimAccountabilityStatusId"] =
      "5";
  auto refused_types = client.execute(wrong.operation_name, wrong.query, wrong.variables);
  ASSERT_FALSE(refused_types.ok());
  EXPECT_NE(refused_types.failure().reason.find("decidimAccountabilityStatusId"),
            std::string::npos);
}

TEST(Client, RetryAfterParsing) {
  auto now = std::chrono::system_clock::from_time_t(784111777);  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_EQ(parse_retry_after("120", now), std::chrono::seconds(120));
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:50:37 GMT", now), std::chrono::seconds(60));
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:40:37 GMT", now), std::chrono::seconds(0));
  EXPECT_FALSE(parse_retry_after("soon", now));
  EXPECT_FALSE(parse_retry_after("", now));
}
