#include <gtest/gtest.h>

#include "cms/http_cache.hpp"
#include "cms/text.hpp"

using namespace dialogd::cms;

TEST(CmsText, XmlEscapeEscapesMarkupAndDropsForbiddenControls) {
  EXPECT_EQ(text::xml_escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  EXPECT_EQ(text::xml_escape(std::string("x\x01y\x1Fz\tw\n", 8)), "xyz\tw\n");
  EXPECT_EQ(text::xml_escape("Hälsa & vård"), "Hälsa &amp; vård");
}

TEST(CmsText, ValidUtf8ReplacesMalformedBytes) {
  EXPECT_EQ(text::valid_utf8("åäö"), "åäö");
  EXPECT_EQ(text::valid_utf8("a\xC3"), "a\xEF\xBF\xBD");                                // truncated
  EXPECT_EQ(text::valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong
  EXPECT_EQ(text::valid_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(text::valid_utf8("😀"), "😀");
}

TEST(CmsText, PercentEncodingRoundTrips) {
  const std::string url = "https://dialog.example.se/d/abc?x=1&y=å";
  const auto enc = text::percent_encode(url);
  EXPECT_EQ(enc, "https%3A%2F%2Fdialog.example.se%2Fd%2Fabc%3Fx%3D1%26y%3D%C3%A5");
  EXPECT_EQ(text::percent_decode(enc, false), url);
  EXPECT_EQ(text::percent_decode("a+b", true), "a b");
  EXPECT_FALSE(text::percent_decode("%4", false));
  EXPECT_FALSE(text::percent_decode("%zz", false));
}

TEST(CmsText, Rfc3339AndHttpDates) {
  EXPECT_EQ(text::parse_rfc3339("1994-11-06T08:49:37Z"), 784111777);
  EXPECT_EQ(text::parse_rfc3339("1994-11-06T09:49:37.123+01:00"), 784111777);
  EXPECT_EQ(text::http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(text::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(text::rfc3339_seconds(784111777), "1994-11-06T08:49:37Z");
  EXPECT_EQ(text::http_date(*text::parse_rfc3339("2028-02-29T23:59:59Z")),
            "Tue, 29 Feb 2028 23:59:59 GMT");
  EXPECT_FALSE(text::parse_rfc3339("2027-02-29T00:00:00Z"));
  EXPECT_FALSE(text::parse_rfc3339("2027-01-15"));
  EXPECT_FALSE(text::parse_rfc3339("2027-01-15T10:00:00"));
  EXPECT_FALSE(text::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"));
}

TEST(CmsText, UrlHost) {
  EXPECT_EQ(text::url_host("https://Dialog.Example.SE:8443/x"), "dialog.example.se");
  EXPECT_EQ(text::url_host("http://user@host.se"), "host.se");
  EXPECT_EQ(text::url_host("not a url"), "");
}

TEST(CmsHttpCache, EtagIsStableAndFollowsTheBytes) {
  const auto a = validators("<feed/>", "2027-01-15T09:30:00.500Z");
  EXPECT_EQ(a.etag, validators("<feed/>", "2027-01-15T09:30:00.500Z").etag);
  EXPECT_NE(a.etag, validators("<feed />", "2027-01-15T09:30:00.500Z").etag);
  EXPECT_EQ(a.etag.front(), '"');
  EXPECT_EQ(a.etag.back(), '"');
  EXPECT_EQ(a.last_modified, "Fri, 15 Jan 2027 09:30:00 GMT");
  EXPECT_EQ(validators("x", "garbage").last_modified, "");
}

TEST(CmsHttpCache, ConditionalGet) {
  const auto v = validators("<feed/>", "2027-01-15T09:30:00Z");
  EXPECT_TRUE(not_modified(v, v.etag, std::nullopt));
  EXPECT_TRUE(not_modified(v, "W/" + v.etag, std::nullopt));  // weak comparison
  EXPECT_TRUE(not_modified(v, "\"other\", " + v.etag, std::nullopt));
  EXPECT_TRUE(not_modified(v, "*", std::nullopt));
  EXPECT_FALSE(not_modified(v, "\"other\"", std::nullopt));
  // If-None-Match wins over If-Modified-Since.
  EXPECT_FALSE(not_modified(v, "\"other\"", "Fri, 15 Jan 2027 09:30:00 GMT"));
  EXPECT_TRUE(not_modified(v, std::nullopt, "Fri, 15 Jan 2027 09:30:00 GMT"));
  EXPECT_TRUE(not_modified(v, std::nullopt, "Sat, 16 Jan 2027 00:00:00 GMT"));
  EXPECT_FALSE(not_modified(v, std::nullopt, "Fri, 15 Jan 2027 09:29:59 GMT"));
  EXPECT_FALSE(not_modified(v, std::nullopt, "yesterday"));
  EXPECT_FALSE(not_modified(v, std::nullopt, std::nullopt));
}
