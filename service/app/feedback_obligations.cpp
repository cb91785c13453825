#include "app/feedback_obligations.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "app/audit.hpp"
#include "app/trace.hpp"
#include "store/contribution_repository.hpp"
#include "store/feedback_repository.hpp"
#include "store/need_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/stage_document_repository.hpp"
#include "support/ids.hpp"
#include "support/log.hpp"

namespace dialogd::app {
namespace json = boost::json;

namespace {

std::string lowercase(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The date the moment happened, from the stage document that marks it.
domain::Date happened_on(store::Connection& db, const support::Clock& clock,
                         const std::string& dialogue_id, domain::Moment m) {
  auto field = [&](const char* kind, const char* name) -> std::optional<domain::Date> {
    auto doc = store::StageDocumentRepository(db).find(dialogue_id, kind);
    if (!doc) return std::nullopt;
    json::value v = json::parse(doc->document);
    return domain::Date::parse(v.at(name).as_string());
  };
  std::optional<domain::Date> d;
  if (m == domain::Moment::report) d = field("report", "presented_on");
  if (m == domain::Moment::decision) d = field("decision", "decided_on");
  if (m == domain::Moment::follow_up) d = field("follow_up", "held_on");
  return d.value_or(clock.today());
}

json::object bilingual(const domain::ContributionOutcome& o) {
  return {{"sv", domain::describe_outcome(o, domain::Language::sv)},
          {"en", domain::describe_outcome(o, domain::Language::en)}};
}

}  // namespace

void owe_feedback(Context& ctx, const domain::Dialogue& d, domain::Moment m,
                  std::string_view note) {
  store::Connection& db = ctx.db;
  const support::Clock& clock = ctx.clock;
  const std::string moment(domain::to_string(m));
  const std::string topic = "feedback." + moment;
  const std::string now = clock.now_rfc3339();
  const domain::FeedbackPlan plan = d.plan.feedback_plan.value_or(domain::FeedbackPlan{});
  const domain::Date happened = happened_on(db, clock, d.id, m);
  const std::string due =
      domain::due_on(m, happened, plan.days_after_report, plan.days_after_decision).to_string();
  store::FeedbackRepository feedback(db);
  store::OutboxRepository outbox(db);
  feedback.record_moment({d.id, moment, happened.to_string(), due}, now);

  // One message per person: contributions grouped by address, in the language of their
  // contributions.
  const auto contacts = feedback.contacts_of_dialogue(d.id);
  audit(ctx, "contacts.read", d.id,
        "compose feedback " + moment + ": " + std::to_string(contacts.size()) + " contact(s)",
        d.organisation_id);
  support::log_line({{"level", "info"},
                     {"msg", "contact details read"},
                     {"reason", "compose feedback " + moment},
                     {"dialogue_id", d.id},
                     {"contacts", contacts.size()}});
  std::map<std::string, std::vector<store::ContactRow>> people;
  for (const auto& c : contacts) people[lowercase(c.email)].push_back(c);
  store::ContributionRepository contributions(db);
  const std::string receipt_base = ctx.public_url + "/v1/receipts/";
  for (const auto& [address, rows] : people) {
    const domain::Language lang = domain::feedback_language(rows.front().language);
    std::vector<domain::OutcomeLine> lines;
    json::array ids;
    for (const auto& row : rows) {
      const auto c = contributions.find(row.contribution_id);
      if (!c) continue;
      const Trace trace = trace_of(ctx, view_of(ctx, *c));
      std::string excerpt = trace.contribution.text;
      if (excerpt.size() > 120) excerpt = excerpt.substr(0, 117) + "...";
      lines.push_back({c->receipt, excerpt, domain::describe_outcome(outcome_of(trace), lang)});
      ids.emplace_back(c->id);
    }
    const auto msg = domain::compose_message(m, lang, d.plan.title, lines, receipt_base, note);
    store::OutboxMessage out;
    out.id = support::new_id();
    out.channel = "email";
    out.topic = topic;
    out.dialogue_id = d.id;
    out.recipient =
        "person:" + support::sha256_hex(address).substr(0, 24);  // never the address itself
    out.payload =
        json::serialize(json::object{{"subject", msg.subject},
                                     {"body", msg.body},
                                     {"language", lang == domain::Language::sv ? "sv" : "en"},
                                     {"contribution_ids", std::move(ids)}});
    out.due_on = due;
    out.next_attempt_at = now;
    out.created_at = now;
    outbox.enqueue(out);
  }

  // The public entry: per need, what became of it.
  json::array needs;
  for (const auto& n : store::NeedRepository(db).all(d.id)) {
    // A need's outcome is what a contribution citing only that need would be told.
    const auto c =
        n.contribution_ids.empty() ? std::nullopt : contributions.find(n.contribution_ids.front());
    domain::ContributionOutcome o;
    if (c) {
      Trace trace = trace_of(ctx, view_of(ctx, *c));
      std::erase_if(trace.needs, [&](const TracedNeed& tn) { return tn.id != n.id; });
      trace.disposition.reset();
      o = outcome_of(trace);
    }
    json::value doc = json::parse(n.document);
    needs.push_back(
        json::object{{"need_id", n.id}, {"title", doc.at("title")}, {"outcome", bilingual(o)}});
  }
  json::object entry{
      {"moment", moment}, {"date", happened.to_string()}, {"needs", std::move(needs)}};
  entry["note"] = note.empty() ? json::value(nullptr) : json::value(note);
  feedback.publish({d.id, moment, json::serialize(entry), now});

  // Portals that asked to hear of this moment.
  for (const auto& hook : feedback.webhooks(d.organisation_id)) {
    json::value events = json::parse(hook.events);
    bool wanted = false;
    for (const auto& e : events.as_array())
      wanted = wanted || e.as_string() == topic || e.as_string() == "*";
    if (!wanted) continue;
    store::OutboxMessage out;
    out.id = support::new_id();
    out.channel = "webhook";
    out.topic = topic;
    out.dialogue_id = d.id;
    out.recipient = hook.id;
    out.payload = json::serialize(json::object{{"id", out.id},
                                               {"event", topic},
                                               {"dialogue_id", d.id},
                                               {"dialogue_title", d.plan.title},
                                               {"moment", moment},
                                               {"due_on", due},
                                               {"public_entry", entry}});
    out.due_on = due;
    out.next_attempt_at = now;
    out.created_at = now;
    outbox.enqueue(out);
  }
}

}  // namespace dialogd::app
