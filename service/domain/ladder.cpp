#include "domain/ladder.hpp"

#include <algorithm>

namespace dialogd::domain {
namespace {

// A design with every attribute settled: what the rules read.
struct Resolved {
  bool influenceable = true;
  Direction direction = Direction::one_way;
  InputFormat input_format = InputFormat::none;
  bool deliberation = false;
  Duration duration = Duration::single_occasion;
  DecisionPower decision_power = DecisionPower::none;
  std::string delegation_reference;
};

// LADDER.md, "From methods to attributes".
Resolved method_defaults(std::string_view m) {
  Resolved r;
  if (m == "survey") {
    r.direction = Direction::input_only;
    r.input_format = InputFormat::fixed_alternatives;
  } else if (m == "e_panel") {
    r.direction = Direction::input_only;
    r.input_format = InputFormat::fixed_alternatives;
    r.duration = Duration::over_time;
  } else if (m == "open_meeting" || m == "dialogue_cafe" || m == "association_visit" ||
             m == "workplace_visit" || m == "public_place" || m == "focus_group") {
    r.direction = Direction::two_way;
    r.input_format = InputFormat::open_comments;
    r.deliberation = true;
    r.decision_power = DecisionPower::advisory;
  } else if (m == "citizen_council") {
    r.direction = Direction::two_way;
    r.input_format = InputFormat::open_comments;
    r.deliberation = true;
    r.duration = Duration::over_time;
    r.decision_power = DecisionPower::advisory;
  } else if (m == "co_creation_workshop" || m == "citizens_assembly") {
    r.direction = Direction::two_way;
    r.input_format = InputFormat::co_production;
    r.deliberation = true;
    r.duration = Duration::over_time;
    r.decision_power = DecisionPower::advisory;
  } else if (m == "participatory_budgeting") {
    r.direction = Direction::two_way;
    r.input_format = InputFormat::fixed_alternatives;
    r.deliberation = true;
    r.duration = Duration::few_occasions;
    r.decision_power = DecisionPower::delegated_binding;
  }
  return r;  // information_meeting, exhibition, web_information: the one-way defaults
}

// Explicit attributes in the plan win over what a method implies.
Resolved overlay(Resolved base, const Design& d) {
  if (d.influenceable) base.influenceable = *d.influenceable;
  if (d.direction) base.direction = *d.direction;
  if (d.input_format) base.input_format = *d.input_format;
  if (d.deliberation) base.deliberation = *d.deliberation;
  if (d.duration) base.duration = *d.duration;
  if (d.decision_power) base.decision_power = *d.decision_power;
  if (d.delegation_reference) base.delegation_reference = *d.delegation_reference;
  return base;
}

struct RuleResult {
  int level;
  const char* rule;
  const char* warning;  // a rule's own warning code, or nullptr
};

// LADDER.md, "Rules: first match wins".
RuleResult apply_rules(const Resolved& r) {
  if (!r.influenceable) return {1, "R0", "not_influenceable"};
  if (r.decision_power == DecisionPower::delegated_binding) {
    if (!r.delegation_reference.empty()) return {5, "R1", nullptr};
    return {4, "R1b", "delegation_unrecorded"};
  }
  const bool full_partnership = r.direction == Direction::two_way && r.deliberation &&
                                r.duration == Duration::over_time &&
                                r.input_format == InputFormat::co_production;
  if (r.decision_power == DecisionPower::shared || full_partnership) return {4, "R2", nullptr};
  if (r.direction == Direction::two_way && r.deliberation) return {3, "R3", nullptr};
  if ((r.direction == Direction::input_only || r.direction == Direction::two_way) &&
      r.input_format != InputFormat::none)
    return {2, "R4", nullptr};
  return {1, "R5", nullptr};
}

}  // namespace

bool is_method(std::string_view key) {
  return std::find(method_keys.begin(), method_keys.end(), key) != method_keys.end();
}

const Step& step(int level) {
  return ladder_steps().at(static_cast<std::size_t>(std::clamp(level, 1, 5) - 1));
}

std::string rule_reason(std::string_view rule, std::string_view source, Language lang);
std::string warning_message(std::string_view code, const Classification& c,
                            std::optional<int> declared, Language lang);

Classification classify(const ClassifyInput& in, Language lang) {
  Classification out;
  std::vector<std::string> rule_warnings;
  auto note_rule_warning = [&](const char* code) {
    if (code && std::find(rule_warnings.begin(), rule_warnings.end(), code) == rule_warnings.end())
      rule_warnings.emplace_back(code);
  };

  if (in.methods.empty()) {
    const RuleResult r = apply_rules(overlay(Resolved{}, in.design));
    out.level = r.level;
    out.rule = r.rule;
    out.reasons.push_back(rule_reason(r.rule, "", lang));
    note_rule_warning(r.warning);
  } else {
    // The dialogue reaches as high as its most participatory method; the first listed wins a tie.
    int best = 0;
    for (const std::string& m : in.methods) {
      const RuleResult r = apply_rules(overlay(method_defaults(m), in.design));
      out.methods.push_back({m, r.level});
      out.reasons.push_back(rule_reason(r.rule, m, lang));
      note_rule_warning(r.warning);
      if (r.level > best) {
        best = r.level;
        out.rule = r.rule;
      }
    }
    out.level = best;
  }

  const bool commitment =
      in.feedback_commitment.value_or(in.design.feedback_commitment.value_or(false));
  std::vector<std::string> codes = rule_warnings;
  if (out.level >= 2 && !commitment) codes.emplace_back("feedback_commitment_missing");
  if (in.declared_level && *in.declared_level > out.level)
    codes.emplace_back("declared_above_design");
  if (in.declared_level && *in.declared_level < out.level)
    codes.emplace_back("declared_below_design");
  if (in.representation_applies && out.level >= 3 && !in.has_checkpoint)
    codes.emplace_back("representation_check_missing");
  for (const std::string& code : codes)
    out.warnings.push_back({code, warning_message(code, out, in.declared_level, lang)});
  return out;
}

}  // namespace dialogd::domain
