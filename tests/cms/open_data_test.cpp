#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "cms/open_data.hpp"
#include "fixture.hpp"

using namespace dialogd::cms;
using namespace dialogd::cms::open_data;

namespace {

template <class T>
std::string whole(Resource r, Format f, const std::vector<T>& items) {
  return render<T>(r, f, std::span<const T>(items));
}

}  // namespace

TEST(CmsOpenData, EveryRowMatchesItsColumns) {
  const auto s = cms_fixture::make_sample();
  EXPECT_EQ(to_row(s.dialogues[0]).size(), columns(Resource::dialogues).size());
  EXPECT_EQ(to_row(s.activities[0]).size(), columns(Resource::activities).size());
  EXPECT_EQ(to_row(s.needs[0]).size(), columns(Resource::needs).size());
  EXPECT_EQ(to_row(s.measures[0]).size(), columns(Resource::measures).size());
  EXPECT_EQ(to_row(s.feedback[0]).size(), columns(Resource::feedback).size());
  EXPECT_EQ(to_row(s.counts[0]).size(), columns(Resource::contribution_counts).size());
}

TEST(CmsOpenData, ColumnOrderIsStable) {
  // Published in docs/cms.md: changing this order breaks every reuser's import.
  std::string names;
  for (const auto& c : columns(Resource::activities)) names += std::string(c.name) + ",";
  EXPECT_EQ(names,
            "id,dialogue_id,title,held_on,place,municipality,method,participants,documentation,"
            "updated_at,");
  names.clear();
  for (const auto& c : columns(Resource::contribution_counts)) names += std::string(c.name) + ",";
  EXPECT_EQ(names, "dialogue_id,dimension,key,count,");
}

TEST(CmsOpenData, CsvFollowsRfc4180) {
  const auto s = cms_fixture::make_sample();
  const auto csv = whole(Resource::activities, Format::csv, s.activities);
  EXPECT_EQ(csv.rfind("id,dialogue_id,title,held_on,place,municipality,method,participants,"
                      "documentation,updated_at\r\n",
                      0),
            0u);
  // Comma in a field, quotes doubled, CRLF inside a quoted field, null as empty field.
  EXPECT_NE(csv.find("act-1,dlg-vard,\"Dialogkafé, Folkets hus, Luleå\",2027-03-14,\"Folkets hus, "
                     "Luleå\",Luleå,dialogue_cafe,34,\"Vi pratade om resor till vården.\r\nMånga "
                     "nämnde \"\"buss 21\"\".\",2027-03-15T10:00:00Z\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("act-2,dlg-vard,Enkät,2027-04-01,,,survey,,,2027-04-02T10:00:00Z\r\n"),
            std::string::npos);
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  // Every line break outside quoted fields is CRLF.
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '"') quoted = !quoted;
    if (csv[i] == '\n' && !quoted) {
      EXPECT_EQ(csv[i - 1], '\r') << i;
    }
  }
}

TEST(CmsOpenData, NumbersAreWrittenTheShortestWay) {
  const auto s = cms_fixture::make_sample();
  for (auto f : {Format::csv, Format::json}) {
    const auto out = whole(Resource::dialogues, f, s.dialogues);
    EXPECT_NE(out.find(":0.12}"), std::string::npos) << out;
    EXPECT_EQ(out.find("E-1"), std::string::npos);
  }
}

TEST(CmsOpenData, CsvListCellsAreJson) {
  const auto s = cms_fixture::make_sample();
  const auto csv = whole(Resource::dialogues, Format::csv, s.dialogues);
  EXPECT_NE(csv.find("\"[\"\"Tillgänglighet till vård\"\",\"\"Kollektivtrafik, till "
                     "vårdcentralen\"\"]\""),
            std::string::npos);
}

TEST(CmsOpenData, JsonIsTypedAndInColumnOrder) {
  const auto s = cms_fixture::make_sample();
  const auto text = whole(Resource::measures, Format::json, s.measures);
  const auto doc = boost::json::parse(text).as_object();
  EXPECT_EQ(doc.at("resource"), "measures");
  const auto& items = doc.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  const auto& m1 = items[0].as_object();
  EXPECT_EQ(m1.at("progress"), 40);
  EXPECT_EQ(m1.at("status"), "in_progress");
  EXPECT_TRUE(items[1].as_object().at("status").is_null());
  std::size_t i = 0;
  for (const auto& kv : m1) EXPECT_EQ(kv.key(), columns(Resource::measures)[i++].name);
  const auto dialogues =
      boost::json::parse(whole(Resource::dialogues, Format::json, s.dialogues)).as_object();
  const auto& groups = dialogues.at("items").as_array()[0].at("target_groups").as_array();
  EXPECT_EQ(groups.size(), 3u);
  EXPECT_DOUBLE_EQ(groups[0].at("expected_share").as_double(), 0.12);
  EXPECT_TRUE(groups[2].at("expected_share").is_null());
}

TEST(CmsOpenData, EmptySetsAreValid) {
  const std::vector<PublicNeed> none;
  EXPECT_EQ(whole(Resource::needs, Format::csv, none),
            "id,dialogue_id,title,description,contribution_count,created_at,updated_at\r\n");
  const auto doc = boost::json::parse(whole(Resource::needs, Format::json, none)).as_object();
  EXPECT_TRUE(doc.at("items").as_array().empty());
}

TEST(CmsOpenData, StreamsInChunks) {
  const auto s = cms_fixture::make_sample();
  std::vector<PublicActivity> many;
  for (int i = 0; i < 500; ++i) many.push_back(s.activities[i % 2]);
  for (auto f : {Format::csv, Format::json}) {
    std::size_t chunks = 0, biggest = 0;
    std::string joined;
    ResourceStream out(
        Resource::activities, f,
        [&](std::string_view c) {
          ++chunks;
          biggest = std::max(biggest, c.size());
          joined.append(c);
        },
        1024);
    for (const auto& a : many) out.add(a);
    EXPECT_GT(chunks, 10u);  // handed on as it goes, not at the end
    out.finish();
    EXPECT_LT(biggest, 2048u);
    EXPECT_EQ(joined, whole(Resource::activities, f, many));
  }
}

TEST(CmsOpenData, WrongResourceIsRefused) {
  const auto s = cms_fixture::make_sample();
  ResourceStream out(Resource::needs, Format::csv, [](std::string_view) {});
  EXPECT_THROW(out.add(s.activities[0]), std::logic_error);
  out.add(s.needs[0]);
  out.finish();
  EXPECT_THROW(out.add(s.needs[0]), std::logic_error);
}

TEST(CmsOpenData, NamesAndTypes) {
  EXPECT_EQ(parse_resource("contribution_counts"), Resource::contribution_counts);
  EXPECT_FALSE(parse_resource("contributions"));
  EXPECT_EQ(parse_format("csv"), Format::csv);
  EXPECT_FALSE(parse_format("xlsx"));
  EXPECT_EQ(file_name(Resource::feedback, Format::json), "feedback.json");
  EXPECT_EQ(media_type(Format::csv), "text/csv; charset=utf-8");
}

TEST(CmsOpenData, ContributionCountsDeduplicateAndSuppress) {
  const auto s = cms_fixture::make_sample();
  // c-2 lists "aldre" twice: counted once.
  bool found = false;
  for (const auto& c : s.counts)
    if (c.dialogue_id == "dlg-vard" && c.dimension == CountDimension::group && c.key == "aldre") {
      EXPECT_EQ(c.count, 1);
      found = true;
    }
  EXPECT_TRUE(found);
  const std::vector<InternalContribution> cs{
      {"a", "d", "web", {}, {}, "t", "r", std::nullopt, std::nullopt},
      {"b", "d", "web", {}, {}, "t", "r", std::nullopt, std::nullopt},
      {"c", "d", "email", {}, {}, "t", "r", std::nullopt, std::nullopt}};
  const auto counts = count_contributions(cs, 2);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].key, "web");
  EXPECT_EQ(counts[0].count, 2);
}

TEST(CmsOpenData, DocsListEveryColumnInOrder) {
  std::ifstream f(std::string(DIALOGD_SOURCE_DIR) + "/docs/cms.md");
  ASSERT_TRUE(f) << "docs/cms.md not found";
  std::stringstream doc;
  doc << f.rdbuf();
  for (auto r : all_resources) {
    std::string order = "Column order: `";
    bool first = true;
    for (const auto& c : columns(r)) {
      order += (first ? "" : ",") + std::string(c.name);
      first = false;
    }
    order += "`";
    EXPECT_NE(doc.str().find(order), std::string::npos) << "docs/cms.md lacks " << order;
  }
}
