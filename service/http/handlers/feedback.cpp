// Feedback tracking: webhooks, coverage of what is owed, overdue feedback, the public feedback, and
// erasing a person's contact details.
#include "app/feedback.hpp"

#include <boost/json/parse.hpp>

#include "codec/reader.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

json::object webhook_json(const app::Webhook& w) {
  json::value events = json::parse(w.events);
  return {{"id", w.id}, {"url", w.url}, {"events", events}, {"created_at", w.created_at}};
}

json::array public_entries_json(const std::vector<app::PublicEntry>& entries) {
  json::array out;
  for (const auto& e : entries) {
    json::object o;
    append_document(o, e.document);
    o["published_at"] = e.published_at;
    out.push_back(std::move(o));
  }
  return out;
}

json::object list_of(json::array items) {
  return {{"items", std::move(items)}, {"next_cursor", nullptr}};
}

}  // namespace

Response create_webhook(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::WebhookInput in;
  codec::Reader r(body, "", in.read_errors, {"url", "events", "secret"},
                  std::array<std::string_view, 2>{"id", "created_at"});
  r.required("url");
  r.required("events");
  r.required("secret");
  in.url = r.text("url", 2000).value_or("");
  in.events = r.choice_list("events", app::webhook_events, "event");
  if (r.get("events") && in.events.empty() && r.get("events")->is_array() &&
      r.get("events")->as_array().empty())
    in.read_errors.add("events", "too_short", "name at least one event");
  in.secret = r.text("secret", 200).value_or("");
  in.allow_private = ctx.services.config.allow_private_webhooks;
  auto app = app_context(ctx);
  const auto w = unwrap(app::register_webhook(app, std::move(in)));
  Response res = json_response(ctx, bhttp::status::created, webhook_json(w));
  res.set(bhttp::field::location, "/v1/webhooks/" + w.id);
  return res;
}

Response list_webhooks(RequestContext& ctx) {
  auto app = app_context(ctx);
  json::array items;
  for (const auto& w : app::list_webhooks(app)) items.push_back(webhook_json(w));
  return json_response(ctx, bhttp::status::ok, list_of(std::move(items)));
}

Response delete_webhook(RequestContext& ctx) {
  auto app = app_context(ctx);
  unwrap(app::remove_webhook(app, std::string(ctx.param("id"))));
  return empty_response(ctx, bhttp::status::no_content);
}

Response dialogue_feedback(RequestContext& ctx) {
  auto app = app_context(ctx);
  const auto c = unwrap(app::feedback_coverage(app, std::string(ctx.param("id"))));
  json::array moments;
  for (const auto& [m, n] : c.moments)
    moments.push_back(json::object{{"moment", m.moment},
                                   {"happened_on", m.happened_on},
                                   {"due_on", m.due_on},
                                   {"owed", n.owed},
                                   {"sent", n.sent},
                                   {"failed", n.failed},
                                   {"pending", n.pending},
                                   {"overdue", n.overdue}});
  const double share =
      c.contributions ? static_cast<double>(c.traced) / static_cast<double>(c.contributions) : 0.0;
  json::object out{
      {"contributions",
       json::object{{"total", c.contributions}, {"traced", c.traced}, {"traced_share", share}}},
      {"participants_opted_in", c.participants_opted_in},
      {"moments", std::move(moments)},
      {"public_entries", public_entries_json(c.public_entries)}};
  return json_response(ctx, bhttp::status::ok, out);
}

Response public_feedback(RequestContext& ctx) {
  auto app = app_context(ctx);
  return json_response(ctx, bhttp::status::ok,
                       list_of(public_entries_json(
                           unwrap(app::public_feedback(app, std::string(ctx.param("id")))))));
}

Response feedback_overdue(RequestContext& ctx) {
  auto app = app_context(ctx);
  json::array items;
  for (const auto& r : app::overdue_feedback(app))
    items.push_back(json::object{{"dialogue_id", r.dialogue_id},
                                 {"title", r.title},
                                 {"state", r.state},
                                 {"overdue_messages", r.overdue_messages},
                                 {"follow_up_due_on", nullable(r.follow_up_due_on)},
                                 {"follow_up_overdue", r.follow_up_overdue}});
  return json_response(ctx, bhttp::status::ok, list_of(std::move(items)));
}

Response erase_contacts(RequestContext& ctx) {
  const auto email = ctx.query_param("email");
  auto app = app_context(ctx);
  const long long erased =
      unwrap(app::erase_contacts(app, email ? std::string(*email) : std::string()));
  return json_response(ctx, bhttp::status::ok, json::object{{"erased", erased}});
}

}  // namespace dialogd::http::handlers
