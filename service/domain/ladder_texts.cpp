// The words of the ladder, in Swedish and English: step names, promises, reasons and warnings.
#include <string>

#include "domain/ladder.hpp"

namespace dialogd::domain {

const std::array<Step, 5>& ladder_steps() {
  static const std::array<Step, 5> steps{{
      {1,
       "information",
       {"Information", "Information"},
       "Inform",
       "3 Informing",
       "Information",
       {"Vi håller dig informerad.", "We will keep you informed."}},
      {2,
       "consultation",
       {"Konsultation", "Consultation"},
       "Consult",
       "4 Consultation",
       "Consultation",
       {"Vi håller dig informerad, lyssnar på och tar till oss dina synpunkter och förhoppningar, "
        "och återkopplar hur allmänhetens synpunkter påverkade beslutet.",
        "We will keep you informed, listen to and acknowledge concerns and aspirations, and "
        "provide feedback on how public input influenced the decision."}},
      {3,
       "dialogue",
       {"Dialog", "Dialogue"},
       "Involve",
       "4-5 Consultation/Placation",
       "Dialogue",
       {"Vi arbetar med dig för att dina synpunkter och förhoppningar direkt ska återspeglas i de "
        "alternativ som tas fram, och återkopplar hur allmänhetens synpunkter påverkade beslutet.",
        "We will work with you to ensure that your concerns and aspirations are directly "
        "reflected in the alternatives developed and provide feedback on how public input "
        "influenced the decision."}},
      {4,
       "influence",
       {"Inflytande", "Influence"},
       "Collaborate",
       "6 Partnership (5 Placation when power is not shared)",
       "Active involvement",
       {"Vi vänder oss till dig för råd och nya idéer när lösningar formuleras, och tar in dina "
        "råd och rekommendationer i besluten så långt det är möjligt.",
        "We will look to you for advice and innovation in formulating solutions and incorporate "
        "your advice and recommendations into the decisions to the maximum extent possible."}},
      {5,
       "co_decision",
       {"Medbestämmande", "Co-decision"},
       "Empower",
       "7 Delegated power (8 Citizen control when citizens also run it)",
       "Partnership",
       {"Vi genomför det du beslutar.", "We will implement what you decide."}},
  }};
  return steps;
}

namespace {

Bilingual rule_text(std::string_view rule) {
  if (rule == "R0")
    return {
        "frågan eller beslutsfattarna går inte längre att påverka: det är inte en medborgardialog",
        "the question or the decision-makers can no longer be influenced: this is not a citizen "
        "dialogue"};
  if (rule == "R1")
    return {"makten att besluta är delegerad till medborgarna genom ett registrerat beslut",
            "the power to decide is delegated to citizens by a recorded decision"};
  if (rule == "R1b")
    return {"bindande delegerad makt utlovas men inget delegationsbeslut är angivet",
            "binding delegated power is promised but no delegation decision is recorded"};
  if (rule == "R2")
    return {
        "makten delas, eller medborgarna utformar förslag tillsammans med förtroendevalda över tid",
        "power is shared, or citizens co-produce proposals with elected members over time"};
  if (rule == "R3")
    return {"ett samtal åt båda håll där deltagarna väger argument mot varandra",
            "a two-way exchange in which participants weigh arguments with each other"};
  if (rule == "R4")
    return {"medborgarna lämnar synpunkter eller väljer bland alternativ",
            "citizens give input or choose between alternatives"};
  return {"information går bara från organisationen till medborgarna",
          "information flows only from the organisation to citizens"};
}

std::string pick(Bilingual b, Language lang) {
  return std::string(lang == Language::sv ? b.sv : b.en);
}

}  // namespace

std::string rule_reason(std::string_view rule, std::string_view source, Language lang) {
  std::string text(rule);
  if (!source.empty()) text += " (" + std::string(source) + ")";
  return text + ": " + pick(rule_text(rule), lang);
}

std::string warning_message(std::string_view code, const Classification& c,
                            std::optional<int> declared, Language lang) {
  const Step& derived = step(c.level);
  const std::string derived_name = pick(derived.name, lang);
  const std::string declared_name = declared ? pick(step(*declared).name, lang) : "";
  const bool sv = lang == Language::sv;
  if (code == "not_influenceable")
    return sv ? "Frågan går inte att påverka; kalla det inte en medborgardialog."
              : "The question cannot be influenced; do not call this a citizen dialogue.";
  if (code == "delegation_unrecorded")
    return sv ? "Bindande beslutsmakt kräver ett registrerat delegationsbeslut "
                "(delegation_reference)."
              : "Binding decision power needs a recorded delegation decision "
                "(delegation_reference).";
  if (code == "feedback_commitment_missing")
    return sv ? "Ingen plan för återkoppling: deltagarna får inte veta hur deras synpunkter "
                "användes."
              : "No feedback commitment: participants will not hear how their input was used.";
  if (code == "declared_above_design")
    return sv ? "Planen utlovar " + declared_name + " men utformningen ger " + derived_name + "."
              : "The plan promises " + declared_name + " but the design gives " + derived_name +
                    ".";
  if (code == "declared_below_design")
    return sv ? "Planen anger " + declared_name + " men utformningen ger " + derived_name + "."
              : "The plan declares " + declared_name + " but the design gives " + derived_name +
                    ".";
  if (code == "representation_check_missing")
    return sv ? "Ingen avstämning av representation har hållits ännu."
              : "No representation checkpoint has been held yet.";
  return std::string(code);
}

}  // namespace dialogd::domain
