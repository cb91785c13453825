// The representation checkpoint: who was reached against the target groups, and checkpoint
// meetings.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/reader.hpp"
#include "domain/representation.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/activity_repository.hpp"
#include "store/checkpoint_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

json::object representation_json(store::Connection& db, const domain::Dialogue& d) {
  store::ActivityRepository activities(db);
  const auto r =
      domain::represent(d.plan.target_groups, d.plan.representation_threshold,
                        activities.total_participants(d.id), activities.reached_by_group(d.id));
  json::array groups;
  for (const auto& g : r.groups)
    groups.push_back(json::object{{"key", g.key},
                                  {"label", g.label},
                                  {"expected_share", g.expected_share},
                                  {"reached", g.reached},
                                  {"reached_share", g.reached_share},
                                  {"ratio", g.ratio},
                                  {"status", domain::to_string(g.status)}});
  json::array under, suggestions;
  for (const auto& key : r.under) {
    under.emplace_back(key);
    json::array methods;
    for (const auto& m : domain::rank_methods(activities.reach_by_method(key)))
      methods.push_back(json::object{{"method", m.method}, {"reached_share", m.share()}});
    suggestions.push_back(json::object{{"group", key}, {"methods", std::move(methods)}});
  }
  return {{"total_participants", r.total_participants},
          {"threshold", r.threshold},
          {"groups", std::move(groups)},
          {"under", std::move(under)},
          {"suggestions", std::move(suggestions)}};
}

json::object checkpoint_json(const store::CheckpointRecord& c) {
  json::object o{{"id", c.id}, {"dialogue_id", c.dialogue_id}};
  append_document(o, c.document);
  o["created_at"] = c.created_at;
  return o;
}

}  // namespace

Response dialogue_representation(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  return json_response(ctx, bhttp::status::ok, representation_json(ctx.store(), d));
}

Response create_checkpoint(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  const domain::Dialogue d = load_dialogue(ctx);
  codec::FieldErrors errors;
  codec::Reader r(
      body, "", errors, {"held_on", "note", "actions"},
      std::array<std::string_view, 4>{"id", "dialogue_id", "representation", "created_at"});
  r.required("held_on");
  const auto held_on = r.date("held_on");
  const auto note = r.text("note", 10'000, false);
  const auto actions = r.text_list("actions", 50, 1000);
  throw_if_invalid(errors);
  if (d.state != domain::State::in_dialogue && d.state != domain::State::analysing)
    throw Problem(409, "dialogue-not-open", "The dialogue is not open for checkpoints",
                  "checkpoints are held while the dialogue is in_dialogue or analysing; it is " +
                      std::string(domain::to_string(d.state)));
  json::array action_list;
  for (const auto& a : actions) action_list.emplace_back(a);
  store::CheckpointRecord c{support::new_id(), d.id, held_on->to_string(), "",
                            ctx.services.clock.now_rfc3339()};
  c.document =
      json::serialize(json::object{{"held_on", c.held_on},
                                   {"note", note ? json::value(*note) : json::value(nullptr)},
                                   {"actions", std::move(action_list)},
                                   {"representation", representation_json(ctx.store(), d)}});
  store::CheckpointRepository(ctx.store()).insert(c);
  Response res = json_response(ctx, bhttp::status::created, checkpoint_json(c));
  res.set(bhttp::field::location, "/v1/dialogues/" + d.id + "/checkpoints");
  return res;
}

Response list_checkpoints(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  const PageRequest page = read_page(ctx);
  return page_of(ctx,
                 store::CheckpointRepository(ctx.store()).list(d.id, page.after, page.limit + 1),
                 page, checkpoint_json);
}

}  // namespace dialogd::http::handlers
