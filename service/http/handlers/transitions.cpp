// POST /v1/dialogues/{id}/transitions: move a dialogue along its lifecycle, through its guards.
#include <boost/json/object.hpp>

#include "codec/reader.hpp"
#include "domain/feedback.hpp"
#include "domain/lifecycle.hpp"
#include "domain/requirements.hpp"
#include "http/dialogue_view.hpp"
#include "http/feedback_obligations.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/log.hpp"
#include "http/problem.hpp"
#include "store/dialogue_repository.hpp"
#include "store/feedback_repository.hpp"
#include "store/timeline_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

std::array<std::string_view, domain::all_states.size()> state_keys() {
  std::array<std::string_view, domain::all_states.size()> keys;
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = domain::to_string(domain::all_states[i]);
  return keys;
}

json::array state_list(const std::vector<domain::State>& states) {
  json::array out;
  for (auto s : states) out.emplace_back(domain::to_string(s));
  return out;
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
  const domain::State to = *domain::parse_state(*to_key);

  domain::Dialogue d = load_dialogue(ctx);
  check_if_match(ctx, d.version, false);
  const domain::State from = d.state;
  if (!domain::is_edge(from, to)) {
    Problem p(409, "transition-not-allowed", "Transition not allowed",
              "a dialogue that is " + std::string(domain::to_string(from)) + " cannot go to " +
                  std::string(domain::to_string(to)));
    p.extra["from"] = domain::to_string(from);
    p.extra["to"] = domain::to_string(to);
    p.extra["allowed"] = state_list(domain::next_states(from));
    throw p;
  }
  store::DialogueRepository dialogues(ctx.store());
  const domain::StageFacts facts = dialogues.transition_facts(d.id);
  const auto unmet = domain::requirements().unmet({d, to, note, facts});
  if (!unmet.empty()) {
    std::string list;
    for (const auto& code : unmet) list += (list.empty() ? "" : ", ") + code;
    Problem p(409, "requirements-unmet", "Requirements unmet",
              "to go from " + std::string(domain::to_string(from)) + " to " +
                  std::string(domain::to_string(to)) + " first resolve: " + list);
    json::array codes;
    for (const auto& code : unmet) codes.emplace_back(code);
    p.extra["unmet"] = std::move(codes);
    throw p;
  }
  const auto expected = d.version;
  d.state = to;
  d.version += 1;
  d.updated_at = ctx.services.clock.now_rfc3339();
  if (!dialogues.update(d, expected)) throw lost_update();
  store::TimelineRepository(ctx.store())
      .append({support::new_id(), d.id, d.updated_at, "transition",
               std::string(domain::to_string(from)), std::string(domain::to_string(to)),
               note.empty() ? std::nullopt : std::optional(note), std::nullopt, ctx.principal->name,
               ctx.principal->role});
  // Feedback owed at this moment is written in this same transaction (the outbox), so it exists
  // exactly when the transition does.
  if (const auto moment = domain::moment_of(to))
    owe_feedback(ctx.store(), ctx.services.clock, d, *moment, note, ctx.services.config.public_url);
  if (to == domain::State::closed) {
    const long long erased =
        store::FeedbackRepository(ctx.store()).erase_contacts_of_dialogue(d.id);
    log_line({{"level", "info"},
              {"msg", "contact details erased on closing"},
              {"dialogue_id", d.id},
              {"contributions", erased}});
  }
  return dialogue_response(ctx, bhttp::status::ok, d);
}

}  // namespace dialogd::http::handlers
