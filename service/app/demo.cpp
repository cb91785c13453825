#include "app/demo.hpp"

#include <stdexcept>
#include <tuple>

#include "app/activities.hpp"
#include "app/bodies.hpp"
#include "app/contributions.hpp"
#include "app/dialogues.hpp"
#include "app/measures.hpp"
#include "app/needs.hpp"
#include "app/organisations.hpp"
#include "app/representation.hpp"
#include "app/stage_documents.hpp"
#include "app/transition_dialogue.hpp"

namespace dialogd::app {

namespace {

template <typename T>
T must(Result<T>&& r, const std::string& step) {
  if (!r) {
    std::string detail = r.failure().detail;
    for (const auto& e : r.failure().errors) detail += "; " + e.field + ": " + e.message;
    throw std::runtime_error("demo data: " + step + " was refused: " + detail);
  }
  return std::move(r).value();
}

domain::Plan health_care_plan(std::string title, std::string question_area) {
  domain::Plan p;
  p.title = std::move(title);
  p.body = "Beredningen för hållbar utveckling, Region Norrbotten";
  p.case_number = "RS 383-2024";
  p.informs_decision = "Regionplan 2026-2029";
  p.question_areas = {std::move(question_area), "Kollektivtrafik till vården"};
  p.purpose =
      "Att fånga medborgarnas behov inför regionplanen, så att fullmäktige kan prioritera "
      "utifrån hur invånarna i hela länet upplever vården.";
  p.target_groups = {{"unga", "Unga 16-25 år", 0.12},
                     {"aldre", "Äldre 65 år och äldre", 0.24},
                     {"inland", "Boende i inlandskommunerna", 0.30}};
  p.methods = {"dialogue_cafe", "association_visit", "workplace_visit", "public_place", "survey"};
  p.declared_level = 3;
  p.feedback_plan = domain::FeedbackPlan{
      {"email", "web"},
      "Alla som lämnar kontaktuppgifter får rapporten, fullmäktiges beslut och uppföljningen "
      "per e-post. Allt publiceras också på norrbotten.se/medborgardialog.",
      30,
      30};
  p.period = domain::Period{domain::Date::parse("2025-02-01"), domain::Date::parse("2025-05-31")};
  return p;
}

// The steps a dialogue goes through, in order; a dialogue of the demo stops at its target state.
class Walk {
 public:
  Walk(Context& ctx, std::string title, std::string question_area, domain::State target,
       const std::string& body_id, std::optional<std::string> plan_item = std::nullopt)
      : ctx_(ctx), target_(target) {
    NewDialogue in{
        health_care_plan(std::move(title), std::move(question_area)), body_id, std::nullopt, {}};
    if (plan_item) in.plan_item = domain::PlanItemRef{2025, *plan_item};
    auto v = must(create_dialogue(ctx_, std::move(in)), "create dialogue");
    out_.id = v.dialogue.id;
    out_.title = v.dialogue.plan.title;
    out_.state = "draft";
  }

  DemoDialogue run() {
    if (!go(domain::State::planned, "Planen är fastställd av beredningens presidium.")) return out_;
    if (!go(domain::State::preparing)) return out_;
    if (!go(domain::State::in_dialogue, "Dialogen öppnar med dialogcaféet i Jokkmokk."))
      return out_;
    hold_dialogue();
    if (!go(domain::State::analysing)) return out_;
    analyse();
    if (!go(domain::State::reported, "Rapporten presenterades för fullmäktige.")) return out_;
    answer();
    if (!go(domain::State::answered)) return out_;
    decide();
    if (!go(domain::State::decided, "Fullmäktige har fattat beslut.")) return out_;
    follow_up();
    go(domain::State::followed_up, "Uppföljningen är klar; återkopplingen är skickad.");
    return out_;
  }

 private:
  bool go(domain::State to, std::string note = {}) {
    if (at_target()) return false;
    must(transition_dialogue(ctx_, Precondition::none(), {out_.id, to, std::move(note)}),
         "transition to " + std::string(domain::to_string(to)));
    out_.state = domain::to_string(to);
    return true;
  }
  bool at_target() const { return out_.state == domain::to_string(target_); }

  std::string activity(std::string method, std::string held_on, std::string place,
                       std::string municipality, long long total,
                       std::vector<std::pair<std::string, long long>> by_group,
                       std::string public_notes, std::string internal_notes) {
    ActivityInput a;
    a.method = std::move(method);
    a.held_on = std::move(held_on);
    a.place = std::move(place);
    a.municipality = std::move(municipality);
    a.members_present = {"Anna Nilsson (S), ordförande", "Per Lindgren (M)"};
    a.participants_total = total;
    a.participants_by_group = std::move(by_group);
    a.documentation_public = std::move(public_notes);
    a.documentation_internal = std::move(internal_notes);
    return must(add_activity(ctx_, out_.id, std::move(a)), "activity").id;
  }

  std::string contribute(std::string text, std::string language, std::vector<std::string> groups,
                         std::optional<std::string> activity_id, std::optional<std::string> email) {
    ContributionInput in;
    in.dialogue_id = out_.id;
    in.text = std::move(text);
    in.language = std::move(language);
    in.groups = std::move(groups);
    in.themes = {"tillgänglighet"};
    in.activity_id = activity_id;
    in.channel = activity_id ? "activity" : "web";
    if (email) in.contact = ContactInput{*email, std::nullopt, true};
    auto c = must(submit_contribution(ctx_, std::move(in)), "contribution");
    out_.receipts.push_back(c.record.receipt);
    return c.record.id;
  }

  void hold_dialogue() {
    const auto jokkmokk = activity(
        "dialogue_cafe", "2025-02-18", "Folkets hus, Jokkmokk", "Jokkmokk", 34,
        {{"inland", 34}, {"aldre", 15}, {"unga", 1}},
        "Dialogcafé om vården i inlandet. Deltagarna talade mest om avstånd, öppettider och "
        "bussförbindelser till Gällivare sjukhus.",
        "Lokalen var för liten; nästa gång behövs två samtalsledare per bord.");
    const auto kiruna = activity(
        "association_visit", "2025-03-05", "PRO Kiruna", "Kiruna", 22,
        {{"aldre", 20}, {"inland", 22}},
        "Besök hos PRO Kiruna. Äldre beskrev svårigheter att nå vårdcentralen via telefon.",
        "Föreningen vill bli inbjuden till uppföljningen.");
    const auto lulea = activity("workplace_visit", "2025-03-19", "Luleå hamn", "Luleå", 18,
                                {{"unga", 1}}, "Arbetsplatsbesök i Luleå hamn under lunchrasten.",
                                "Få unga deltog; skiftarbetet gör kvällstider svåra.");
    stuff_.push_back(contribute("Vårdcentralen i Jokkmokk behöver ha öppet på kvällar.", "sv",
                                {"inland"}, jokkmokk, "kerstin.larsson@example.org"));
    stuff_.push_back(contribute("Bussen till Gällivare sjukhus går för sällan, två turer om dagen.",
                                "sv", {"inland", "aldre"}, jokkmokk,
                                "kerstin.larsson@example.org"));
    stuff_.push_back(
        contribute("Det tar en halvtimme att komma fram på telefon till vårdcentralen.", "sv",
                   {"aldre"}, kiruna, "bengt.stalnacke@example.org"));
    stuff_.push_back(
        contribute("As a seasonal worker I cannot find out which health centre I belong "
                   "to. Information in English would help.",
                   "en", {}, lulea, "j.murphy@example.com"));
    stuff_.push_back(contribute("Bygg en helikopterplatta vid vårdcentralen i Jokkmokk.", "sv",
                                {"inland"}, std::nullopt, std::nullopt));
    stuff_.push_back(contribute("Fler gatlampor på vägen till skolan.", "sv", {}, std::nullopt,
                                "anonym.medborgare@example.org"));
    CheckpointInput cp;
    cp.held_on = "2025-03-25";
    cp.note =
        "Avstämningen visar att unga 16-25 år är underrepresenterade: 2 av 74 deltagare mot "
        "förväntade 12 procent.";
    cp.actions = {"Besök gymnasieskolan i Boden", "Digital enkät via skolornas lärplattform"};
    must(open_checkpoint(ctx_, out_.id, std::move(cp)), "checkpoint");
    const auto boden = activity(
        "public_place", "2025-04-09", "Björknäsgymnasiet, Boden", "Boden", 41, {{"unga", 38}},
        "Samtal i skolans aula. Unga efterfrågade psykisk hälsa och chatt med vårdcentralen.",
        "Eleverna var engagerade; skolkuratorn vill samarbeta framöver.");
    stuff_.push_back(
        contribute("Young people need to be able to chat with the health centre, not call.", "en",
                   {"unga"}, boden, "elev.boden@example.org"));
    stuff_.push_back(contribute("Mer stöd för psykisk hälsa till unga i skolan.", "sv", {"unga"},
                                boden, std::nullopt));
  }

  void analyse() {
    NeedInput access;
    access.title = "Vård nära hemmet, också på kvällar";
    access.description = "Invånare i inlandet och äldre vill kunna nå vården utan långa resor.";
    access.contribution_ids = {stuff_[0], stuff_[2], stuff_[4]};
    access.facts = {{"Region Norrbotten, Vårdbarometern 2024",
                     "31 procent i inlandet anger avstånd som skäl att avstå vård."}};
    needs_.push_back(must(record_need(ctx_, out_.id, std::move(access)), "need").id);
    NeedInput travel;
    travel.title = "Resor till sjukhuset";
    travel.contribution_ids = {stuff_[1]};
    needs_.push_back(must(record_need(ctx_, out_.id, std::move(travel)), "need").id);
    NeedInput young;
    young.title = "Unga vill nå vården digitalt";
    young.contribution_ids = {stuff_[6], stuff_[7], stuff_[3]};
    needs_.push_back(must(record_need(ctx_, out_.id, std::move(young)), "need").id);
    must(record_disposition(ctx_, Precondition::none(),
                            {stuff_[5],
                             "wish",
                             "Gatubelysning är kommunens ansvar; önskemålet är vidarebefordrat "
                             "till Bodens kommun.",
                             {}}),
         "disposition");
    ReportInput r;
    r.title = "Medborgarnas behov inför regionplanen 2026-2029";
    r.summary = "Tre behov: vård nära hemmet, resor till sjukhuset och digital kontakt för unga.";
    r.presented_on = "2025-06-16";
    r.need_ids = needs_;
    r.url = "https://www.norrbotten.se/medborgardialog/rapport-2025";
    must(write_report(ctx_, out_.id, Precondition::none(), std::move(r)), "report");
  }

  void answer() {
    AnswerInput a;
    a.answered_on = "2025-09-02";
    a.responses = {
        {needs_[0],
         {{"Kvällsöppet två dagar i veckan på vårdcentralen i Jokkmokk", std::nullopt,
           "Hälso- och sjukvårdsnämnden"},
          {"Helikopterplatta vid vårdcentralen i Jokkmokk", std::nullopt, "Regionfastigheter"}},
         std::nullopt},
        {needs_[1], {}, "Busstrafiken är Länstrafikens ansvar; frågan är överlämnad till dem."},
        {needs_[2],
         {{"Chatt med vårdcentralen för alla i länet", "Via 1177 och regionens app.",
           "Digitaliseringsenheten"}},
         std::nullopt}};
    must(write_answer(ctx_, out_.id, Precondition::none(), std::move(a)), "answer");
    for (const auto& m : must(list_measures(ctx_, out_.id), "measures")) measures_.push_back(m.id);
  }

  void decide() {
    DecisionInput d;
    d.decided_on = "2025-11-20";
    d.reference = "RF 2025-11-20 § 143";
    d.adopted = {measures_[0], measures_[2]};
    d.rejected = {
        {measures_[1],
         "Kostnaden står inte i proportion till nyttan; ambulansflyget landar i Gällivare."}};
    d.follow_up_months = 12;
    must(write_decision(ctx_, out_.id, Precondition::none(), std::move(d)), "decision");
  }

  void follow_up() {
    must(update_measure(ctx_, measures_[0],
                        {"2026-03-01", "in_progress", 40, "Kvällsöppet tisdagar.", {}}),
         "measure update");
    must(update_measure(ctx_, measures_[0], {"2026-09-01", "done", std::nullopt, std::nullopt, {}}),
         "measure update");
    must(
        update_measure(
            ctx_, measures_[2],
            {"2026-10-01", "in_progress", 60, "Chatten är i drift i sex av tretton kommuner.", {}}),
        "measure update");
    must(write_follow_up(ctx_, out_.id, Precondition::none(),
                         {"2026-11-18",
                          "Kvällsöppet är infört i Jokkmokk. Chatten med vårdcentralen finns i sex "
                          "kommuner och i hela länet under 2027.",
                          {}}),
         "follow-up");
  }

  Context& ctx_;
  domain::State target_;
  DemoDialogue out_;
  std::vector<std::string> stuff_, needs_, measures_;
};

// Names the organisation the demo goes into (when it still has its placeholder name), and makes
// its bodies and the preparatory committee's plan for 2025.
std::string organise(Context& ctx) {
  const std::string org = organisation_of(ctx);
  if (auto o = find_organisation(ctx, org); o && o->name == "Organisation")
    must(edit_organisation(ctx, org, Precondition::none(),
                           [](const domain::Organisation& current) {
                             OrganisationInput in{current, {}};
                             in.organisation.name = "Region Norrbotten";
                             in.organisation.name_en = "Norrbotten Region";
                             in.organisation.kind = "region";
                             in.organisation.url = "https://www.norrbotten.se";
                             return in;
                           }),
         "name the organisation");
  domain::Body council;
  council.name = "Regionfullmäktige";
  council.name_en = "Regional Council";
  council.kind = "council";
  must(create_body(ctx, {council, {}}), "council");
  domain::Body committee;
  committee.name = "Beredningen för hållbar utveckling";
  committee.name_en = "Preparatory Committee for Sustainable Development";
  committee.kind = "preparatory_committee";
  committee.principles.ladder_min = 2;
  committee.principles.ladder_max = 4;
  committee.principles.feedback_days = 30;
  committee.principles.target_groups = {{"unga", "Unga 16-25 år", 0.12},
                                        {"aldre", "Äldre 65 år och äldre", 0.24},
                                        {"inland", "Boende i inlandskommunerna", 0.30}};
  committee.principles.languages = {"sv", "en", "fi", "se"};
  const std::string body_id = must(create_body(ctx, {committee, {}}), "committee").id;
  domain::ImplementationPlan plan;
  plan.question_areas = {"Tillgänglighet till vård", "Kollektivtrafik till vården",
                         "Ungas psykiska hälsa"};
  plan.purpose =
      "Medborgarnas behov ska ligga till grund för regionplanen 2026-2029 och för budgeten.";
  plan.target_groups = committee.principles.target_groups;
  plan.items = {{"framtidens-vard",
                 "Framtidens hälso- och sjukvård",
                 "Tillgänglighet till vård",
                 1,
                 {"dialogue_cafe", "association_visit", "workplace_visit"}},
                {"kollektivtrafik",
                 "Vägen till vården: kollektivtrafik",
                 "Kollektivtrafik till vården",
                 2,
                 {"public_place", "survey"}},
                {"ungas-halsa",
                 "Ungas psykiska hälsa",
                 "Ungas psykiska hälsa",
                 3,
                 {"focus_group", "co_creation_workshop"}},
                {"digital-vard",
                 "Digitala vårdtjänster i glesbygd",
                 "Tillgänglighet till vård",
                 4,
                 {"e_panel"}}};
  must(write_plan(ctx, body_id, 2025, Precondition::none(), {plan, {}}), "implementation plan");
  return body_id;
}

}  // namespace

DemoSummary load_demo(Context& ctx) {
  DemoSummary s;
  const std::string body = organise(ctx);
  s.dialogues.push_back(Walk(ctx, "Framtidens hälso- och sjukvård i Norrbotten",
                             "Tillgänglighet till vård", domain::State::followed_up, body,
                             "framtidens-vard")
                            .run());
  const std::tuple<const char*, domain::State, std::optional<std::string>> earlier[] = {
      {"Ungas psykiska hälsa i Norrbotten", domain::State::draft, "ungas-halsa"},
      {"Kulturens roll i glesbygden", domain::State::planned, std::nullopt},
      {"Tandvård för äldre på särskilt boende", domain::State::preparing, std::nullopt},
      {"Vägen till vården: kollektivtrafik i inlandet", domain::State::in_dialogue,
       "kollektivtrafik"},
      {"Förlossningsvård i Kalix och Sunderbyn", domain::State::analysing, std::nullopt},
      {"Läkemedel och apotek i glesbygd", domain::State::reported, std::nullopt},
      {"Hälsocentraler i Haparanda och Övertorneå", domain::State::answered, std::nullopt},
      {"Ambulanssjukvård i fjällvärlden", domain::State::decided, std::nullopt}};
  for (const auto& [title, state, item] : earlier)
    s.dialogues.push_back(Walk(ctx, title, "Tillgänglighet till vård", state, body, item).run());
  return s;
}

}  // namespace dialogd::app
