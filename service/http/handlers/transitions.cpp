// POST /v1/dialogues/{id}/transitions: move a dialogue along its lifecycle, through its guards.
#include "app/transition_dialogue.hpp"

#include "codec/reader.hpp"
#include "http/app_bridge.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

std::array<std::string_view, domain::all_states.size()> state_keys() {
  std::array<std::string_view, domain::all_states.size()> keys;
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = domain::to_string(domain::all_states[i]);
  return keys;
}

}  // namespace

Response transition_dialogue(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  codec::FieldErrors errors;
  codec::Reader r(body, "", errors, {"to", "note"});
  r.required("to");
  static const auto keys = state_keys();
  const auto to_key = r.choice("to", keys);
  const std::string note = r.text("note", 4000, false).value_or("");
  throw_if_invalid(errors);
  auto app = app_context(ctx);
  const auto v = unwrap(app::transition_dialogue(
      app, precondition(ctx, false),
      {std::string(ctx.param("id")), *domain::parse_state(*to_key), note}));
  return dialogue_response(ctx, bhttp::status::ok, v);
}

}  // namespace dialogd::http::handlers
