#include "app/bodies.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "app/audit.hpp"
#include "app/dialogues.hpp"
#include "app/feedback.hpp"
#include "codec/body_json.hpp"
#include "domain/feedback.hpp"
#include "store/dialogue_repository.hpp"
#include "store/feedback_repository.hpp"
#include "store/organisation_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::app {
namespace json = boost::json;

namespace {

domain::Body to_body(const store::DocumentRecord& r) {
  domain::Body b;
  codec::FieldErrors ignored;  // validated when written
  codec::read_body(json::parse(r.document).as_object(), b, ignored);
  b.id = r.id;
  b.organisation_id = r.organisation_id;
  b.version = r.version;
  b.created_at = r.created_at;
  b.updated_at = r.updated_at;
  return b;
}

store::DocumentRecord to_record(const domain::Body& b) {
  return {b.id,      b.organisation_id, b.name,      json::serialize(codec::body_document(b)),
          b.version, b.created_at,      b.updated_at};
}

StoredPlan to_stored(const store::BodyRepository::Plan& p) {
  StoredPlan s;
  s.body_id = p.body_id;
  codec::FieldErrors ignored;
  s.plan = codec::read_implementation_plan(json::parse(p.document).as_object(), ignored);
  s.plan.year = p.year;
  s.version = p.version;
  s.created_at = p.created_at;
  s.updated_at = p.updated_at;
  return s;
}

std::optional<Failure> year_invalid(int year) {
  if (year >= domain::first_plan_year && year <= domain::last_plan_year) return std::nullopt;
  return invalid("year", "out_of_range",
                 std::to_string(year) + " is not a plan year: give one from 2000 to 2100");
}

}  // namespace

Result<domain::Body> create_body(Context& ctx, BodyInput in) {
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  domain::Body b = std::move(in.body);
  b.id = support::new_id();
  b.organisation_id = organisation_of(ctx);
  b.version = 1;
  b.created_at = b.updated_at = ctx.clock.now_rfc3339();
  store::BodyRepository(ctx.db).insert(to_record(b));
  audit(ctx, "body.create", b.id, b.name, b.organisation_id);
  return b;
}

Result<domain::Body> find_body(Context& ctx, const std::string& id) {
  auto r = store::BodyRepository(ctx.db).find(id);
  if (!r || r->organisation_id != organisation_of(ctx)) return not_found("body '" + id + "'");
  return to_body(*r);
}

std::vector<domain::Body> list_bodies(Context& ctx, const Page& page) {
  std::vector<domain::Body> out;
  for (const auto& r :
       store::BodyRepository(ctx.db).list(organisation_of(ctx), page.after, page.fetch()))
    out.push_back(to_body(r));
  return out;
}

Result<domain::Body> edit_body(Context& ctx, const std::string& id, const Precondition& pre,
                               const BodyEdit& edit) {
  auto found = find_body(ctx, id);
  if (!found) return found.failure();
  const domain::Body& current = found.value();
  if (auto f = check(pre, current.version)) return *f;
  BodyInput in = edit(current);
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  domain::Body b = std::move(in.body);
  b.id = current.id;
  b.organisation_id = current.organisation_id;
  b.created_at = current.created_at;
  if (json::serialize(codec::body_document(b)) == json::serialize(codec::body_document(current)))
    return current;
  b.version = current.version + 1;
  b.updated_at = ctx.clock.now_rfc3339();
  if (!store::BodyRepository(ctx.db).update(to_record(b), current.version)) return lost_update();
  audit(ctx, "body.update", b.id, "version " + std::to_string(b.version), b.organisation_id);
  return b;
}

Result<StoredPlan> write_plan(Context& ctx, const std::string& body_id, int year,
                              const Precondition& pre, PlanInput in) {
  auto body = find_body(ctx, body_id);
  if (!body) return body.failure();
  if (auto f = year_invalid(year)) return *f;
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  store::BodyRepository bodies(ctx.db);
  if (auto existing = bodies.find_plan(body_id, year))
    if (auto f = check(pre, existing->version)) return *f;
  in.plan.year = year;
  auto stored = to_stored(bodies.put_plan(
      body_id, year, json::serialize(codec::plan_document(in.plan)), ctx.clock.now_rfc3339()));
  stored.created = stored.version == 1;
  return stored;
}

Result<std::vector<StoredPlan>> list_plans(Context& ctx, const std::string& body_id) {
  auto body = find_body(ctx, body_id);
  if (!body) return body.failure();
  std::vector<StoredPlan> out;
  for (const auto& p : store::BodyRepository(ctx.db).plans(body_id)) out.push_back(to_stored(p));
  return out;
}

std::optional<domain::Body> body_of(Context& ctx, const domain::Dialogue& d) {
  if (!d.body_id) return std::nullopt;
  auto r = store::BodyRepository(ctx.db).find(*d.body_id);
  if (!r || r->organisation_id != d.organisation_id) return std::nullopt;
  return to_body(*r);
}

bool plan_has_item(Context& ctx, const std::string& body_id, const domain::PlanItemRef& item) {
  auto p = store::BodyRepository(ctx.db).find_plan(body_id, item.year);
  if (!p) return false;
  const auto plan = to_stored(*p).plan;
  return std::any_of(plan.items.begin(), plan.items.end(),
                     [&](const auto& i) { return i.key == item.key; });
}

Result<PlanWithOutcome> plan_with_outcome(Context& ctx, const std::string& body_id, int year) {
  auto body = find_body(ctx, body_id);
  if (!body) return body.failure();
  if (auto f = year_invalid(year)) return *f;
  auto p = store::BodyRepository(ctx.db).find_plan(body_id, year);
  if (!p) return not_found("the " + std::to_string(year) + " plan of body '" + body_id + "'");
  PlanWithOutcome out;
  out.stored = to_stored(*p);
  // The body's dialogues of that year, by the item they were created from.
  store::DialogueQuery q;
  q.organisation_id = body->organisation_id;
  q.body_id = body_id;
  q.year = year;
  const auto dialogues = store::DialogueRepository(ctx.db).list(q, 10'000);
  store::FeedbackRepository feedback(ctx.db);
  const std::string today = ctx.clock.today().to_string();
  for (const auto& item : out.stored.plan.items) {
    std::vector<domain::DialogueOutcome> made;
    for (const auto& d : dialogues) {
      if (!d.plan_item || d.plan_item->key != item.key || d.plan_item->year != year) continue;
      domain::DialogueOutcome o;
      o.id = d.id;
      o.title = d.plan.title;
      o.state = d.state;
      const auto v = view_of(ctx, d);
      o.ladder_step = domain::classify(domain::ladder_input(d, v.facts.checkpoints > 0)).level;
      auto coverage = feedback_coverage(ctx, d.id);
      if (coverage && coverage->contributions > 0)
        o.feedback_coverage =
            static_cast<double>(coverage->traced) / static_cast<double>(coverage->contributions);
      for (const auto& m : feedback.moments(d.id))
        o.overdue_feedback += feedback.counts(d.id, m.moment, today).overdue;
      made.push_back(std::move(o));
    }
    out.items.push_back(domain::outcome_of(made));
  }
  out.totals = domain::totals_of(out.items);
  return out;
}

}  // namespace dialogd::app
