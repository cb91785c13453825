// What became of a contribution: for editors by id, for anyone holding the receipt by its code.
#include "http/analysis_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/contribution_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {

Response contribution_trace(RequestContext& ctx) {
  auto c = store::ContributionRepository(ctx.store()).find(std::string(ctx.param("id")));
  if (!c) throw not_found("contribution '" + std::string(ctx.param("id")) + "'");
  return json_response(ctx, bhttp::status::ok, trace_json(ctx.store(), *c));
}

Response receipt(RequestContext& ctx) {
  // The same answer for a malformed and an unknown code, so that probing tells nothing.
  const std::string code = support::normalize_receipt(ctx.param("code"));
  std::optional<store::ContributionRecord> c;
  if (!code.empty()) c = store::ContributionRepository(ctx.store()).find_by_receipt(code);
  if (!c)
    throw Problem(404, "not-found", "Not found",
                  "no contribution has this receipt; check the code and try again");
  return json_response(ctx, bhttp::status::ok, trace_json(ctx.store(), *c));
}

}  // namespace dialogd::http::handlers
