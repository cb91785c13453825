#include "domain/feedback.hpp"

namespace dialogd::domain {

std::string_view to_string(Moment m) {
  switch (m) {
    case Moment::report:
      return "report";
    case Moment::decision:
      return "decision";
    case Moment::follow_up:
      return "follow_up";
    case Moment::cancellation:
      return "cancellation";
  }
  return "report";
}

std::optional<Moment> moment_of(State reached) {
  switch (reached) {
    case State::reported:
      return Moment::report;
    case State::decided:
      return Moment::decision;
    case State::followed_up:
      return Moment::follow_up;
    case State::cancelled:
      return Moment::cancellation;
    default:
      return std::nullopt;
  }
}

Date due_on(Moment m, Date happened_on, int days_after_report, int days_after_decision) {
  switch (m) {
    case Moment::report:
    case Moment::cancellation:
      return happened_on.add_days(days_after_report);
    case Moment::decision:
    case Moment::follow_up:
      return happened_on.add_days(days_after_decision);
  }
  return happened_on;
}

Language feedback_language(std::string_view l) {
  return l.substr(0, 2) == "en" ? Language::en : Language::sv;
}

bool is_traced(const ContributionOutcome& o) {
  if (o.disposition && o.disposition != "need" && o.reason) return true;
  for (const auto& n : o.needs)
    if (n.answered) return true;
  return false;
}

std::string describe_outcome(const ContributionOutcome& o, Language lang) {
  const bool sv = lang == Language::sv;
  if (o.needs.empty()) {
    if (!o.disposition)
      return sv ? "Ditt bidrag är ännu inte behandlat."
                : "Your contribution has not been processed yet.";
    const std::string reason = o.reason.value_or("");
    return (sv ? "Ditt bidrag har beaktats men inte förts vidare: "
               : "Your contribution was considered but not taken further: ") +
           reason;
  }
  std::string out;
  for (const auto& n : o.needs) {
    if (!out.empty()) out += " ";
    out += (sv ? "Det bidrog till behovet \"" : "It fed the need \"") + n.title + "\"";
    out += n.in_report ? (sv ? ", som finns med i rapporten." : ", which is in the report.") : ".";
    for (const auto& m : n.measures) {
      out += " " + std::string(sv ? "Åtgärd: " : "Measure: ") + m.title + " (";
      if (m.decision == "adopted")
        out += sv ? "beslutad" : "adopted";
      else if (m.decision == "rejected")
        out += (sv ? "avslagen: " : "rejected: ") + m.rejection_reason.value_or("");
      else
        out += sv ? "föreslagen" : "proposed";
      if (m.status) out += ", " + std::string(sv ? "status " : "status ") + *m.status;
      if (m.progress) out += " " + std::to_string(*m.progress) + " %";
      out += ").";
    }
    if (n.measures.empty() && n.no_measure_reason)
      out += " " + std::string(sv ? "Ingen åtgärd: " : "No measure: ") + *n.no_measure_reason;
  }
  return out;
}

Message compose_message(Moment m, Language lang, std::string_view title,
                        const std::vector<OutcomeLine>& lines, std::string_view receipt_url_base,
                        std::string_view note) {
  const bool sv = lang == Language::sv;
  const std::string t(title);
  Message msg;
  std::string intro;
  switch (m) {
    case Moment::report:
      msg.subject = sv ? "Rapporten från dialogen " + t : "The report from the dialogue " + t;
      intro = sv ? "Rapporten från dialogen har nu lämnats till fullmäktige. Så här användes det "
                   "du skrev:"
                 : "The report from the dialogue has now been presented to the council. This is "
                   "how your input was used:";
      break;
    case Moment::decision:
      msg.subject = sv ? "Fullmäktiges beslut efter dialogen " + t
                       : "The council's decision after the dialogue " + t;
      intro = sv ? "Fullmäktige har fattat beslut om åtgärder. Så här blev det med det du skrev:"
                 : "The council has decided on measures. This is what became of your input:";
      break;
    case Moment::follow_up:
      msg.subject = sv ? "Uppföljning: vad som gjorts efter dialogen " + t
                       : "Follow-up: what has been done after the dialogue " + t;
      intro = sv ? "Ett år efter beslutet har vi följt upp vad som gjorts. Så här har det gått:"
                 : "A year after the decision we have followed up what was done. This is where "
                   "things stand:";
      break;
    case Moment::cancellation:
      msg.subject =
          sv ? "Dialogen " + t + " har avbrutits" : "The dialogue " + t + " has been cancelled";
      intro = sv ? "Dialogen har avbrutits innan rapporten lämnades."
                 : "The dialogue was cancelled before its report.";
      if (!note.empty())
        intro += sv ? " Skäl: " + std::string(note) : " Reason: " + std::string(note);
      break;
  }
  msg.body = (sv ? "Hej!\n\n" : "Hello,\n\n") + intro + "\n";
  for (const auto& line : lines) {
    msg.body += "\n- \"" + line.excerpt + "\"\n  " + line.outcome + "\n  ";
    msg.body += (sv ? "Följ ditt bidrag: " : "Follow your contribution: ") +
                std::string(receipt_url_base) + line.receipt + "\n";
  }
  msg.body += sv ? "\nDu får detta eftersom du bad om återkoppling. Dina kontaktuppgifter används "
                   "bara för detta och raderas när dialogen avslutas.\n"
                 : "\nYou receive this because you asked for feedback. Your contact details are "
                   "used for this only and are erased when the dialogue closes.\n";
  return msg;
}

}  // namespace dialogd::domain
