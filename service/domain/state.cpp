#include "domain/state.hpp"

namespace dialogd::domain {

std::string_view to_string(State s) {
  switch (s) {
    case State::draft:
      return "draft";
    case State::planned:
      return "planned";
    case State::preparing:
      return "preparing";
    case State::in_dialogue:
      return "in_dialogue";
    case State::analysing:
      return "analysing";
    case State::reported:
      return "reported";
    case State::answered:
      return "answered";
    case State::decided:
      return "decided";
    case State::followed_up:
      return "followed_up";
    case State::closed:
      return "closed";
    case State::cancelled:
      return "cancelled";
  }
  return "draft";
}

std::optional<State> parse_state(std::string_view text) {
  for (State s : all_states)
    if (to_string(s) == text) return s;
  return std::nullopt;
}

bool plan_editable(State s) {
  return s == State::draft || s == State::planned || s == State::preparing;
}

}  // namespace dialogd::domain
