#pragma once
// The states of a dialogue's lifecycle (DOMAIN.md, "The lifecycle of one dialogue").
#include <array>
#include <optional>
#include <string_view>

namespace dialogd::domain {

enum class State {
  draft,
  planned,
  preparing,
  in_dialogue,
  analysing,
  reported,
  answered,
  decided,
  followed_up,
  closed,
  cancelled,
};

inline constexpr std::array<State, 11> all_states{
    State::draft,       State::planned,  State::preparing, State::in_dialogue,
    State::analysing,   State::reported, State::answered,  State::decided,
    State::followed_up, State::closed,   State::cancelled};

std::string_view to_string(State s);
std::optional<State> parse_state(std::string_view text);

// The plan may be edited while the dialogue is still being prepared; later it is locked.
bool plan_editable(State s);

}  // namespace dialogd::domain
