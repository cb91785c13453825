// The representation checkpoint: who was reached against the target groups, and checkpoint
// meetings.
#include "app/representation.hpp"

#include "codec/reader.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

json::object checkpoint_json(const app::Checkpoint& c) {
  json::object o{{"id", c.id}, {"dialogue_id", c.dialogue_id}};
  append_document(o, c.document);
  o["created_at"] = c.created_at;
  return o;
}

}  // namespace

Response dialogue_representation(RequestContext& ctx) {
  auto app = app_context(ctx);
  const auto v = unwrap(app::representation_of(app, std::string(ctx.param("id"))));
  return json_response(ctx, bhttp::status::ok,
                       codec::representation_json(v.representation, v.suggestions));
}

Response create_checkpoint(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::CheckpointInput in;
  codec::Reader r(
      body, "", in.read_errors, {"held_on", "note", "actions"},
      std::array<std::string_view, 4>{"id", "dialogue_id", "representation", "created_at"});
  r.required("held_on");
  if (auto on = r.date("held_on")) in.held_on = on->to_string();
  in.note = r.text("note", 10'000, false);
  in.actions = r.text_list("actions", 50, 1000);
  auto app = app_context(ctx);
  const auto c = unwrap(app::open_checkpoint(app, std::string(ctx.param("id")), std::move(in)));
  Response res = json_response(ctx, bhttp::status::created, checkpoint_json(c));
  res.set(bhttp::field::location, "/v1/dialogues/" + c.dialogue_id + "/checkpoints");
  return res;
}

Response list_checkpoints(RequestContext& ctx) {
  auto app = app_context(ctx);
  const PageRequest page = read_page(ctx);
  return page_of(ctx,
                 unwrap(app::list_checkpoints(app, std::string(ctx.param("id")), app_page(page))),
                 page, checkpoint_json);
}

}  // namespace dialogd::http::handlers
