#include "decidim_app/sync_source.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "app/dialogues.hpp"
#include "decidim/graphql_client.hpp"
#include "decidim/parse.hpp"
#include "decidim/queries.hpp"
#include "decidim_app/app_target.hpp"
#include "decidim_app/write_back_plan.hpp"
#include "support/outbound.hpp"

namespace dialogd::decidim_app {
namespace json = boost::json;

namespace {

// Runs `f` in a write transaction of its own.
template <typename F>
void in_transaction(app::Context& ctx, F&& f) {
  ctx.db.begin_write();
  try {
    f();
    ctx.db.commit();
  } catch (...) {
    ctx.db.rollback();
    throw;
  }
}

// Decidim's status keys differ between instances (seeds use planned/ongoing/finished...): the
// first key of each list that the component's results use gives the status id.
const std::map<std::string, std::vector<std::string>>& status_keys() {
  static const std::map<std::string, std::vector<std::string>> keys{
      {"planned", {"planned", "not_started", "pending"}},
      {"in_progress", {"in_progress", "ongoing", "started", "executing"}},
      {"done", {"done", "completed", "finished", "executed"}},
      {"not_done", {"not_done", "not_executed", "discarded"}},
      {"cancelled", {"cancelled", "canceled", "discarded"}}};
  return keys;
}

struct Accountability {
  std::map<std::string, std::string> result_by_external_id;
  std::map<std::string, int> status_by_key;
};

decidim::Result<Accountability> read_accountability(decidim::GraphqlTransport& api,
                                                    const std::string& component_id) {
  Accountability out;
  std::optional<std::string> after;
  for (int page = 0; page < 200; ++page) {
    auto data = api.execute("ResultsPage", decidim::queries::kResultsPage,
                            decidim::queries::page_variables(component_id, 50, after));
    if (!data) return data.failure();
    auto parsed = decidim::parse_results_page(*data);
    if (!parsed) return parsed.failure();
    for (const auto& r : parsed->items) {
      if (!r.external_id.empty()) out.result_by_external_id.emplace(r.external_id, r.id);
      if (r.status_id && !r.status_key.empty()) try {
          out.status_by_key.emplace(r.status_key, std::stoi(*r.status_id));
        } catch (...) {
        }
    }
    if (!parsed->page_info.has_next_page || !parsed->page_info.end_cursor) break;
    if (after == parsed->page_info.end_cursor) break;
    after = parsed->page_info.end_cursor;
  }
  return out;
}

std::optional<int> status_id(const Accountability& acc, const std::string& status) {
  auto keys = status_keys().find(status);
  if (keys == status_keys().end()) return std::nullopt;
  for (const auto& k : keys->second)
    if (auto it = acc.status_by_key.find(k); it != acc.status_by_key.end()) return it->second;
  return std::nullopt;
}

// The id a createResult answered: data.component.createResult.id.
std::optional<std::string> created_id(const json::value& data) {
  const auto* c = data.is_object() ? data.as_object().if_contains("component") : nullptr;
  const auto* r = c && c->is_object() ? c->as_object().if_contains("createResult") : nullptr;
  const auto* id = r && r->is_object() ? r->as_object().if_contains("id") : nullptr;
  if (!id) return std::nullopt;
  if (id->is_string()) return std::string(id->as_string());
  if (id->is_int64()) return std::to_string(id->as_int64());
  return std::nullopt;
}

std::string why(const decidim::Failure& f) {
  return f.reason;
}

void write_back(app::Context& ctx, const app::Source& source, decidim::GraphqlClient& api,
                const decidim::ClientOptions& client_options,
                const app::SourceCredentials& credentials, WriteBackReport& report) {
  auto plan = plan_write_back(ctx, source);
  if (!plan) {
    report.error = "write-back: " + describe(plan.failure());
    return;
  }
  std::size_t pending = 0;
  for (const auto& a : plan->answers) pending += a.hash != a.sent_hash.value_or("");
  for (const auto& r : plan->results) pending += r.hash != r.sent_hash.value_or("");
  report.answers_unchanged = static_cast<int>(plan->answers.size());
  report.results_unchanged = static_cast<int>(plan->results.size());
  if (pending == 0) return;
  report.attempted = true;
  auto token = decidim::sign_in(client_options, credentials.api_key, credentials.api_secret);
  if (!token) {
    report.error = "write-back: sign-in failed: " + why(token.failure());
    return;
  }
  api.set_bearer_token(*token);

  for (const auto& a : plan->answers) {
    if (a.hash == a.sent_hash.value_or("")) continue;
    auto request = decidim::build_answer_proposal(a.outcome);
    if (!request) {
      report.error = "write-back: " + why(request.failure());
      return;
    }
    auto answered = api.execute(request->operation_name, request->query, request->variables);
    if (!answered) {
      report.error =
          "write-back: AnswerProposal " + a.outcome.proposal_id + ": " + why(answered.failure());
      return;  // the rest waits for the next sync: a missing write API fails them all alike
    }
    in_transaction(ctx, [&] { app::mark_sent(ctx, source, a.external_id, a.hash); });
    ++report.answers_sent;
    --report.answers_unchanged;
  }

  if (plan->results.empty()) return;
  if (!plan->accountability_component) {
    report.error = "write-back: the process has no Accountability component for its results";
    return;
  }
  auto acc = read_accountability(api, *plan->accountability_component);
  if (!acc) {
    report.error = "write-back: ResultsPage: " + why(acc.failure());
    return;
  }
  for (auto& r : plan->results) {
    if (r.hash == r.sent_hash.value_or("")) continue;
    auto& res = r.result;
    if (!res.result_id)
      if (auto it = acc->result_by_external_id.find(res.external_id);
          it != acc->result_by_external_id.end())
        res.result_id = it->second;  // made by an import file or a lost earlier answer
    if (!r.status.empty()) res.status_id = status_id(*acc, r.status);
    auto request =
        res.result_id ? decidim::build_update_result(res) : decidim::build_create_result(res);
    if (!request) {
      report.error = "write-back: measure " + r.measure_id + ": " + why(request.failure());
      return;
    }
    auto done = api.execute(request->operation_name, request->query, request->variables);
    if (!done) {
      report.error = "write-back: " + request->operation_name + " for measure " + r.measure_id +
                     ": " + why(done.failure());
      return;
    }
    const bool created = !res.result_id;
    std::optional<std::string> id = created ? created_id(*done) : res.result_id;
    if (!id) {
      report.error = "write-back: CreateResult for measure " + r.measure_id + " answered no id";
      return;
    }
    in_transaction(ctx, [&] {
      app::remember_item(
          ctx, source,
          {"decidim:result:" + *id, "result", res.component_id, r.measure_id, r.hash, r.hash});
    });
    ++(created ? report.results_created : report.results_updated);
    --report.results_unchanged;
  }
}

std::string counts_json(app::Context& ctx, const app::Source& source, const SyncReport& r) {
  const auto& o = r.import;
  return json::serialize(
      json::object{{"activities", app::count_source_items(ctx, source, "activity")},
                   {"contributions", app::count_source_items(ctx, source, "contribution")},
                   {"created", o.created},
                   {"updated", o.updated},
                   {"unchanged", o.unchanged},
                   {"skipped", o.skipped},
                   {"pages", o.pages},
                   {"answers_sent", r.write_back.answers_sent},
                   {"results_created", r.write_back.results_created},
                   {"results_updated", r.write_back.results_updated}});
}

}  // namespace

app::Result<SyncReport> sync_source(app::Context& ctx, const std::string& dialogue_id,
                                    const std::string& source_id, const SyncOptions& options) {
  auto source = app::find_source(ctx, dialogue_id, source_id);
  if (!source) return source.failure();
  auto dialogue = app::find_dialogue(ctx, dialogue_id);
  if (!dialogue) return dialogue.failure();
  if (!ctx.actor.can_edit()) return app::forbidden("syncing a source needs an editor's key");
  const auto give_up = std::chrono::steady_clock::now() + options.claim_wait;
  for (auto claim = app::claim_sync(ctx, *source); !claim; claim = app::claim_sync(ctx, *source)) {
    if (std::chrono::steady_clock::now() >= give_up) return claim.failure();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  // Released however the sync ends; a crash leaves a claim that goes stale.
  struct Release {
    app::Context& ctx;
    const app::Source& source;
    ~Release() {
      try {
        app::release_sync(ctx, source);
      } catch (...) {
      }
    }
  } release{ctx, *source};

  SyncReport report;
  AppSyncTarget target(ctx, *source);
  decidim::ClientOptions client_options;
  client_options.base_url = source->base_url;
  client_options.total_timeout = options.total_timeout;
  client_options.requests_per_minute = options.requests_per_minute;
  if (options.sleep) client_options.sleep = options.sleep;
  decidim::GraphqlClient api(client_options);
  decidim::SyncConfig config;
  config.base_url = source->base_url;
  config.process_id = source->process_id;
  config.page_size = options.page_size;
  // Held in a named value: a range-for over parse(...).as_array() would read a destroyed temporary.
  const json::value components = json::parse(source->components);
  for (const auto& c : components.as_array())
    if (c.is_string()) config.components.emplace_back(c.as_string());

  // The address is checked at every sync: a name may resolve elsewhere than when it was linked.
  const auto outbound = support::check_outbound(source->base_url + "/api", options.allow_private);
  if (!outbound.allowed) {
    report.import.ok = false;
    report.import.last_error = "base_url: " + outbound.reason;
  } else if (dialogue->state == domain::State::in_dialogue) {
    report.imported = true;
    report.import = decidim::run_sync(api, target, config);
  } else {
    report.import_skipped =
        "proposals and meetings are imported while the dialogue is "
        "in_dialogue; it is " +
        std::string(domain::to_string(dialogue->state));
    // The process is still read, so that write-back knows its components.
    auto data = api.execute("ProcessWithStepsAndComponents", decidim::queries::kProcess,
                            decidim::queries::process_variables(config.process_id));
    auto process = data ? decidim::parse_process(*data, {config.base_url, "", config.locale})
                        : decidim::Result<decidim::DecidimProcess>(data.failure());
    if (process)
      target.record_process(*process);
    else {
      report.import.ok = false;
      report.import.last_error = "ProcessWithStepsAndComponents: " + process.failure().reason;
    }
  }
  if (target.process_json()) source->process = target.process_json();

  const auto credentials = app::credentials_of(ctx, *source);
  if (report.import.ok && credentials)
    write_back(ctx, *source, api, client_options, *credentials, report.write_back);

  std::optional<std::string> error;
  if (!report.import.ok)
    error = report.import.last_error;
  else if (report.write_back.error)
    error = report.write_back.error;
  in_transaction(ctx, [&] {
    app::record_sync(ctx, *source, counts_json(ctx, *source, report), error, target.process_json());
    if (report.write_back.attempted && !report.write_back.error)
      app::record_write_back(ctx, *source);
  });
  auto recorded = app::find_source(ctx, dialogue_id, source_id);
  if (recorded) report.source = std::move(*recorded);
  return report;
}

int sync_all(app::Context& ctx, const SyncOptions& options,
             const std::function<void(const SyncReport&)>& each, bool every_source) {
  int failed = 0;
  for (const auto& s : app::syncable_sources(ctx)) {
    if (!every_source && s.last_sync_at) continue;
    auto r = sync_source(ctx, s.dialogue_id, s.id, options);
    if (!r && r.failure().slug == "sync-running") continue;
    if (!r || !r->ok()) ++failed;
    if (r) each(*r);
  }
  return failed;
}

}  // namespace dialogd::decidim_app
