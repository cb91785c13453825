#include <gtest/gtest.h>

#include "cms/atom.hpp"
#include "fixture.hpp"

using namespace dialogd::cms;

namespace {

const atom::Config config{cms_fixture::base_url};

std::size_t count(const std::string& s, std::string_view needle) {
  std::size_t n = 0;
  for (auto p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST(CmsAtom, OrganisationFeedHasTheRequiredElements) {
  const auto s = cms_fixture::make_sample();
  const auto f = atom::organisation_feed(s.org, s.dialogues, config);
  const auto& x = f.xml;
  EXPECT_EQ(x.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
                    "xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"sv\">",
                    0),
            0u);
  EXPECT_NE(
      x.find("<id>tag:dialog.example.se,2026:dialogd/organisation/org-norrbotten/dialogues</id>"),
      std::string::npos);
  EXPECT_NE(x.find("<title>Medborgardialoger – Region Norrbotten</title>"), std::string::npos);
  EXPECT_NE(
      x.find(
          "<link rel=\"self\" type=\"application/atom+xml\" "
          "href=\"https://dialog.example.se/feeds/organisations/org-norrbotten/dialogues.atom\"/>"),
      std::string::npos);
  EXPECT_NE(x.find("<author>\n    <name>Region Norrbotten</name>"), std::string::npos);
  EXPECT_EQ(count(x, "<entry>"), 2u);
  EXPECT_NE(x.find("<link rel=\"alternate\" type=\"text/html\" "
                   "href=\"https://dialog.example.se/d/dlg-vard\"/>"),
            std::string::npos);
  // Newest first; the feed is as new as its newest entry (offsets normalised to UTC).
  EXPECT_LT(x.find("dialogd/dialogue/dlg-vard</id>"), x.find("dialogd/dialogue/dlg-kultur</id>"));
  EXPECT_EQ(f.updated, "2027-11-23T10:00:00Z");
  EXPECT_NE(x.find("<updated>2027-04-02T10:30:00Z</updated>"), std::string::npos);
  EXPECT_NE(x.find("<published>2027-01-10T09:12:44Z</published>"), std::string::npos);
  // Titles are escaped, never raw markup.
  EXPECT_NE(x.find("Framtidens hälso- &amp; sjukvård i &quot;Norrbotten&quot; &lt;2028&gt;"),
            std::string::npos);
  EXPECT_EQ(x.find("<2028>"), std::string::npos);
  EXPECT_NE(x.find("Delaktighetstrappan: steg 3, Dialog"), std::string::npos);
  EXPECT_NE(x.find("Unga 16-25 år (12 %)"), std::string::npos);
  EXPECT_NE(x.find("<category term=\"decided\" label=\"Fullmäktige har beslutat\"/>"),
            std::string::npos);
}

TEST(CmsAtom, HostileTextStaysWellFormed) {
  const auto s = cms_fixture::make_sample();
  const auto x = atom::organisation_feed(s.org, s.dialogues, config).xml;
  EXPECT_NE(x.find("Musik \xEF\xBF\xBD ]]&gt; &amp;#x0; &lt;b&gt;fet&lt;/b&gt;"),
            std::string::npos);
  EXPECT_EQ(x.find('\x01'), std::string::npos);
  EXPECT_EQ(x.find("<b>"), std::string::npos);
}

TEST(CmsAtom, RendersAreStable) {
  const auto s = cms_fixture::make_sample();
  EXPECT_EQ(atom::organisation_feed(s.org, s.dialogues, config).xml,
            atom::organisation_feed(s.org, s.dialogues, config).xml);
  auto reversed = s.dialogues;
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(atom::organisation_feed(s.org, s.dialogues, config).xml,
            atom::organisation_feed(s.org, reversed, config).xml);
}

TEST(CmsAtom, EnglishFeed) {
  const auto s = cms_fixture::make_sample();
  const auto x = atom::organisation_feed(s.org, s.dialogues, config, atom::Language::en).xml;
  EXPECT_NE(x.find("xml:lang=\"en\""), std::string::npos);
  EXPECT_NE(x.find("<title>Citizen dialogues – Norrbotten Region</title>"), std::string::npos);
  EXPECT_NE(x.find("dialogues.atom?lang=en\"/>"), std::string::npos);
  EXPECT_NE(x.find("hreflang=\"sv\""), std::string::npos);
  EXPECT_NE(x.find("<title type=\"text\" xml:lang=\"sv\">Kulturplan 2028</title>"),
            std::string::npos);
  EXPECT_NE(x.find("State: Decided by the council"), std::string::npos);
  EXPECT_NE(x.find("Unga 16-25 år (12%)"), std::string::npos);
}

TEST(CmsAtom, DraftsAreNeverInTheOrganisationFeed) {
  auto s = cms_fixture::make_sample();
  s.dialogues[1].state = "draft";
  const auto x = atom::organisation_feed(s.org, s.dialogues, config).xml;
  EXPECT_EQ(count(x, "<entry>"), 1u);
  EXPECT_EQ(x.find("dlg-kultur"), std::string::npos);
}

TEST(CmsAtom, IdsAreEscapedIntoTagUrisAndLinks) {
  EXPECT_EQ(atom::dialogue_entry_id(config, "a b/c"),
            "tag:dialog.example.se,2026:dialogd/dialogue/a%20b%2Fc");
  EXPECT_EQ(atom::dialogue_feed_url(config, "a b", atom::Language::en),
            "https://dialog.example.se/feeds/dialogues/a%20b.atom?lang=en");
  atom::Config with_port{"https://Dialog.Example.SE:8443/"};
  EXPECT_EQ(atom::dialogue_entry_id(with_port, "x"),
            "tag:dialog.example.se,2026:dialogd/dialogue/x");
  EXPECT_EQ(atom::organisation_feed_url(with_port, "o", atom::Language::sv),
            "https://Dialog.Example.SE:8443/feeds/organisations/o/dialogues.atom");
}

TEST(CmsAtom, LanguageParameter) {
  EXPECT_EQ(atom::parse_language("en"), atom::Language::en);
  EXPECT_EQ(atom::parse_language("sv"), atom::Language::sv);
  EXPECT_EQ(atom::parse_language(""), atom::Language::sv);
  EXPECT_EQ(atom::parse_language("de"), atom::Language::sv);
}

TEST(CmsAtom, EmptyFeedIsStillValidAndStable) {
  const auto s = cms_fixture::make_sample();
  const auto f = atom::organisation_feed(s.org, {}, config);
  EXPECT_EQ(f.updated, "2026-01-01T00:00:00Z");
  EXPECT_NE(f.xml.find("<updated>2026-01-01T00:00:00Z</updated>"), std::string::npos);
  EXPECT_EQ(count(f.xml, "<entry>"), 0u);
}

TEST(CmsAtom, DialogueHistoryFeed) {
  const auto s = cms_fixture::make_sample();
  const auto f =
      atom::dialogue_feed(s.org, s.dialogues[0], s.transitions, s.documents, s.feedback, config);
  const auto& x = f.xml;
  EXPECT_EQ(count(x, "<entry>"), s.transitions.size() + s.documents.size() + s.feedback.size());
  EXPECT_NE(x.find("<id>tag:dialog.example.se,2026:dialogd/dialogue/dlg-vard/history</id>"),
            std::string::npos);
  EXPECT_NE(x.find("<id>tag:dialog.example.se,2026:dialogd/dialogue/dlg-vard/transition/3</id>"),
            std::string::npos);
  EXPECT_NE(x.find("<id>tag:dialog.example.se,2026:dialogd/dialogue/dlg-vard/document/report</id>"),
            std::string::npos);
  EXPECT_NE(x.find("<id>tag:dialog.example.se,2026:dialogd/dialogue/dlg-vard/feedback/fb-1</id>"),
            std::string::npos);
  EXPECT_NE(x.find("Dialogerna börjar i Kiruna &amp; Luleå."), std::string::npos);
  EXPECT_NE(x.find("<link rel=\"related\" href=\"https://www.norrbotten.example/rapport.pdf\"/>"),
            std::string::npos);
  EXPECT_NE(
      x.find("<title type=\"text\">Rapport till fullmäktige: Rapport: vården i hela länet</title>"),
      std::string::npos);
  // The feedback of 2027-11-24 is the newest entry.
  EXPECT_EQ(f.updated, "2027-11-24T07:00:00Z");
  EXPECT_LT(x.find("/feedback/fb-2</id>"), x.find("/document/decision</id>"));
  EXPECT_EQ(count(x,
                  "<link rel=\"alternate\" type=\"text/html\" "
                  "href=\"https://dialog.example.se/d/dlg-vard\"/>"),
            1u + s.transitions.size() + s.documents.size() + s.feedback.size());
}

TEST(CmsAtom, DialogueFeedInEnglishFallsBackToSwedishText) {
  const auto s = cms_fixture::make_sample();
  const auto x = atom::dialogue_feed(s.org, s.dialogues[0], s.transitions, s.documents, s.feedback,
                                     config, atom::Language::en)
                     .xml;
  EXPECT_NE(
      x.find(
          "<content type=\"text\">The report is ready. This is how your input was used.</content>"),
      std::string::npos);
  EXPECT_NE(x.find("<content type=\"text\" xml:lang=\"sv\">Fullmäktige har beslutat om "
                   "åtgärderna.</content>"),
            std::string::npos);
  EXPECT_NE(x.find("The dialogue is now: Preparing"), std::string::npos);
}

TEST(CmsAtom, CorrectedDocumentKeepsItsEntryId) {
  const auto s = cms_fixture::make_sample();
  auto docs = s.documents;
  const auto before = atom::dialogue_feed(s.org, s.dialogues[0], {}, docs, {}, config);
  docs[0].summary = "Rättad sammanfattning.";
  docs[0].written_at = "2027-12-01T08:00:00Z";
  const auto after = atom::dialogue_feed(s.org, s.dialogues[0], {}, docs, {}, config);
  EXPECT_EQ(count(after.xml, "/document/report</id>"), 1u);
  EXPECT_EQ(after.updated, "2027-12-01T08:00:00Z");
  EXPECT_NE(before.xml, after.xml);
  EXPECT_EQ(atom::document_entry_id(config, "dlg-vard", StageKind::report),
            "tag:dialog.example.se,2026:dialogd/dialogue/dlg-vard/document/report");
}

TEST(CmsAtom, EntriesOfOtherDialoguesAndUndatableEntriesAreLeftOut) {
  const auto s = cms_fixture::make_sample();
  auto ts = s.transitions;
  ts.push_back({"dlg-kultur", 1, "draft", "planned", "2027-03-02T08:00:00Z", std::nullopt});
  ts.push_back({"dlg-vard", 99, "draft", "planned", "not a date", std::nullopt});
  const auto x = atom::dialogue_feed(s.org, s.dialogues[0], ts, {}, {}, config).xml;
  EXPECT_EQ(count(x, "<entry>"), s.transitions.size());
  EXPECT_EQ(x.find("dlg-kultur"), std::string::npos);
}
