#include "app/timeline.hpp"

#include "app/dialogues.hpp"

namespace dialogd::app {

Result<std::vector<TimelineEntry>> timeline_of(Context& ctx, const std::string& dialogue_id,
                                               const Page& page) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  return store::TimelineRepository(ctx.db).list(d->id, page.after, page.fetch());
}

}  // namespace dialogd::app
