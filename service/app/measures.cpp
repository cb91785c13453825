#include "app/measures.hpp"

#include "app/dialogues.hpp"
#include "domain/measure.hpp"
#include "support/ids.hpp"

namespace dialogd::app {

Result<std::vector<Measure>> list_measures(Context& ctx, const std::string& dialogue_id) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  return store::MeasureRepository(ctx.db).for_dialogue(d->id);
}

Result<Measure> find_measure(Context& ctx, const std::string& id) {
  auto m = store::MeasureRepository(ctx.db).find(id);
  if (!m || !find_dialogue(ctx, m->dialogue_id)) return not_found("measure '" + id + "'");
  return std::move(*m);
}

Result<Measure> update_measure(Context& ctx, const std::string& measure_id, MeasureUpdateInput in) {
  auto found = find_measure(ctx, measure_id);
  if (!found) return found.failure();
  Measure& m = found.value();
  auto& errors = in.read_errors;
  if (in.status == "done" && !in.progress) in.progress = 100;
  if (!in.status.empty() && in.progress && !domain::progress_consistent(in.status, *in.progress))
    errors.add("progress", "out_of_range",
               "a measure that is done has progress 100, got " + std::to_string(*in.progress));
  if (!errors.empty()) return invalid(errors);
  if (m.decision != "adopted")
    return conflict("measure-not-adopted", "The measure was not adopted",
                    "only measures the council adopted are followed up; this one is " + m.decision);
  auto d = find_dialogue(ctx, m.dialogue_id);
  if (!d) return d.failure();
  if (d->state != domain::State::decided && d->state != domain::State::followed_up)
    return wrong_state(
        "measures are followed up while the dialogue is decided or followed_up; it is " +
        std::string(domain::to_string(d->state)));
  const store::MeasureUpdate u{
      support::new_id(),      m.id, in.on, in.status, in.progress.value_or(0), in.note,
      ctx.clock.now_rfc3339()};
  store::MeasureRepository(ctx.db).add_update(u);
  m.updates.push_back(u);
  return std::move(m);
}

}  // namespace dialogd::app
