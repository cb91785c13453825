#pragma once
// Participation-ladder classification (LADDER.md): rules R0..R5, method defaults, warnings.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dialogd::domain {

enum class Direction { one_way, input_only, two_way };
enum class InputFormat { none, fixed_alternatives, open_comments, co_production };
enum class Duration { single_occasion, few_occasions, over_time };
enum class DecisionPower { none, advisory, shared, delegated_binding };

// A design as written in a plan: every attribute may be left out, so that methods can imply it.
struct Design {
  std::optional<bool> influenceable;
  std::optional<Direction> direction;
  std::optional<InputFormat> input_format;
  std::optional<bool> deliberation;
  std::optional<Duration> duration;
  std::optional<DecisionPower> decision_power;
  std::optional<bool> feedback_commitment;
  std::optional<std::string> delegation_reference;
  bool operator==(const Design&) const = default;
};

// The string keys used on the wire, in the order of LADDER.md.
inline constexpr std::array<std::string_view, 3> direction_keys{"one_way", "input_only", "two_way"};
inline constexpr std::array<std::string_view, 4> input_format_keys{
    "none", "fixed_alternatives", "open_comments", "co_production"};
inline constexpr std::array<std::string_view, 3> duration_keys{"single_occasion", "few_occasions",
                                                               "over_time"};
inline constexpr std::array<std::string_view, 4> decision_power_keys{"none", "advisory", "shared",
                                                                     "delegated_binding"};
inline constexpr std::array<std::string_view, 15> method_keys{"information_meeting",
                                                              "exhibition",
                                                              "web_information",
                                                              "survey",
                                                              "e_panel",
                                                              "open_meeting",
                                                              "dialogue_cafe",
                                                              "association_visit",
                                                              "workplace_visit",
                                                              "public_place",
                                                              "focus_group",
                                                              "citizen_council",
                                                              "co_creation_workshop",
                                                              "citizens_assembly",
                                                              "participatory_budgeting"};

bool is_method(std::string_view key);

struct Bilingual {
  std::string_view sv, en;
};

struct Step {
  int level;
  std::string_view key;
  Bilingual name;
  std::string_view iap2, arnstein, council_of_europe;
  Bilingual promise;
};
const std::array<Step, 5>& ladder_steps();
const Step& step(int level);  // level 1..5

struct Warning {
  std::string code;
  std::string message;
};

struct MethodLevel {
  std::string method;
  int level;
};

struct ClassifyInput {
  Design design;
  std::vector<std::string> methods;  // method keys, already validated
  std::optional<int> declared_level;
  std::optional<bool> feedback_commitment;  // overrides design.feedback_commitment when given
  // Only a dialogue knows these; the free classify endpoint leaves them off.
  bool representation_applies = false;  // the dialogue is in_dialogue or later
  bool has_checkpoint = false;
};

struct Classification {
  int level = 1;
  std::string rule;
  std::vector<std::string> reasons;
  std::vector<Warning> warnings;
  std::vector<MethodLevel> methods;
};

enum class Language { sv, en };

Classification classify(const ClassifyInput& input, Language lang = Language::en);

}  // namespace dialogd::domain
