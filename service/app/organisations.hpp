#pragma once
// Organisations (tenants): made and changed by the service's operator.
#include <functional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "domain/organisation.hpp"

namespace dialogd::app {

struct OrganisationInput {
  domain::Organisation organisation;
  codec::FieldErrors read_errors;
};

Result<domain::Organisation> create_organisation(Context& ctx, OrganisationInput in);
Result<domain::Organisation> find_organisation(Context& ctx, const std::string& id);
std::vector<domain::Organisation> list_organisations(Context& ctx, const Page& page);
using OrganisationEdit = std::function<OrganisationInput(const domain::Organisation& current)>;
Result<domain::Organisation> edit_organisation(Context& ctx, const std::string& id,
                                               const Precondition& pre,
                                               const OrganisationEdit& edit);

}  // namespace dialogd::app
