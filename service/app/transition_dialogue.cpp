#include "app/transition_dialogue.hpp"

#include "app/audit.hpp"
#include "app/bodies.hpp"
#include "app/feedback_obligations.hpp"
#include "domain/feedback.hpp"
#include "domain/lifecycle.hpp"
#include "domain/requirements.hpp"
#include "store/dialogue_repository.hpp"
#include "store/feedback_repository.hpp"
#include "store/timeline_repository.hpp"
#include "support/ids.hpp"
#include "support/log.hpp"

namespace dialogd::app {

Result<DialogueView> transition_dialogue(Context& ctx, const Precondition& pre,
                                         const TransitionInput& in) {
  auto found = find_dialogue(ctx, in.dialogue_id);
  if (!found) return found.failure();
  domain::Dialogue d = std::move(found).value();
  if (auto f = check(pre, d.version)) return *f;
  const domain::State from = d.state, to = in.to;
  const std::string from_key(domain::to_string(from)), to_key(domain::to_string(to));
  if (!domain::is_edge(from, to)) {
    Failure f = conflict("transition-not-allowed", "Transition not allowed",
                         "a dialogue that is " + from_key + " cannot go to " + to_key);
    f.texts = {{"from", from_key}, {"to", to_key}};
    std::vector<std::string> allowed;
    for (auto s : domain::next_states(from)) allowed.emplace_back(domain::to_string(s));
    f.lists = {{"allowed", std::move(allowed)}};
    return f;
  }
  store::DialogueRepository dialogues(ctx.db);
  domain::StageFacts facts = dialogues.transition_facts(d.id);
  const auto body = body_of(ctx, d);
  if (body) facts.body_ladder_range = {body->principles.ladder_min, body->principles.ladder_max};
  const auto unmet = domain::requirements().unmet({d, to, in.note, facts});
  if (!unmet.empty()) {
    std::string list;
    for (const auto& code : unmet) list += (list.empty() ? "" : ", ") + code;
    std::string detail = "to go from " + from_key + " to " + to_key + " first resolve: " + list;
    std::vector<std::pair<std::string, std::string>> texts;
    if (body && std::find(unmet.begin(), unmet.end(), "outside_body_principles") != unmet.end()) {
      const std::string range = std::to_string(body->principles.ladder_min) + "-" +
                                std::to_string(body->principles.ladder_max);
      detail += " (the principles of " + body->name + " allow ladder steps " + range +
                "; this dialogue declares step " + std::to_string(*d.plan.declared_level) + ")";
      texts.emplace_back("allowed_ladder_steps", range);
    }
    Failure f{FailureKind::unmet,
              "requirements-unmet",
              "Requirements unmet",
              detail,
              {},
              std::move(texts),
              {{"unmet", unmet}},
              {}};
    return f;
  }
  const auto expected = d.version;
  d.state = to;
  d.version += 1;
  d.updated_at = ctx.clock.now_rfc3339();
  if (!dialogues.update(d, expected)) return lost_update();
  store::TimelineRepository(ctx.db).append({support::new_id(), d.id, d.updated_at, "transition",
                                            from_key, to_key,
                                            in.note.empty() ? std::nullopt : std::optional(in.note),
                                            std::nullopt, ctx.actor.name, ctx.actor.role});
  // Feedback owed at this moment is written in this same transaction (the outbox), so it exists
  // exactly when the transition does.
  if (const auto moment = domain::moment_of(to)) owe_feedback(ctx, d, *moment, in.note);
  if (to == domain::State::closed) {
    const long long erased = store::FeedbackRepository(ctx.db).erase_contacts_of_dialogue(d.id);
    audit(ctx, "contacts.erase", d.id,
          "on closing: the contact details of " + std::to_string(erased) + " contribution(s)",
          d.organisation_id);
    support::log_line({{"level", "info"},
                       {"msg", "contact details erased on closing"},
                       {"dialogue_id", d.id},
                       {"contributions", erased}});
  }
  return view_of(ctx, std::move(d));
}

}  // namespace dialogd::app
