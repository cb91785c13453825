// Unit tests of the Decidim adapter against the recorded fixtures (../shared/fixtures/decidim).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "decidim/exports.hpp"
#include "decidim/html_to_text.hpp"
#include "decidim/mapping.hpp"
#include "decidim/parse.hpp"
#include "decidim/queries.hpp"
#include "decidim/write_back.hpp"
#include "fixtures.hpp"

using namespace dialogd::decidim;
using decidim_test::fixture_data;
namespace json = boost::json;

namespace {
ParseContext ctx() {
  return ParseContext{"https://dialog.example.se", "framtidens-halso-och-sjukvard", "sv"};
}

const DecidimProposal& proposal(const std::vector<DecidimProposal>& all, const std::string& id) {
  for (const auto& p : all)
    if (p.id == id) return p;
  throw std::runtime_error("no proposal " + id);
}
const DecidimMeeting& meeting(const std::vector<DecidimMeeting>& all, const std::string& id) {
  for (const auto& m : all)
    if (m.id == id) return m;
  throw std::runtime_error("no meeting " + id);
}
}  // namespace

// --- html_to_text -------------------------------------------------------------------------------

TEST(HtmlToText, StripsTagsAndDecodesEntities) {
  EXPECT_EQ(html_to_text("<p>Hej &amp; v&auml;lkommen&nbsp;till <strong>Kiruna</strong>&#33;</p>"),
            "Hej & välkommen till Kiruna!");
  EXPECT_EQ(html_to_text("a &#x263A; b &unknown; c"), "a \u263A b &unknown; c");
}

TEST(HtmlToText, BlocksBecomeNewlinesAndListsDashes) {
  EXPECT_EQ(html_to_text("<p>Ett</p><p>Två</p><ul><li>a</li><li>b</li></ul>"),
            "Ett\n\nTvå\n\n- a\n- b");
  EXPECT_EQ(html_to_text("rad 1<br>rad 2"), "rad 1\nrad 2");
}

TEST(HtmlToText, DropsScriptStyleAndIframeContent) {
  EXPECT_EQ(html_to_text("<p>A</p><script>alert('x')</script><style>p{}</style>"
                         "<iframe src=\"https://v\">fallback</iframe><p>B</p>"),
            "A\n\nB");
  EXPECT_EQ(html_to_text("<SCRIPT type=x>evil()</SCRIPT>ok"), "ok");
  EXPECT_EQ(html_to_text("text <script>never closed"), "text");
  EXPECT_EQ(html_to_text("a <!-- hidden --> b"), "a b");
}

TEST(HtmlToText, CollapsesWhitespaceAndCapsOnUtf8Boundary) {
  EXPECT_EQ(html_to_text("  a \t\n\n\n\n b  "), "a\n\nb");
  std::string capped = html_to_text("åååååå", 5);  // each å is 2 bytes
  EXPECT_EQ(capped, "åå");
  EXPECT_EQ(html_to_text("<a href=\"x\" target=\"_blank\" rel=\"noopener\">länk</a> unclosed <b"),
            "länk unclosed");
  EXPECT_EQ(html_to_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");  // not a tag
}

// --- parse
// ----------------------------------------------------------------------------------------

TEST(Parse, VersionAcrossReleases) {
  auto v27 = parse_version(fixture_data("version.v0.27.json"));
  ASSERT_TRUE(v27.ok());
  EXPECT_EQ(v27->version, "0.27.9");
  auto v29 = parse_version(fixture_data("version.v0.29plus.json"));
  ASSERT_TRUE(v29.ok());
  EXPECT_FALSE(v29->version.has_value());
  EXPECT_EQ(v29->application_name, "Dialog Norrbotten");
}

TEST(Parse, ProcessV027DatesAndV028DateTimesGiveTheSameDates) {
  auto p27 = parse_process(fixture_data("process.v0.27.json"), ctx());
  auto p28 = parse_process(fixture_data("process.v0.28.json"), ctx());
  ASSERT_TRUE(p27.ok()) << p27.failure().reason;
  ASSERT_TRUE(p28.ok()) << p28.failure().reason;
  EXPECT_EQ(p27->id, "12");
  EXPECT_EQ(p27->slug, "framtidens-halso-och-sjukvard");
  EXPECT_EQ(p27->title.sv, "Framtidens hälso- och sjukvård i Norrbotten");
  EXPECT_EQ(p27->title.en, "The future of health care in Norrbotten");
  EXPECT_EQ(p27->description.sv.rfind("Region Norrbotten bjuder in", 0), 0u);
  EXPECT_EQ(p27->description.en.find('<'), std::string::npos);
  ASSERT_EQ(p27->steps.size(), 4u);
  ASSERT_EQ(p28->steps.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(p27->steps[i].start_date, p28->steps[i].start_date) << i;
    EXPECT_EQ(p27->steps[i].title, p28->steps[i].title) << i;
  }
  EXPECT_EQ(p28->steps[0].start_date, "2025-01-13");
  EXPECT_EQ(p27->steps[0].title, "Information och uppstart");
  int active = 0;
  for (const auto& s : p27->steps) active += s.active ? 1 : 0;
  EXPECT_EQ(active, 1);
  bool meetings = false, proposals = false;
  for (const auto& c : p27->components) {
    if (c.type == "Meetings" && c.id == "101") meetings = true;
    if (c.type == "Proposals" && c.id == "102") proposals = true;
  }
  EXPECT_TRUE(meetings);
  EXPECT_TRUE(proposals);
}

TEST(Parse, UnknownProcessIsNotFound) {
  auto p = parse_process(fixture_data("process_unknown_id.json"), ctx());
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.failure().kind, Failure::Kind::not_found);
}

TEST(Parse, UnknownComponentIsNotFound) {
  auto p = parse_meetings_page(fixture_data("component_unknown_id.json"), ctx());
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.failure().kind, Failure::Kind::not_found);
}

TEST(Parse, MeetingsPage) {
  auto page = parse_meetings_page(fixture_data("meetings_page1.json"), ctx());
  ASSERT_TRUE(page.ok()) << page.failure().reason;
  EXPECT_FALSE(page->page_info.has_next_page);
  ASSERT_EQ(page->items.size(), 5u);
  const auto& kiruna = meeting(page->items, "301");
  EXPECT_EQ(kiruna.title, "Dialogmöte i Kiruna: Vården nära dig");
  EXPECT_EQ(kiruna.type, MeetingType::in_person);
  EXPECT_TRUE(kiruna.closed);
  EXPECT_EQ(kiruna.attendees_count, 42);
  EXPECT_EQ(kiruna.municipality, "Kiruna");
  EXPECT_EQ(kiruna.location, "Stora salen");
  EXPECT_FALSE(kiruna.closing_report.empty());
  EXPECT_EQ(kiruna.closing_report.find('<'), std::string::npos);
  EXPECT_EQ(kiruna.start_time, "2025-03-12T17:30:00+01:00");
  EXPECT_EQ(kiruna.url,
            "https://dialog.example.se/processes/framtidens-halso-och-sjukvard/f/101/meetings/301");
  const auto& hybrid = meeting(page->items, "302");
  EXPECT_EQ(hybrid.type, MeetingType::hybrid);
  EXPECT_EQ(hybrid.attendees_count, 67);
  EXPECT_EQ(hybrid.closing_report.find("iframe"), std::string::npos);
  const auto& online = meeting(page->items, "303");
  EXPECT_EQ(online.type, MeetingType::online);
  EXPECT_EQ(online.address, "");
  EXPECT_EQ(online.municipality, "");
  const auto& upcoming = meeting(page->items, "304");
  EXPECT_FALSE(upcoming.closed);
  EXPECT_FALSE(upcoming.attendees_count.has_value());
  EXPECT_TRUE(meeting(page->items, "305").withdrawn);
}

TEST(Parse, ProposalsPagesStatesAndLanguages) {
  auto p1 = parse_proposals_page(fixture_data("proposals_page1.json"), ctx());
  auto p2 = parse_proposals_page(fixture_data("proposals_page2.json"), ctx());
  ASSERT_TRUE(p1.ok()) << p1.failure().reason;
  ASSERT_TRUE(p2.ok()) << p2.failure().reason;
  EXPECT_TRUE(p1->page_info.has_next_page);
  EXPECT_EQ(p1->page_info.end_cursor, "Ng");
  EXPECT_FALSE(p2->page_info.has_next_page);
  ASSERT_EQ(p1->items.size(), 6u);
  ASSERT_EQ(p2->items.size(), 6u);
  const auto& first = proposal(p1->items, "4701");
  EXPECT_EQ(first.title, "Inför mobila vårdteam i glesbygden");
  EXPECT_EQ(first.language, "sv");
  EXPECT_EQ(first.state, "accepted");
  EXPECT_NE(first.body.find("\n\nDet minskar"), std::string::npos);
  EXPECT_EQ(first.published_at, "2025-03-04T19:22:10+01:00");
  EXPECT_TRUE(proposal(p1->items, "4706").withdrawn);
  EXPECT_FALSE(proposal(p1->items, "4704").state.has_value());
  const auto& html = proposal(p2->items, "4710");
  EXPECT_EQ(html.body.find('<'), std::string::npos);
  EXPECT_NE(html.body.find("- "), std::string::npos);
  EXPECT_FALSE(proposal(p2->items, "4712").state.has_value());  // unpublished answer
}

TEST(Parse, ProposalsInAnotherPreferredLocale) {
  auto en = parse_proposals_page(fixture_data("proposals_page2.json"),
                                 ParseContext{"https://x", "s", "en"});
  ASSERT_TRUE(en.ok());
  // 4707 is official with sv+en: English wins when preferred.
  EXPECT_EQ(proposal(en->items, "4707").language, "en");
  auto sv = parse_proposals_page(fixture_data("proposals_page2.json"), ctx());
  EXPECT_EQ(proposal(sv->items, "4707").language, "sv");
}

TEST(Parse, PickTranslationOrder) {
  auto field = json::parse(R"({"translations":[
      {"locale":"fi","text":"Hei","machineTranslated":false},
      {"locale":"en","text":"Hi","machineTranslated":false},
      {"locale":"sv","text":"  ","machineTranslated":false}]})");
  auto picked = pick_translation(&field, "sv");
  ASSERT_TRUE(picked);
  EXPECT_EQ(picked->locale, "en");  // sv is blank
  auto only_fi =
      json::parse(R"({"translations":[{"locale":"fi","text":"Hei"},{"locale":"en","text":null}]})");
  EXPECT_EQ(pick_translation(&only_fi, "sv")->locale, "fi");
  auto none = json::parse(R"({"translations":[]})");
  EXPECT_FALSE(pick_translation(&none, "sv"));
  json::value null_value;
  EXPECT_FALSE(pick_translation(&null_value, "sv"));
}

TEST(Parse, BadDataNamesThePath) {
  auto data = fixture_data("meetings_page1.json");
  auto& nodes = data.at("component").at("meetings").at("edges").as_array();
  nodes[2].as_object()["node"].as_object()["startTime"] = 17;
  auto r = parse_meetings_page(data, ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure().kind, Failure::Kind::parse);
  EXPECT_NE(r.failure().reason.find("component.meetings.edges[2].node.startTime"),
            std::string::npos)
      << r.failure().reason;

  auto p = fixture_data("process.v0.28.json");
  p.at("participatoryProcess").as_object()["steps"].as_array()[1].as_object()["title"] = "plain";
  auto pr = parse_process(p, ctx());
  ASSERT_FALSE(pr.ok());
  EXPECT_NE(pr.failure().reason.find("participatoryProcess.steps[1].title"), std::string::npos)
      << pr.failure().reason;

  auto q = fixture_data("proposals_page1.json");
  q.at("component").at("proposals").as_object().erase("edges");
  EXPECT_FALSE(parse_proposals_page(q, ctx()).ok());
  auto t = fixture_data("meetings_page1.json");
  t.at("component")
      .at("meetings")
      .at("edges")
      .as_array()[0]
      .as_object()["node"]
      .as_object()["typeOfMeeting"] = "teleport";
  EXPECT_NE(parse_meetings_page(t, ctx()).failure().reason.find("typeOfMeeting"),
            std::string::npos);
}

TEST(Parse, NeverCrashesOnArbitraryShapes) {
  for (const char* doc :
       {"null", "[]", "{}", "{\"component\":[]}", "{\"component\":{}}",
        "{\"component\":{\"meetings\":{\"edges\":[null]}}}",
        "{\"component\":{\"meetings\":{\"edges\":[{\"node\":{}}],\"pageInfo\":{}}}}",
        "{\"component\":{\"proposals\":{\"edges\":[{\"node\":{\"id\":1,\"title\":{}}}],"
        "\"pageInfo\":{\"hasNextPage\":true}}}}",
        "{\"participatoryProcess\":{\"id\":\"1\",\"title\":{\"translations\":7}}}",
        "{\"participatoryProcess\":{\"id\":\"1\",\"title\":{\"translation\":\"x\"},"
        "\"steps\":[{\"id\":\"2\",\"title\":{\"translation\":\"y\"},\"startDate\":\"soon\"}]}}"}) {
    auto v = json::parse(doc);
    EXPECT_FALSE(parse_meetings_page(v, ctx()).ok()) << doc;
    EXPECT_FALSE(parse_proposals_page(v, ctx()).ok()) << doc;
    EXPECT_FALSE(parse_process(v, ctx()).ok()) << doc;
    EXPECT_FALSE(parse_version(v).ok()) << doc;
  }
}

TEST(Parse, ResultsPage) {
  auto page = parse_results_page(fixture_data("results_page1.json"));
  ASSERT_TRUE(page.ok()) << page.failure().reason;
  ASSERT_EQ(page->items.size(), 3u);
  const DecidimResult* in_progress = nullptr;
  for (const auto& r : page->items)
    if (r.id == "77") in_progress = &r;
  ASSERT_NE(in_progress, nullptr);
  EXPECT_EQ(in_progress->progress, 40.0);
  EXPECT_FALSE(in_progress->title.sv.empty());
  EXPECT_TRUE(in_progress->start_date.has_value());
  auto wrong = fixture_data("results_page1.json");
  wrong.at("component")
      .at("results")
      .at("edges")
      .as_array()[1]
      .as_object()["node"]
      .as_object()["progress"] = "forty";
  auto bad = parse_results_page(wrong);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.failure().reason.find("component.results.edges[1].node.progress"),
            std::string::npos);
}

TEST(Parse, MunicipalityFromAddress) {
  EXPECT_EQ(municipality_from_address("Folkets Hus, Föreningsgatan 8, 981 31 Kiruna"), "Kiruna");
  EXPECT_EQ(municipality_from_address("Storgatan 1, 97231 Luleå, Sverige"), "Luleå");
  EXPECT_EQ(municipality_from_address("Storgatan 12"), "");
  EXPECT_EQ(municipality_from_address(""), "");
}

// --- queries ----------------------------------------------------------------------------------

TEST(Queries, PageVariablesClampFirstAndCarryTheCursor) {
  auto v = queries::page_variables("101", 500, std::nullopt);
  EXPECT_EQ(v.at("first").as_int64(), 50);
  EXPECT_TRUE(v.at("after").is_null());
  EXPECT_EQ(v.at("componentId").as_string(), "101");
  auto w = queries::page_variables("102", 6, std::string("Ng"));
  EXPECT_EQ(w.at("after").as_string(), "Ng");
  EXPECT_EQ(queries::page_variables("1", 0, std::nullopt).at("first").as_int64(), 1);
  EXPECT_NE(queries::kProposalsPage.find("query ProposalsPage("), std::string_view::npos);
  EXPECT_EQ(queries::kProposalsPage.find("author"), std::string_view::npos);  // no personal data
  EXPECT_NE(queries::kMeetingsPage.find("attendeeCount"), std::string_view::npos);
}

// --- mapping and plan -------------------------------------------------------------------------

TEST(Mapping, MeetingsToActivities) {
  auto page = parse_meetings_page(fixture_data("meetings_page1.json"), ctx());
  ASSERT_TRUE(page.ok());
  auto a = map_meeting(meeting(page->items, "301"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->external_id, "decidim:meeting:301");
  EXPECT_EQ(a->date, "2025-03-12");
  EXPECT_EQ(a->start_time, "2025-03-12T16:30:00Z");
  EXPECT_EQ(a->format, "in_person");
  EXPECT_EQ(a->municipality, "Kiruna");
  EXPECT_EQ(a->participants, 42);
  EXPECT_EQ(a->place, "Stora salen, Folkets Hus, Föreningsgatan 8, 981 31 Kiruna");
  EXPECT_FALSE(a->public_documentation.empty());
  EXPECT_EQ(a->content_hash.size(), 16u);
  auto upcoming = map_meeting(meeting(page->items, "304"));
  ASSERT_TRUE(upcoming);
  EXPECT_FALSE(upcoming->participants);
  EXPECT_TRUE(upcoming->public_documentation.empty());
  EXPECT_FALSE(map_meeting(meeting(page->items, "305")));  // withdrawn
}

TEST(Mapping, ProposalsToContributions) {
  auto page = parse_proposals_page(fixture_data("proposals_page1.json"), ctx());
  ASSERT_TRUE(page.ok());
  auto c = map_proposal(proposal(page->items, "4701"));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->external_id, "decidim:proposal:4701");
  EXPECT_EQ(c->channel, "decidim");
  EXPECT_EQ(c->language, "sv");
  EXPECT_EQ(c->text.rfind("Inför mobila vårdteam i glesbygden\n\nI inlandskommunerna", 0), 0u);
  EXPECT_EQ(c->created_at, "2025-03-04T18:22:10Z");  // RFC 3339 UTC, as dialogd stores instants
  EXPECT_EQ(
      c->external_url,
      "https://dialog.example.se/processes/framtidens-halso-och-sjukvard/f/102/proposals/4701");
  EXPECT_FALSE(map_proposal(proposal(page->items, "4706")));  // withdrawn
  auto hidden = proposal(page->items, "4702");
  hidden.hidden = true;
  EXPECT_FALSE(map_proposal(hidden));
}

TEST(Mapping, NoPersonalDataReachesContributions) {
  for (const char* file : {"proposals_page1.json", "proposals_page2.json"}) {
    auto raw = decidim_test::read_text(decidim_test::fixtures_dir() + "/graphql/responses/" + file);
    auto doc = json::parse(raw);
    auto page = parse_proposals_page(doc.at("data"), ctx());
    ASSERT_TRUE(page.ok());
    for (const auto& edge : doc.at("data").at("component").at("proposals").at("edges").as_array()) {
      const auto& author = edge.at("node").at("author");
      if (!author.is_object()) continue;
      std::string name(author.at("name").as_string());
      std::string nick(author.at("nickname").as_string());
      for (const auto& p : page->items) {
        auto c = map_proposal(p);
        if (!c) continue;
        if (!name.empty()) {
          EXPECT_EQ(c->text.find(name), std::string::npos) << name;
        }
        if (nick.size() > 1) {
          EXPECT_EQ(c->text.find(nick), std::string::npos) << nick;
        }
      }
    }
  }
}

TEST(Mapping, TimestampsToUtc) {
  EXPECT_EQ(to_utc_rfc3339("2025-06-18T10:12:44+02:00"), "2025-06-18T08:12:44Z");
  EXPECT_EQ(to_utc_rfc3339("2025-01-01T00:30:00+01:00"), "2024-12-31T23:30:00Z");
  EXPECT_EQ(to_utc_rfc3339("2025-01-01T00:30:00.123-05:00"), "2025-01-01T05:30:00Z");
  EXPECT_EQ(to_utc_rfc3339("2025-01-01T00:30:00Z"), "2025-01-01T00:30:00Z");
  EXPECT_EQ(to_utc_rfc3339("garbage"), "garbage");
}

TEST(Plan, CreateUpdateUnchangedAndDuplicates) {
  ImportedContribution a{"decidim:proposal:1", "u", "t", "decidim", "sv", "2025", ""};
  a.content_hash = content_hash(a);
  ImportedContribution b = a;
  b.external_id = "decidim:proposal:2";
  b.content_hash = content_hash(b);
  ImportedContribution c = a;
  c.external_id = "decidim:proposal:3";
  c.content_hash = content_hash(c);
  std::map<std::string, std::string> known{{a.external_id, a.content_hash},
                                           {b.external_id, "stale"}};
  auto plan = plan_sync(known, std::vector<ImportedContribution>{a, b, c, c});
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].action, SyncAction::unchanged);
  EXPECT_EQ(plan[1].action, SyncAction::update);
  EXPECT_EQ(plan[2].action, SyncAction::create);
  EXPECT_EQ(plan[2].index, 2u);
  ImportedContribution d = a;
  d.text = "changed";
  EXPECT_NE(content_hash(d), a.content_hash);
}

// --- write-back -----------------------------------------------------------------------------

TEST(WriteBack, AnswerProposalVariablesAreTyped) {
  auto req = build_answer_proposal(
      {"102", "4704", "accepted", "Förslaget bifalls.\n\nTack <3", "Accepted.", "dialogd-4704-1"});
  ASSERT_TRUE(req.ok());
  EXPECT_EQ(req->operation_name, "AnswerProposal");
  EXPECT_NE(req->query.find("$input: AnswerInput!"), std::string::npos);
  const auto& v = req->variables;
  EXPECT_TRUE(v.at("componentId").is_string());
  EXPECT_TRUE(v.at("proposalId").is_string());
  const auto& input = v.at("input").as_object();
  EXPECT_EQ(input.at("clientMutationId").as_string(), "dialogd-4704-1");
  const auto& attributes = input.at("attributes").as_object();
  EXPECT_EQ(attributes.at("state").as_string(), "accepted");
  EXPECT_EQ(attributes.at("answerContent").at("sv").as_string(),
            "<p>Förslaget bifalls.</p><p>Tack &lt;3</p>");
  EXPECT_EQ(attributes.at("answerContent").at("en").as_string(), "<p>Accepted.</p>");
  EXPECT_FALSE(build_answer_proposal({"102", "4704", "maybe", "x", "", ""}).ok());
  EXPECT_FALSE(build_answer_proposal({"102", "4704", "accepted", "", "", ""}).ok());
  EXPECT_TRUE(build_answer_proposal({"102", "4704", "evaluating", "", "", ""}).ok());
}

TEST(WriteBack, CreateAndUpdateResult) {
  MeasureResult r;
  r.component_id = "103";
  r.title_sv = "Kvällsmottagning";
  r.description_sv = "<p>Startade 1 oktober.</p>";
  r.start_date = "2025-08-01";
  r.end_date = "2026-06-30";
  r.progress = 55;
  r.status_id = 6;
  r.proposal_ids = {4701, 4711};
  r.external_id = "RN-2025-017";
  auto create = build_create_result(r);
  ASSERT_TRUE(create.ok()) << create.failure().reason;
  const auto& a = create->variables.at("input").at("attributes").as_object();
  EXPECT_TRUE(a.at("progress").is_double());  // Float even for 55
  EXPECT_TRUE(a.at("decidimAccountabilityStatusId").is_int64());
  EXPECT_TRUE(a.at("proposalIds").as_array()[0].is_int64());
  EXPECT_EQ(a.at("title").at("sv").as_string(), "Kvällsmottagning");
  EXPECT_EQ(a.at("startDate").as_string(), "2025-08-01");
  EXPECT_EQ(a.at("externalId").as_string(), "RN-2025-017");
  EXPECT_FALSE(build_update_result(r).ok());  // no result id
  r.result_id = "77";
  auto update = build_update_result(r);
  ASSERT_TRUE(update.ok());
  EXPECT_EQ(update->variables.at("resultId").as_string(), "77");
  EXPECT_NE(update->query.find("$input: UpdateResultInput!"), std::string::npos);
  r.progress = 140;
  EXPECT_FALSE(build_update_result(r).ok());
  MeasureResult untitled;
  untitled.component_id = "103";
  EXPECT_FALSE(build_create_result(untitled).ok());
}

// --- exports ----------------------------------------------------------------------------------

namespace {
std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) return out;
    start = p + sep.size();
  }
}
}  // namespace

TEST(Exports, CsvQuoting) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a;b"), "\"a;b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
}

TEST(Exports, ResultsCsvColumnsAreKnownToDecidimsImporter) {
  MeasureResult r;
  r.result_id = "77";
  r.title_sv = "Utökade öppettider; Kiruna";
  r.title_en = "Extended opening hours";
  r.description_sv = "Kvällsmottagning två dagar i veckan.";
  r.start_date = "2025-08-01";
  r.end_date = "2026-06-30";
  r.status_id = 6;
  r.progress = 55;
  MeasureResult child;
  child.parent_id = 77;
  child.title_sv = "Pilot";
  auto csv = results_csv({r, child});
  auto lines = split(csv, "\r\n");
  ASSERT_EQ(lines.size(), 4u);  // header, 2 rows, trailing empty
  auto header = split(lines[0], ";");
  // Every column is one Decidim's importer reads (fallback sample / valid_result.csv / ResultForm).
  auto sample = split(decidim_test::read_text(decidim_test::fixtures_dir() +
                                              "/graphql/fallback/results_import.csv"),
                      "\n")[0];
  auto upstream = split(
      split(decidim_test::read_text(decidim_test::fixtures_dir() +
                                    "/decidim-accountability__spec__fixtures__valid_result.csv"),
            "\n")[0],
      ";");
  auto sample_cols = split(sample, ";");
  for (const auto& col : header) {
    bool known = col == "external_id" ||
                 std::find(sample_cols.begin(), sample_cols.end(), col) != sample_cols.end();
    EXPECT_TRUE(known) << col;
  }
  EXPECT_NE(std::find(upstream.begin(), upstream.end(), "progress"), upstream.end());
  EXPECT_EQ(header[0], "id");
  EXPECT_EQ(lines[1],
            "77;;\"Utökade öppettider; Kiruna\";Extended opening hours;<p>Kvällsmottagning två "
            "dagar i veckan.</p>;;2025-08-01;2026-06-30;6;55.0;");
  EXPECT_EQ(lines[2], "9000001;77;Pilot;;;;;;;;");
}

TEST(Exports, ProposalAnswersJsonMatchesTheFallbackSample) {
  std::vector<ProposalOutcome> outcomes{
      {"102", "4704", "accepted",
       "<p>Förslaget bifalls. Barnmorskemottagningen i Kiruna förstärks från januari 2026.</p>", "",
       ""},
      {"102", "4708", "rejected",
       "<p>Förslaget avslås i nuvarande form; språkstöd erbjuds i stället via tolk och "
       "modersmålsstöd.</p>",
       "<p>Rejected in its current form.</p>", ""}};
  auto out = proposal_answers_json(outcomes);
  ASSERT_TRUE(out.ok());
  auto mine = json::parse(*out).as_array();
  auto sample = json::parse(decidim_test::read_text(decidim_test::fixtures_dir() +
                                                    "/graphql/fallback/proposal_answers.json"))
                    .as_array();
  // The sample nests {"answer": {"sv": ...}}; Decidim flattens it to "answer/sv" as we write it.
  auto find = [&](std::int64_t id) -> const json::object& {
    for (const auto& s : sample)
      if (s.at("id").as_int64() == id) return s.as_object();
    throw std::runtime_error("missing");
  };
  for (const auto& row : mine) {
    const auto& o = row.as_object();
    const auto& s = find(o.at("id").as_int64());
    EXPECT_EQ(o.at("state"), s.at("state"));
    EXPECT_EQ(o.at("answer/sv"), s.at("answer").at("sv"));
    EXPECT_EQ(o.at("answer/en"), s.at("answer").at("en"));
  }
  // Same key style as Decidim's own sample file.
  auto upstream = json::parse(decidim_test::read_text(
      decidim_test::fixtures_dir() +
      "/decidim-dev__lib__decidim__dev__assets__import_proposal_answers.json"));
  EXPECT_TRUE(upstream.as_array()[0].as_object().contains("answer/en"));
  EXPECT_TRUE(upstream.as_array()[0].at("id").is_int64());
  EXPECT_FALSE(proposal_answers_json({{"102", "abc", "accepted", "x", "", ""}}).ok());
}

TEST(Exports, ProposalAnswersCsvMatchesTheFallbackSample) {
  std::vector<ProposalOutcome> outcomes{
      {"102", "4704", "accepted",
       "<p>Förslaget bifalls. Barnmorskemottagningen i Kiruna förstärks från januari 2026.</p>", "",
       ""},
      {"102", "4705", "evaluating", "<p>Förslaget utreds inom översynen av akutsjukvården.</p>", "",
       ""}};
  auto out = proposal_answers_csv(outcomes);
  ASSERT_TRUE(out.ok());
  auto lines = split(*out, "\r\n");
  auto sample = split(decidim_test::read_text(decidim_test::fixtures_dir() +
                                              "/graphql/fallback/proposal_answers.csv"),
                      "\n");
  EXPECT_EQ(lines[0], sample[0]);
  // Identical up to quoting: the sample quotes every HTML field, RFC 4180 only where needed.
  EXPECT_EQ(lines[1],
            "4704;accepted;<p>Förslaget bifalls. Barnmorskemottagningen i Kiruna "
            "förstärks från januari 2026.</p>;");
  EXPECT_EQ(sample[1],
            "4704;accepted;\"<p>Förslaget bifalls. Barnmorskemottagningen i Kiruna "
            "förstärks från januari 2026.</p>\";");
}
