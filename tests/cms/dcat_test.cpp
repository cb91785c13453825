#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "cms/dcat.hpp"
#include "fixture.hpp"

using namespace dialogd::cms;
namespace json = boost::json;

namespace {

dcat::Config config() {
  dcat::Config c;
  c.base_url = cms_fixture::base_url;
  c.contact_name = "Region Norrbotten, medborgardialog";
  c.contact_email = "medborgardialog@norrbotten.example";
  return c;
}

std::set<std::string> languages(const json::value& texts) {
  std::set<std::string> out;
  for (const auto& t : texts.as_array()) out.insert(std::string(t.at("@language").as_string()));
  return out;
}

}  // namespace

TEST(CmsDcat, CatalogueHasTheMandatoryProperties) {
  const auto s = cms_fixture::make_sample();
  const auto doc = json::parse(dcat::catalog_jsonld(s.org, config())).as_object();
  EXPECT_EQ(doc.at("@type"), "dcat:Catalog");
  EXPECT_EQ(doc.at("@id"),
            "https://dialog.example.se/open-data/organisations/org-norrbotten/catalog.jsonld");
  EXPECT_EQ(languages(doc.at("dcterms:title")), (std::set<std::string>{"sv", "en"}));
  EXPECT_EQ(languages(doc.at("dcterms:description")), (std::set<std::string>{"sv", "en"}));
  EXPECT_EQ(doc.at("dcterms:publisher").at("@type"), "foaf:Agent");
  EXPECT_EQ(doc.at("dcterms:publisher").at("foaf:name").as_array()[0].at("@value"),
            "Region Norrbotten");
  EXPECT_EQ(doc.at("dcterms:license").at("@id"),
            "http://creativecommons.org/publicdomain/zero/1.0/");
  const auto& datasets = doc.at("dcat:dataset").as_array();
  ASSERT_EQ(datasets.size(), 6u);
  std::set<std::string> urls;
  for (const auto& d : datasets) {
    EXPECT_EQ(d.at("@type"), "dcat:Dataset");
    EXPECT_EQ(languages(d.at("dcterms:title")), (std::set<std::string>{"sv", "en"}));
    EXPECT_EQ(languages(d.at("dcterms:description")), (std::set<std::string>{"sv", "en"}));
    EXPECT_EQ(d.at("dcterms:publisher").at("@id"), doc.at("dcterms:publisher").at("@id"));
    EXPECT_EQ(d.at("dcat:contactPoint").at("@type"), "vcard:Organization");
    EXPECT_EQ(d.at("dcat:contactPoint").at("vcard:hasEmail").at("@id"),
              "mailto:medborgardialog@norrbotten.example");
    EXPECT_EQ(d.at("dcterms:accrualPeriodicity").at("@id"),
              "http://publications.europa.eu/resource/authority/frequency/CONT");
    const auto& dists = d.at("dcat:distribution").as_array();
    ASSERT_EQ(dists.size(), 2u);
    for (const auto& x : dists) {
      EXPECT_EQ(x.at("@type"), "dcat:Distribution");
      EXPECT_EQ(x.at("dcat:accessURL"), x.at("dcat:downloadURL"));
      EXPECT_EQ(x.at("dcterms:license").at("@id"),
                "http://creativecommons.org/publicdomain/zero/1.0/");
      urls.insert(std::string(x.at("dcat:downloadURL").at("@id").as_string()));
    }
  }
  EXPECT_EQ(urls.size(), 12u);
  EXPECT_TRUE(urls.count(
      "https://dialog.example.se/open-data/organisations/org-norrbotten/contribution_counts.csv"));
}

TEST(CmsDcat, LicenceIsConfigurable) {
  const auto s = cms_fixture::make_sample();
  auto c = config();
  c.license = "https://creativecommons.org/licenses/by/4.0/";
  const auto doc = json::parse(dcat::catalog_jsonld(s.org, c)).as_object();
  EXPECT_EQ(doc.at("dcterms:license").at("@id"), json::value(c.license));
  EXPECT_EQ(doc.at("dcat:dataset")
                .as_array()[0]
                .at("dcat:distribution")
                .as_array()[0]
                .at("dcterms:license")
                .at("@id"),
            json::value(c.license));
}

TEST(CmsDcat, ContactPointFallsBackToTheOrganisationsSite) {
  auto s = cms_fixture::make_sample();
  dcat::Config c;
  c.base_url = cms_fixture::base_url;
  const auto doc = json::parse(dcat::catalog_jsonld(s.org, c)).as_object();
  const auto& cp = doc.at("dcat:dataset").as_array()[0].at("dcat:contactPoint");
  EXPECT_EQ(cp.at("vcard:fn"), "Region Norrbotten");
  EXPECT_EQ(cp.at("vcard:hasURL").at("@id"), "https://www.norrbotten.example");
}
