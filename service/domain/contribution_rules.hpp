#pragma once
// What a contribution must be for the dialogue to receive it: the state that receives it, the
// channels, the language, and the consent without which no contact details are kept.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "domain/state.hpp"

namespace dialogd::domain {

inline constexpr std::array<std::string_view, 7> contribution_channels{
    "activity", "web", "email", "letter", "phone", "social", "decidim"};

// Contributions are received only while the dialogue is in_dialogue.
bool accepts_contributions(State s);
// Activities are added while in_dialogue; their documentation may still be written while analysing.
bool accepts_activities(State s);
// Checkpoints are held while in_dialogue or analysing.
bool accepts_checkpoints(State s);

// A plain check of an address's shape: something@domain.tld, no spaces, sane length.
// Deliverability is the mail server's business.
bool plausible_email(std::string_view e);
// A BCP 47-like tag: a 2-3 letter lowercase language, optionally followed by subtags (sv, en-GB).
bool language_tag(std::string_view t);
// Contact details are kept only with explicit consent (GDPR art. 6.1 a): consent must be true.
bool consent_given(std::optional<bool> consent);

inline constexpr std::string_view consent_message =
    "contact details are kept only with consent: send \"consent\": true";

}  // namespace dialogd::domain
