#include "decidim/sync.hpp"

#include <algorithm>
#include <exception>
#include <set>

#include "decidim/parse.hpp"
#include "decidim/queries.hpp"

namespace dialogd::decidim {
namespace {

struct Engine {
  GraphqlTransport& api;
  SyncTarget& target;
  const SyncConfig& config;
  ParseContext ctx;
  std::map<std::string, std::string> known;
  SyncOutcome outcome;

  bool failed(const std::string& reason) {
    outcome.ok = false;
    outcome.last_error = reason;
    return false;
  }

  // Applies one page's mapped items in one begin/commit; false (rolled back) on failure.
  template <typename T, typename Upsert>
  bool apply(const std::vector<T>& items, Upsert upsert) {
    auto planned = plan_sync(known, items);
    try {
      target.begin_page();
      try {
        int created = 0, updated = 0, unchanged = 0;
        for (const auto& p : planned) {
          if (p.action == SyncAction::unchanged) {
            ++unchanged;
            continue;
          }
          upsert(items[p.index], p.action);
          ++(p.action == SyncAction::create ? created : updated);
        }
        target.commit_page();
        outcome.created += created;
        outcome.updated += updated;
        outcome.unchanged += unchanged;
        ++outcome.pages;
        for (const auto& p : planned) known[p.external_id] = items[p.index].content_hash;
        return true;
      } catch (...) {
        target.rollback_page();
        throw;
      }
    } catch (const std::exception& e) {
      return failed(std::string("target: ") + e.what());
    } catch (...) {
      return failed("target: unknown error");
    }
  }

  template <typename Item, typename ParseFn, typename MapFn, typename Upsert>
  bool walk(const DecidimComponent& component, std::string_view op, std::string_view query,
            ParseFn parse_page, MapFn map_item, Upsert upsert) {
    std::optional<std::string> after;
    std::set<std::string> cursors;
    for (int page = 0; page < config.max_pages; ++page) {
      auto data =
          api.execute(op, query, queries::page_variables(component.id, config.page_size, after));
      if (!data) return failed(data.failure().reason);
      auto parsed = parse_page(*data, ctx);
      if (!parsed) return failed(std::string(op) + ": " + parsed.failure().reason);
      std::vector<Item> mapped;
      for (const auto& raw : parsed->items) {
        auto m = map_item(raw);
        if (m)
          mapped.push_back(std::move(*m));
        else
          ++outcome.skipped;
      }
      if (!apply(mapped, upsert)) return false;
      const auto& pi = parsed->page_info;
      if (!pi.has_next_page || !pi.end_cursor) return true;
      if (!cursors.insert(*pi.end_cursor).second)
        return failed(std::string(op) + ": endCursor repeats (" + *pi.end_cursor + ")");
      after = pi.end_cursor;
    }
    return failed(std::string(op) + ": more than " + std::to_string(config.max_pages) + " pages");
  }

  bool wanted(const DecidimComponent& c) const {
    return config.components.empty() ||
           std::find(config.components.begin(), config.components.end(), c.id) !=
               config.components.end();
  }

  void run() {
    try {
      known = target.known_items();
    } catch (const std::exception& e) {
      failed(std::string("target: ") + e.what());
      return;
    }
    auto data = api.execute("ProcessWithStepsAndComponents", queries::kProcess,
                            queries::process_variables(config.process_id));
    if (!data) {
      failed(data.failure().reason);
      return;
    }
    auto process = parse_process(*data, ctx);
    if (!process) {
      failed("ProcessWithStepsAndComponents: " + process.failure().reason);
      return;
    }
    ctx.process_slug = process->slug;
    try {
      target.record_process(*process);
    } catch (const std::exception& e) {
      failed(std::string("target: ") + e.what());
      return;
    }
    for (const auto& c : process->components) {
      if (c.type != "Meetings" || !wanted(c)) continue;
      if (!walk<ImportedActivity>(
              c, "MeetingsPage", queries::kMeetingsPage, parse_meetings_page, map_meeting,
              [&](const ImportedActivity& a, SyncAction act) { target.upsert_activity(a, act); }))
        return;
    }
    for (const auto& c : process->components) {
      if (c.type != "Proposals" || !wanted(c)) continue;
      if (!walk<ImportedContribution>(c, "ProposalsPage", queries::kProposalsPage,
                                      parse_proposals_page, map_proposal,
                                      [&](const ImportedContribution& x, SyncAction act) {
                                        target.upsert_contribution(x, act);
                                      }))
        return;
    }
  }
};

}  // namespace

SyncOutcome run_sync(GraphqlTransport& api, SyncTarget& target, const SyncConfig& config) {
  Engine engine{api, target, config, ParseContext{config.base_url, "", config.locale}, {}, {}};
  try {
    engine.run();
  } catch (const std::exception& e) {
    engine.failed(std::string("sync: ") + e.what());
  } catch (...) {
    engine.failed("sync: unknown error");
  }
  try {
    target.record_outcome(engine.outcome);
  } catch (...) {
    // the outcome is still returned to the caller
  }
  return engine.outcome;
}

}  // namespace dialogd::decidim
