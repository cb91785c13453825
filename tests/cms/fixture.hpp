#pragma once
// Sample data for the CMS adapter's tests and for cms_render_sample: internal records as the store
// holds them, with private strings PLANTED in every private field (contribution texts, contact
// addresses, internal documentation, actor names, editor notes), then mapped to the public structs
// with the adapter's own to_public(). Every rendered byte is swept for the planted strings.
#include <string>
#include <vector>

#include "cms/mapping.hpp"
#include "cms/public_data.hpp"

namespace cms_fixture {

using namespace dialogd::cms;

inline const std::string base_url = "https://dialog.example.se";

// Strings that must never appear in any output.
inline const std::vector<std::string> planted{
    "anna.planted@example.org", "Anna Planted",
    "erik.secret@example.net",  "SECRET-CONTRIBUTION-TEXT",
    "INTERNAL-REFLECTION-7F3A", "EDITOR-NOTE-91C2",
    "actor-key-kommunikatör",   "STATUS-NOTE-PRIVATE",
    "RCPT-PLNT-0001",           "ledamot-privat-namn",
};

struct Sample {
  PublicOrganisation org;
  std::vector<PublicDialogue> dialogues;
  std::vector<PublicTransition> transitions;
  std::vector<PublicStageDocument> documents;
  std::vector<PublicFeedbackEntry> feedback;
  std::vector<PublicActivity> activities;
  std::vector<PublicNeed> needs;
  std::vector<PublicMeasure> measures;
  std::vector<ContributionCount> counts;
};

inline Sample make_sample() {
  Sample s;
  s.org = {"org-norrbotten", "Region Norrbotten", "Norrbotten Region",
           "https://www.norrbotten.example"};

  InternalDialogue d1;
  d1.id = "dlg-vard";
  d1.organisation_id = s.org.id;
  d1.title = "Framtidens hälso- & sjukvård i \"Norrbotten\" <2028>";
  d1.state = "decided";
  d1.declared_level = 3;
  d1.created_at = "2027-01-10T09:12:44.120Z";
  d1.updated_at = "2027-11-23T10:00:00.000Z";
  d1.last_transition_at = "2027-11-23T10:00:00.000Z";
  d1.body = "Beredningen för hållbar utveckling";
  d1.case_number = "383-2018";
  d1.purpose =
      "Att fånga medborgarnas behov inför regionplanen, även i inlandet, kusten & fjällen.";
  d1.question_areas = {"Tillgänglighet till vård", "Kollektivtrafik, till vårdcentralen"};
  d1.target_groups = {{"unga", "Unga 16-25 år", 0.12},
                      {"aldre", "Äldre 65+", 0.24},
                      {"alla", "Alla övriga", std::nullopt}};
  d1.editor_notes = "EDITOR-NOTE-91C2: ring Anna Planted innan rapporten";

  InternalDialogue d2;
  d2.id = "dlg-kultur";
  d2.organisation_id = s.org.id;
  d2.title = "Kulturplan 2028";
  d2.state = "in_dialogue";
  d2.declared_level = 2;
  d2.created_at = "2027-03-01T08:00:00Z";
  d2.updated_at = "2027-04-02T12:30:00+02:00";
  d2.last_transition_at = "2027-04-02T12:30:00+02:00";
  d2.purpose = "Vad ska regionen satsa på inom kulturen?\nFlera rader, med \"citat\".";
  // Hostile text: a forbidden control character, a malformed byte, a CDATA end, an entity.
  d2.question_areas = {"Bibliotek", std::string("Musik\x01 \xFF ]]> &#x0; <b>fet</b>")};
  d2.editor_notes = "EDITOR-NOTE-91C2 again";
  s.dialogues = {to_public(d1, base_url), to_public(d2, base_url)};

  const std::vector<InternalTransition> ts{
      {"dlg-vard", 1, "draft", "planned", "2027-01-20T14:03:10.500Z", std::nullopt,
       "actor-key-kommunikatör"},
      {"dlg-vard", 2, "planned", "preparing", "2027-02-01T08:00:00Z", std::nullopt,
       "actor-key-kommunikatör"},
      {"dlg-vard", 3, "preparing", "in_dialogue", "2027-03-01T08:00:00Z",
       "Dialogerna börjar i Kiruna & Luleå.", "actor-key-kommunikatör"},
      {"dlg-vard", 4, "in_dialogue", "analysing", "2027-06-01T08:00:00Z", std::nullopt, "x"},
      {"dlg-vard", 5, "analysing", "reported", "2027-09-15T08:00:00Z", std::nullopt, "x"},
      {"dlg-vard", 6, "reported", "answered", "2027-10-20T08:00:00Z", std::nullopt, "x"},
      {"dlg-vard", 7, "answered", "decided", "2027-11-23T10:00:00Z", std::nullopt, "x"},
  };
  for (const auto& t : ts) s.transitions.push_back(to_public(t));

  s.documents = {
      {"dlg-vard", StageKind::report, "2027-09-20T09:00:00Z", "Rapport: vården i hela länet",
       "Rapporten beskriver fem behov, bland annat <kortare> väntetider & resor.",
       "https://www.norrbotten.example/rapport.pdf"},
      {"dlg-vard", StageKind::answer, "2027-10-20T08:00:00Z", std::nullopt,
       "Styrelsen föreslår tre åtgärder.", std::nullopt},
      {"dlg-vard", StageKind::decision, "2027-11-23T10:00:00Z", "RF 2027-11-22 § 143",
       "Fullmäktige antog två av tre åtgärder.", std::nullopt},
  };

  s.feedback = {
      {"fb-1", "dlg-vard", "report", "2027-09-15", "2027-09-16T07:00:00Z",
       "Rapporten är klar. Så här användes era synpunkter.",
       "The report is ready. This is how your input was used."},
      {"fb-2", "dlg-vard", "decision", "2027-11-22", "2027-11-24T07:00:00Z",
       "Fullmäktige har beslutat om åtgärderna.", std::nullopt},
  };

  InternalActivity a1;
  a1.id = "act-1";
  a1.dialogue_id = "dlg-vard";
  a1.method = "dialogue_cafe";
  a1.held_on = "2027-03-14";
  a1.place = "Folkets hus, Luleå";
  a1.municipality = "Luleå";
  a1.participants_total = 34;
  a1.documentation_public = "Vi pratade om resor till vården.\r\nMånga nämnde \"buss 21\".";
  a1.documentation_internal = "INTERNAL-REFLECTION-7F3A: för få unga kom";
  a1.members_present = {"ledamot-privat-namn"};
  a1.updated_at = "2027-03-15T10:00:00Z";
  InternalActivity a2;
  a2.id = "act-2";
  a2.dialogue_id = "dlg-vard";
  a2.method = "survey";
  a2.held_on = "2027-04-01";
  a2.updated_at = "2027-04-02T10:00:00Z";
  a2.documentation_internal = "INTERNAL-REFLECTION-7F3A";
  s.activities = {to_public(a1), to_public(a2)};

  const std::vector<InternalContribution> contributions{
      {"c-1",
       "dlg-vard",
       "activity",
       {"resor", "väntetid"},
       {"unga"},
       "SECRET-CONTRIBUTION-TEXT one",
       "RCPT-PLNT-0001",
       "anna.planted@example.org",
       "Anna Planted"},
      {"c-2",
       "dlg-vard",
       "web",
       {"resor"},
       {"aldre", "aldre"},
       "SECRET-CONTRIBUTION-TEXT two",
       "RCPT-PLNT-0002",
       "erik.secret@example.net",
       std::nullopt},
      {"c-3",
       "dlg-vard",
       "web",
       {},
       {},
       "SECRET-CONTRIBUTION-TEXT three",
       "RCPT-PLNT-0003",
       std::nullopt,
       std::nullopt},
      {"c-4",
       "dlg-kultur",
       "email",
       {"bibliotek, läsning"},
       {},
       "SECRET-CONTRIBUTION-TEXT four",
       "RCPT-PLNT-0004",
       "anna.planted@example.org",
       "Anna Planted"},
  };
  s.counts = count_contributions(contributions);

  InternalNeed n1{"need-1",
                  "dlg-vard",
                  "Kortare resor till vården",
                  "2027-06-10T08:00:00Z",
                  "2027-06-12T08:00:00Z",
                  "Behovet gäller främst inlandet.",
                  {"c-1", "c-2"}};
  s.needs = {to_public(n1)};

  InternalMeasure m1{"m-1",        "dlg-vard",
                     "need-1",     "Fler avgångar, buss 21",
                     "adopted",    "2027-11-23T10:00:00Z",
                     "2027-11-22", "in_progress",
                     40,           {"STATUS-NOTE-PRIVATE"}};
  InternalMeasure m2{"m-2",        "dlg-vard",
                     "need-1",     "Mobil vårdcentral",
                     "rejected",   "2027-11-23T10:00:00Z",
                     "2027-11-22", std::nullopt,
                     std::nullopt, {}};
  s.measures = {to_public(m1), to_public(m2)};
  return s;
}

}  // namespace cms_fixture
