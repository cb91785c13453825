#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "cms/oembed.hpp"

using namespace dialogd::cms;
namespace json = boost::json;

namespace {

const std::string base = "https://dialog.example.se";

std::optional<std::string> lookup(std::string_view id) {
  if (id == "pub1") return std::string("Vård & \"trafik\" <i länet>");
  return std::nullopt;  // unknown or not public
}

oembed::Result get(std::optional<std::string> url, std::optional<std::string> maxwidth = {},
                   std::optional<std::string> maxheight = {},
                   std::optional<std::string> format = {}) {
  oembed::Config c;
  c.base_url = base;
  return oembed::resolve({url, maxwidth, maxheight, format}, c, lookup);
}

json::object body(const oembed::Result& r) {
  return json::parse(r.body).as_object();
}

}  // namespace

TEST(CmsOembed, PublicPageGivesARichIframeEmbed) {
  const auto r = get(base + "/d/pub1");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json");
  const auto o = body(r);
  EXPECT_EQ(o.at("version"), "1.0");
  EXPECT_EQ(o.at("type"), "rich");
  EXPECT_EQ(o.at("provider_name"), "dialogd");
  EXPECT_EQ(o.at("provider_url"), json::value(base));
  EXPECT_EQ(o.at("title"), "Vård & \"trafik\" <i länet>");
  EXPECT_EQ(o.at("width"), 600);
  EXPECT_EQ(o.at("height"), 400);
  EXPECT_EQ(o.at("cache_age"), 3600);
  const std::string html(o.at("html").as_string());
  EXPECT_EQ(html.rfind("<iframe src=\"https://dialog.example.se/embed/status/pub1\"", 0), 0u);
  EXPECT_NE(html.find("width=\"600\" height=\"400\""), std::string::npos);
  EXPECT_NE(html.find("title=\"Dialogens läge: Vård &amp; &quot;trafik&quot; &lt;i länet&gt;\""),
            std::string::npos);
  EXPECT_EQ(html.find("<i "), std::string::npos);
}

TEST(CmsOembed, EveryWidgetIsRecognised) {
  for (auto w : oembed::widgets) {
    const auto r = get(base + "/embed/" + std::string(w) + "/pub1");
    ASSERT_EQ(r.status, 200) << w;
    const auto o = body(r);
    const auto size = oembed::default_size(w);
    ASSERT_TRUE(size);
    EXPECT_EQ(o.at("width"), size->width);
    EXPECT_EQ(o.at("height"), size->height);
    EXPECT_NE(std::string(o.at("html").as_string()).find("/embed/" + std::string(w) + "/pub1"),
              std::string::npos);
  }
  EXPECT_EQ(get(base + "/embed/unknown/pub1").status, 404);
}

TEST(CmsOembed, MaxSizesAreHonouredAndNeverExceeded) {
  auto o = body(get(base + "/d/pub1", "300", "1000"));
  EXPECT_EQ(o.at("width"), 300);
  EXPECT_EQ(o.at("height"), 400);  // default is below the max: not stretched
  o = body(get(base + "/embed/contribute/pub1", "2000", "100"));
  EXPECT_EQ(o.at("width"), 600);
  EXPECT_EQ(o.at("height"), 100);
  EXPECT_NE(std::string(o.at("html").as_string()).find("width=\"600\" height=\"100\""),
            std::string::npos);
  EXPECT_EQ(get(base + "/d/pub1", "0").status, 400);
  EXPECT_EQ(get(base + "/d/pub1", "wide").status, 400);
  EXPECT_EQ(get(base + "/d/pub1", std::nullopt, "-5").status, 400);
}

TEST(CmsOembed, UrlVariantsOfOurPages) {
  EXPECT_EQ(get(base + "/d/pub1/").status, 200);
  EXPECT_EQ(get(base + "/d/pub1?utm=x#top").status, 200);
  EXPECT_EQ(get("HTTPS://Dialog.Example.SE/d/pub1").status, 200);
  EXPECT_EQ(get("http://dialog.example.se/d/pub1").status, 200);  // the iframe stays https
  EXPECT_NE(
      body(get("http://dialog.example.se/d/pub1")).at("html").as_string().find("src=\"https://"),
      std::string::npos);
  EXPECT_EQ(get("ftp://dialog.example.se/d/pub1").status, 404);
  EXPECT_EQ(get("//dialog.example.se/d/pub1").status, 404);
  EXPECT_EQ(get("https%3A%2F%2Fdialog.example.se%2Fd%2Fpub1").status, 200);  // still encoded
}

TEST(CmsOembed, ErrorsFollowTheSpec) {
  auto r = get(std::nullopt);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_EQ(body(r).at("errors").as_array().at(0).at("field"), "url");
  EXPECT_EQ(get("").status, 400);
  EXPECT_EQ(get(base + "/d/pub1", {}, {}, "xml").status, 501);
  EXPECT_EQ(get(base + "/d/pub1", {}, {}, "yaml").status, 501);
  EXPECT_EQ(get(base + "/d/pub1", {}, {}, "json").status, 200);
  EXPECT_EQ(get("https://evil.example/d/pub1").status, 404);  // not ours
  EXPECT_EQ(get("https://dialog.example.se.evil.example/d/pub1").status, 404);
  EXPECT_EQ(get(base + "/d/secret").status, 404);           // not public
  EXPECT_EQ(get(base + "/v1/dialogues/pub1").status, 404);  // not a page
  EXPECT_EQ(get(base + "/d/pub1/extra").status, 404);
  EXPECT_EQ(get(base + "/d/..%2Fx").status, 404);
  EXPECT_EQ(body(get(base + "/d/secret")).at("status"), 404);
}

TEST(CmsOembed, BriefSignature) {
  const auto r =
      oembed::resolve(base + "/embed/ladder/pub1", base, 320, std::nullopt, "json", lookup);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(body(r).at("width"), 320);
  EXPECT_EQ(oembed::resolve(base + "/d/pub1", base, {}, {}, "xml", lookup).status, 501);
}

TEST(CmsOembed, DiscoveryLink) {
  const auto tag = oembed::discovery_link(base + "/", base + "/d/pub1", "A \"quoted\" <title>");
  EXPECT_EQ(tag,
            "<link rel=\"alternate\" type=\"application/json+oembed\" "
            "href=\"https://dialog.example.se/oembed?url=https%3A%2F%2Fdialog.example.se%2Fd%2Fpub1"
            "&amp;format=json\" title=\"A &quot;quoted&quot; &lt;title&gt;\">");
}
