#include "app/representation.hpp"

#include <boost/json/serialize.hpp>

#include "app/dialogues.hpp"
#include "codec/representation_json.hpp"
#include "domain/contribution_rules.hpp"
#include "store/activity_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::app {
namespace json = boost::json;

namespace {

RepresentationView represent(Context& ctx, const domain::Dialogue& d) {
  store::ActivityRepository activities(ctx.db);
  RepresentationView v;
  v.representation =
      domain::represent(d.plan.target_groups, d.plan.representation_threshold,
                        activities.total_participants(d.id), activities.reached_by_group(d.id));
  for (const auto& key : v.representation.under)
    v.suggestions.push_back(
        {key, domain::rank_methods(activities.reach_by_method(key, d.organisation_id))});
  return v;
}

}  // namespace

Result<RepresentationView> representation_of(Context& ctx, const std::string& dialogue_id) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  return represent(ctx, *d);
}

Result<Checkpoint> open_checkpoint(Context& ctx, const std::string& dialogue_id,
                                   CheckpointInput in) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  if (!domain::accepts_checkpoints(d->state))
    return conflict("dialogue-not-open", "The dialogue is not open for checkpoints",
                    "checkpoints are held while the dialogue is in_dialogue or analysing; it is " +
                        std::string(domain::to_string(d->state)));
  json::array action_list;
  for (const auto& a : in.actions) action_list.emplace_back(a);
  Checkpoint c{support::new_id(), d->id, in.held_on, "", ctx.clock.now_rfc3339()};
  const auto snapshot = represent(ctx, *d);
  c.document = json::serialize(
      json::object{{"held_on", c.held_on},
                   {"note", in.note ? json::value(*in.note) : json::value(nullptr)},
                   {"actions", std::move(action_list)},
                   {"representation",
                    codec::representation_json(snapshot.representation, snapshot.suggestions)}});
  store::CheckpointRepository(ctx.db).insert(c);
  return c;
}

Result<std::vector<Checkpoint>> list_checkpoints(Context& ctx, const std::string& dialogue_id,
                                                 const Page& page) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  return store::CheckpointRepository(ctx.db).list(d->id, page.after, page.fetch());
}

}  // namespace dialogd::app
