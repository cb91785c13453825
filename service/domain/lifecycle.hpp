#pragma once
// The edges of the lifecycle. Requirements on an edge live in requirements.hpp and the stage files.
#include <vector>

#include "domain/state.hpp"

namespace dialogd::domain {

bool is_edge(State from, State to);
std::vector<State> next_states(State from);

}  // namespace dialogd::domain
