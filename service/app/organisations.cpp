#include "app/organisations.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "app/audit.hpp"
#include "codec/body_json.hpp"
#include "store/organisation_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::app {
namespace json = boost::json;

namespace {

domain::Organisation to_organisation(const store::DocumentRecord& r) {
  domain::Organisation o;
  codec::FieldErrors ignored;
  codec::read_organisation(json::parse(r.document).as_object(), o, ignored);
  o.id = r.id;
  o.version = r.version;
  o.created_at = r.created_at;
  o.updated_at = r.updated_at;
  return o;
}

store::DocumentRecord to_record(const domain::Organisation& o) {
  return {o.id,      o.id,         o.name,      json::serialize(codec::organisation_document(o)),
          o.version, o.created_at, o.updated_at};
}

}  // namespace

Result<domain::Organisation> create_organisation(Context& ctx, OrganisationInput in) {
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  domain::Organisation o = std::move(in.organisation);
  o.id = support::new_id();
  o.version = 1;
  o.created_at = o.updated_at = ctx.clock.now_rfc3339();
  store::OrganisationRepository(ctx.db).insert(to_record(o));
  audit(ctx, "organisation.create", o.id, o.name, o.id);
  return o;
}

Result<domain::Organisation> find_organisation(Context& ctx, const std::string& id) {
  auto r = store::OrganisationRepository(ctx.db).find(id);
  if (!r) return not_found("organisation '" + id + "'");
  return to_organisation(*r);
}

std::vector<domain::Organisation> list_organisations(Context& ctx, const Page& page) {
  std::vector<domain::Organisation> out;
  for (const auto& r : store::OrganisationRepository(ctx.db).list(page.after, page.fetch()))
    out.push_back(to_organisation(r));
  return out;
}

Result<domain::Organisation> edit_organisation(Context& ctx, const std::string& id,
                                               const Precondition& pre,
                                               const OrganisationEdit& edit) {
  auto found = find_organisation(ctx, id);
  if (!found) return found.failure();
  const domain::Organisation& current = found.value();
  if (auto f = check(pre, current.version)) return *f;
  OrganisationInput in = edit(current);
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  domain::Organisation o = std::move(in.organisation);
  o.id = current.id;
  o.created_at = current.created_at;
  if (json::serialize(codec::organisation_document(o)) ==
      json::serialize(codec::organisation_document(current)))
    return current;
  o.version = current.version + 1;
  o.updated_at = ctx.clock.now_rfc3339();
  if (!store::OrganisationRepository(ctx.db).update(to_record(o), current.version))
    return lost_update();
  audit(ctx, "organisation.update", o.id, "version " + std::to_string(o.version), o.id);
  return o;
}

}  // namespace dialogd::app
