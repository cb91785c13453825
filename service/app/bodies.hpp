#pragma once
// Political bodies of an organisation, their principles for citizen dialogue, and their yearly
// implementation plans answered beside what became of each planned dialogue.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "domain/body.hpp"

namespace dialogd::app {

struct BodyInput {
  domain::Body body;  // name, name_en, kind, principles
  codec::FieldErrors read_errors;
};

Result<domain::Body> create_body(Context& ctx, BodyInput in);
Result<domain::Body> find_body(Context& ctx, const std::string& id);
std::vector<domain::Body> list_bodies(Context& ctx, const Page& page);
using BodyEdit = std::function<BodyInput(const domain::Body& current)>;
Result<domain::Body> edit_body(Context& ctx, const std::string& id, const Precondition& pre,
                               const BodyEdit& edit);

struct StoredPlan {
  std::string body_id;
  domain::ImplementationPlan plan;
  long long version = 1;
  std::string created_at, updated_at;
  bool created = false;
};

struct PlanInput {
  domain::ImplementationPlan plan;
  codec::FieldErrors read_errors;
};
// year: 2000..2100. Creates the year's plan or replaces it.
Result<StoredPlan> write_plan(Context& ctx, const std::string& body_id, int year,
                              const Precondition& pre, PlanInput in);

struct PlanWithOutcome {
  StoredPlan stored;
  std::vector<domain::ItemOutcome> items;  // in the plan's item order
  domain::PlanTotals totals;
};
Result<PlanWithOutcome> plan_with_outcome(Context& ctx, const std::string& body_id, int year);
Result<std::vector<StoredPlan>> list_plans(Context& ctx, const std::string& body_id);

// The body that holds a dialogue, read for the dialogue's own organisation.
std::optional<domain::Body> body_of(Context& ctx, const domain::Dialogue& d);

bool plan_has_item(Context& ctx, const std::string& body_id, const domain::PlanItemRef& item);

}  // namespace dialogd::app
