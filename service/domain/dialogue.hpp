#pragma once
#include <cstdint>
#include <string>

#include "domain/plan.hpp"
#include "domain/state.hpp"

namespace dialogd::domain {

struct Dialogue {
  std::string id;
  State state = State::draft;
  std::int64_t version = 1;
  std::string created_at;  // RFC 3339 UTC
  std::string updated_at;
  Plan plan;
};

// The dialogue's place on the ladder, as shown on the dialogue itself.
ClassifyInput ladder_input(const Dialogue& d, bool has_checkpoint);

}  // namespace dialogd::domain
