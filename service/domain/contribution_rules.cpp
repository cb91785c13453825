#include "domain/contribution_rules.hpp"

#include <algorithm>
#include <cctype>

namespace dialogd::domain {

bool accepts_contributions(State s) {
  return s == State::in_dialogue;
}

bool accepts_activities(State s) {
  return s == State::in_dialogue;
}

bool accepts_checkpoints(State s) {
  return s == State::in_dialogue || s == State::analysing;
}

bool plausible_email(std::string_view e) {
  if (e.size() < 6 || e.size() > 254 ||
      e.find_first_of(" \t\r\n<>(),;:\"[]\\") != std::string_view::npos)
    return false;
  const auto at = e.find('@');
  if (at == 0 || at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos)
    return false;
  const std::string_view domain = e.substr(at + 1);
  const auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && domain.size() - dot - 1 >= 2 &&
         domain.find("..") == std::string_view::npos;
}

bool language_tag(std::string_view t) {
  if (t.size() < 2 || t.size() > 35) return false;
  std::size_t letters = 0;
  for (char c : t) {
    if (c == '-') break;
    if (c < 'a' || c > 'z') return false;
    ++letters;
  }
  return letters >= 2 && letters <= 3 && std::all_of(t.begin(), t.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
         });
}

bool consent_given(std::optional<bool> consent) {
  return consent == true;
}

}  // namespace dialogd::domain
