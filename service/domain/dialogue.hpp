#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/plan.hpp"
#include "domain/state.hpp"

namespace dialogd::domain {

// The item of a body's yearly implementation plan a dialogue was created from.
struct PlanItemRef {
  int year = 0;
  std::string key;
  bool operator==(const PlanItemRef&) const = default;
};

inline constexpr std::string_view default_organisation = "default";

struct Dialogue {
  std::string id;
  std::string organisation_id{default_organisation};
  std::optional<std::string> body_id;  // the political body that holds it
  std::optional<PlanItemRef> plan_item;
  State state = State::draft;
  std::int64_t version = 1;
  std::string created_at;  // RFC 3339 UTC
  std::string updated_at;
  Plan plan;
};

// The dialogue's place on the ladder, as shown on the dialogue itself.
ClassifyInput ladder_input(const Dialogue& d, bool has_checkpoint);

}  // namespace dialogd::domain
