#include "app/feedback.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "app/audit.hpp"
#include "app/dialogues.hpp"
#include "app/trace.hpp"
#include "store/contribution_repository.hpp"
#include "store/dialogue_repository.hpp"
#include "store/measure_repository.hpp"
#include "store/stage_document_repository.hpp"
#include "support/ids.hpp"
#include "support/log.hpp"
#include "support/outbound.hpp"

namespace dialogd::app {
namespace json = boost::json;

Result<Webhook> register_webhook(Context& ctx, WebhookInput in) {
  auto& errors = in.read_errors;
  const bool http_url = in.url.rfind("https://", 0) == 0 || in.url.rfind("http://", 0) == 0;
  if (!in.url.empty() && !http_url)
    errors.add("url", "invalid_value", "'" + in.url + "' is not an http(s) address");
  if (http_url) {
    const auto target = support::check_outbound(in.url, in.allow_private);
    if (!target.allowed)
      errors.add("url", "not_public", "'" + in.url + "' cannot receive webhooks: " + target.reason);
  }
  if (!in.secret.empty() && in.secret.size() < 16)
    errors.add("secret", "too_short", "a secret has at least 16 characters");
  if (!errors.empty()) return invalid(errors);
  json::array ev;
  for (const auto& e : in.events) ev.emplace_back(e);
  const Webhook w{support::new_id(),       in.url,
                  json::serialize(ev),     in.secret,
                  ctx.clock.now_rfc3339(), organisation_of(ctx)};
  store::FeedbackRepository(ctx.db).add_webhook(w);
  return w;
}

std::vector<Webhook> list_webhooks(Context& ctx) {
  return store::FeedbackRepository(ctx.db).webhooks(organisation_of(ctx));
}

Result<Done> remove_webhook(Context& ctx, const std::string& id) {
  if (!store::FeedbackRepository(ctx.db).delete_webhook(id, organisation_of(ctx),
                                                        ctx.clock.now_rfc3339()))
    return not_found("webhook '" + id + "'");
  return Done{};
}

namespace {

// The needs whose board answer a trace shows as answered (outcome_of: the answer has a response
// for the need, and the need has measures or the response says why there are none). Mirrors
// trace_of, where the last response for a need wins.
std::vector<std::string> answered_needs(Context& ctx, const std::string& dialogue_id) {
  const auto answer = store::StageDocumentRepository(ctx.db).find(dialogue_id, "answer");
  if (!answer) return {};
  const auto with_measures = store::MeasureRepository(ctx.db).needs_with_measures(dialogue_id);
  std::map<std::string, bool> answered;
  const json::value doc = json::parse(answer->document);
  for (const auto& resp : doc.at("responses").as_array()) {
    const auto& ro = resp.as_object();
    const auto* need = ro.if_contains("need_id");
    if (!need || !need->is_string()) continue;
    const std::string id(need->as_string());
    const auto* reason = ro.if_contains("no_measure_reason");
    answered[id] = (reason && reason->is_string()) ||
                   std::binary_search(with_measures.begin(), with_measures.end(), id);
  }
  std::vector<std::string> out;
  for (const auto& [id, yes] : answered)
    if (yes) out.push_back(id);
  return out;
}

}  // namespace

Result<FeedbackCoverage> feedback_coverage(Context& ctx, const std::string& dialogue_id) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  store::FeedbackRepository feedback(ctx.db);
  FeedbackCoverage out;
  // Aggregates in SQL: the same numbers as tracing every contribution (tests/app compares them),
  // in a few queries however many contributions the dialogue has.
  out.contributions = store::ContributionRepository(ctx.db).count(d->id);
  out.traced = feedback.traced_contributions(d->id, answered_needs(ctx, d->id));
  const std::string today = ctx.clock.today().to_string();
  for (auto& m : feedback.moments(d->id)) {
    auto counts = feedback.counts(d->id, m.moment, today);
    out.moments.push_back({std::move(m), counts});
  }
  out.participants_opted_in = feedback.opted_in_people(d->id);
  out.public_entries = feedback.public_entries(d->id);
  return out;
}

Result<std::vector<PublicEntry>> public_feedback(Context& ctx, const std::string& dialogue_id) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  return store::FeedbackRepository(ctx.db).public_entries(d->id);
}

std::vector<OverdueRow> overdue_feedback(Context& ctx) {
  store::FeedbackRepository feedback(ctx.db);
  store::DialogueRepository dialogues(ctx.db);
  const std::string today = ctx.clock.today().to_string();
  std::map<std::string, OverdueRow> rows;
  auto row = [&](const std::string& id) -> OverdueRow& {
    auto it = rows.find(id);
    if (it != rows.end()) return it->second;
    const auto d = dialogues.find(id);  // visible: the lists below are the actor's organisation's
    OverdueRow r;
    r.dialogue_id = id;
    r.title = d ? d->plan.title : "";
    r.state = d ? std::string(domain::to_string(d->state)) : "";
    return rows.emplace(id, std::move(r)).first->second;
  };
  const std::string org = organisation_of(ctx);
  // One grouped query rather than counts per dialogue and moment.
  for (const auto& [id, overdue] : feedback.overdue_messages_by_dialogue(today, org))
    row(id).overdue_messages = overdue;
  for (const auto& [id, document] : feedback.decisions_awaiting_follow_up(org)) {
    json::value decision = json::parse(document);
    const std::string due(decision.at("follow_up_due_on").as_string());
    if (due < today) {
      auto& r = row(id);
      r.follow_up_due_on = due;
      r.follow_up_overdue = true;
    }
  }
  std::vector<OverdueRow> out;
  for (auto& [id, r] : rows) out.push_back(std::move(r));
  return out;
}

Result<long long> erase_contacts(Context& ctx, const std::string& email) {
  if (email.find('@') == std::string::npos || email.size() > 254)
    return invalid("email", "invalid_value",
                   "give the address to erase: DELETE /v1/contacts?email=...");
  const long long erased =
      store::FeedbackRepository(ctx.db).erase_contacts_by_email(email, organisation_of(ctx));
  audit(ctx, "contacts.erase", std::nullopt,
        "on request: the contact details of " + std::to_string(erased) + " contribution(s)");
  support::log_line(
      {{"level", "info"}, {"msg", "contact details erased on request"}, {"contributions", erased}});
  return erased;
}

}  // namespace dialogd::app
