// Feedback tracking: webhooks, coverage of what is owed, overdue feedback, the public feedback, and
// erasing a person's contact details.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/reader.hpp"
#include "domain/feedback.hpp"
#include "http/analysis_view.hpp"
#include "http/dialogue_view.hpp"
#include "http/feedback_obligations.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/log.hpp"
#include "http/problem.hpp"
#include "store/contribution_repository.hpp"
#include "store/dialogue_repository.hpp"
#include "store/feedback_repository.hpp"
#include "store/stage_document_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 5> webhook_events{
    "feedback.report", "feedback.decision", "feedback.follow_up", "feedback.cancellation", "*"};

json::object webhook_json(const store::Webhook& w) {
  json::value events = json::parse(w.events);
  return {{"id", w.id}, {"url", w.url}, {"events", events}, {"created_at", w.created_at}};
}

json::array public_entries_json(store::FeedbackRepository& feedback,
                                const std::string& dialogue_id) {
  json::array out;
  for (const auto& e : feedback.public_entries(dialogue_id)) {
    json::object o;
    append_document(o, e.document);
    o["published_at"] = e.published_at;
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

Response create_webhook(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  codec::FieldErrors errors;
  codec::Reader r(body, "", errors, {"url", "events", "secret"},
                  std::array<std::string_view, 2>{"id", "created_at"});
  r.required("url");
  r.required("events");
  r.required("secret");
  const auto url = r.text("url", 2000);
  if (url && url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0)
    errors.add("url", "invalid_value", "'" + *url + "' is not an http(s) address");
  const auto events = r.choice_list("events", webhook_events, "event");
  if (r.get("events") && events.empty() && r.get("events")->is_array() &&
      r.get("events")->as_array().empty())
    errors.add("events", "too_short", "name at least one event");
  const auto secret = r.text("secret", 200);
  if (secret && secret->size() < 16)
    errors.add("secret", "too_short", "a secret has at least 16 characters");
  throw_if_invalid(errors);
  json::array ev;
  for (const auto& e : events) ev.emplace_back(e);
  const store::Webhook w{support::new_id(), *url, json::serialize(ev), *secret,
                         ctx.services.clock.now_rfc3339()};
  store::FeedbackRepository(ctx.store()).add_webhook(w);
  Response res = json_response(ctx, bhttp::status::created, webhook_json(w));
  res.set(bhttp::field::location, "/v1/webhooks/" + w.id);
  return res;
}

Response list_webhooks(RequestContext& ctx) {
  json::array items;
  for (const auto& w : store::FeedbackRepository(ctx.store()).webhooks())
    items.push_back(webhook_json(w));
  return json_response(ctx, bhttp::status::ok,
                       json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

Response delete_webhook(RequestContext& ctx) {
  if (!store::FeedbackRepository(ctx.store())
           .delete_webhook(std::string(ctx.param("id")), ctx.services.clock.now_rfc3339()))
    throw not_found("webhook '" + std::string(ctx.param("id")) + "'");
  return empty_response(ctx, bhttp::status::no_content);
}

Response dialogue_feedback(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  store::FeedbackRepository feedback(ctx.store());
  store::ContributionRepository contributions(ctx.store());
  long long total = 0, traced = 0;
  for (const auto& c : contributions.list(d.id, {}, std::nullopt, 1'000'000)) {
    ++total;
    if (domain::is_traced(outcome_of(trace_json(ctx.store(), c)))) ++traced;
  }
  const std::string today = ctx.services.clock.today().to_string();
  json::array moments;
  for (const auto& m : feedback.moments(d.id)) {
    const auto n = feedback.counts(d.id, m.moment, today);
    moments.push_back(json::object{{"moment", m.moment},
                                   {"happened_on", m.happened_on},
                                   {"due_on", m.due_on},
                                   {"owed", n.owed},
                                   {"sent", n.sent},
                                   {"failed", n.failed},
                                   {"pending", n.pending},
                                   {"overdue", n.overdue}});
  }
  json::object out{
      {"contributions",
       json::object{{"total", total},
                    {"traced", traced},
                    {"traced_share", total ? static_cast<double>(traced) / total : 0.0}}},
      {"participants_opted_in", feedback.opted_in_people(d.id)},
      {"moments", std::move(moments)},
      {"public_entries", public_entries_json(feedback, d.id)}};
  return json_response(ctx, bhttp::status::ok, out);
}

Response public_feedback(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  store::FeedbackRepository feedback(ctx.store());
  return json_response(
      ctx, bhttp::status::ok,
      json::object{{"items", public_entries_json(feedback, d.id)}, {"next_cursor", nullptr}});
}

Response feedback_overdue(RequestContext& ctx) {
  store::FeedbackRepository feedback(ctx.store());
  store::DialogueRepository dialogues(ctx.store());
  const std::string today = ctx.services.clock.today().to_string();
  std::map<std::string, json::object> rows;
  auto row = [&](const std::string& id) -> json::object& {
    auto it = rows.find(id);
    if (it != rows.end()) return it->second;
    const auto d = dialogues.find(id);
    json::object o{{"dialogue_id", id},
                   {"title", d ? d->plan.title : ""},
                   {"state", d ? std::string(domain::to_string(d->state)) : ""},
                   {"overdue_messages", 0},
                   {"follow_up_due_on", nullptr},
                   {"follow_up_overdue", false}};
    return rows.emplace(id, std::move(o)).first->second;
  };
  for (const auto& id : feedback.dialogues_with_overdue_messages(today)) {
    long long overdue = 0;
    for (const auto& m : feedback.moments(id))
      overdue += feedback.counts(id, m.moment, today).overdue;
    row(id)["overdue_messages"] = overdue;
  }
  for (const auto& [id, document] : feedback.decisions_awaiting_follow_up()) {
    json::value decision = json::parse(document);
    const std::string due(decision.at("follow_up_due_on").as_string());
    if (due < today) {
      auto& r = row(id);
      r["follow_up_due_on"] = due;
      r["follow_up_overdue"] = true;
    }
  }
  json::array items;
  for (auto& [id, o] : rows) items.push_back(std::move(o));
  return json_response(ctx, bhttp::status::ok,
                       json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

Response erase_contacts(RequestContext& ctx) {
  const auto email = ctx.query_param("email");
  if (!email || email->find('@') == std::string_view::npos || email->size() > 254)
    throw validation_failed("email", "invalid_value",
                            "give the address to erase: DELETE /v1/contacts?email=...");
  const long long erased =
      store::FeedbackRepository(ctx.store()).erase_contacts_by_email(std::string(*email));
  log_line(
      {{"level", "info"}, {"msg", "contact details erased on request"}, {"contributions", erased}});
  return json_response(ctx, bhttp::status::ok, json::object{{"erased", erased}});
}

}  // namespace dialogd::http::handlers
