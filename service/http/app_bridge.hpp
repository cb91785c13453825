#pragma once
// Where HTTP meets the use cases: the request's actor and transaction as an app::Context, If-Match
// as a Precondition, paging, and a use case's Failure as problem+json.
#include "app/context.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "http/request_context.hpp"

namespace dialogd::http {

app::Context app_context(const RequestContext& ctx);
// If-Match as the use cases take it; `required` makes a missing one a 428.
app::Precondition precondition(const RequestContext& ctx, bool required);
inline app::Page app_page(const PageRequest& p) {
  return {p.limit, p.after};
}

Problem to_problem(const app::Failure& f);

// The use case's value, or its failure thrown as a Problem (the dispatcher answers it).
template <typename T>
T unwrap(app::Result<T>&& r) {
  if (!r) throw to_problem(r.failure());
  return std::move(r).value();
}

}  // namespace dialogd::http
