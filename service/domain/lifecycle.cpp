#include "domain/lifecycle.hpp"

namespace dialogd::domain {
namespace {

struct Edge {
  State from, to;
};

// DOMAIN.md's table read top to bottom, plus the one step back (a checkpoint found a group
// missing).
constexpr Edge forward_edges[] = {
    {State::draft, State::planned},         {State::planned, State::preparing},
    {State::preparing, State::in_dialogue}, {State::in_dialogue, State::analysing},
    {State::analysing, State::in_dialogue}, {State::analysing, State::reported},
    {State::reported, State::answered},     {State::answered, State::decided},
    {State::decided, State::followed_up},   {State::followed_up, State::closed},
};

// A dialogue can be stopped at any point before its report reaches the council.
bool cancellable(State s) {
  return s == State::draft || s == State::planned || s == State::preparing ||
         s == State::in_dialogue || s == State::analysing;
}

}  // namespace

bool is_edge(State from, State to) {
  if (to == State::cancelled) return cancellable(from);
  for (const Edge& e : forward_edges)
    if (e.from == from && e.to == to) return true;
  return false;
}

std::vector<State> next_states(State from) {
  std::vector<State> out;
  for (State s : all_states)
    if (is_edge(from, s)) out.push_back(s);
  return out;
}

}  // namespace dialogd::domain
