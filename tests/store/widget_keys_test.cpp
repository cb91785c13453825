// Widget keys (migration 007): the role is accepted by the store, origins are kept per key, and
// origins are compared in one canonical form.
#include "store/key_origin_repository.hpp"
#include "store/key_repository.hpp"
#include "store_fixture.hpp"
#include "support/origin.hpp"

using namespace dialogd;
using dialogd::testing::StoreTest;

class WidgetKeys : public StoreTest {};
DIALOGD_STORES(WidgetKeys);

TEST_P(WidgetKeys, AWidgetKeyKeepsItsOrigins) {
  store::KeyRepository keys(conn());
  store::KeyOriginRepository origins(conn());
  const auto k = keys.create({"widget", "Regionens webbplats", "default", std::nullopt},
                             support::sha256_hex("w"), "2027-01-01T00:00:00Z");
  origins.add(k.id, "https://www.region.se");
  origins.add(k.id, "https://region.se");
  const auto found = keys.find_active(support::sha256_hex("w"), "2027-01-02T00:00:00Z");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->role, "widget");
  EXPECT_EQ(origins.list(k.id),
            (std::vector<std::string>{"https://region.se", "https://www.region.se"}));
  EXPECT_TRUE(origins.list("no-such-key").empty());
  EXPECT_THROW(origins.add(k.id, "https://region.se"), soci::soci_error) << "each origin once";
}

TEST_P(WidgetKeys, TheRoleCheckStillRefusesUnknownRoles) {
  store::KeyRepository keys(conn());
  EXPECT_THROW(keys.create({"wizard", "", "default", std::nullopt}, support::sha256_hex("x"),
                           "2027-01-01T00:00:00Z"),
               soci::soci_error);
}

TEST(Origins, AreNormalisedOrRefused) {
  using support::normalise_origin;
  EXPECT_EQ(normalise_origin("https://www.Example.se/"), "https://www.example.se");
  EXPECT_EQ(normalise_origin("https://www.example.se:443"), "https://www.example.se");
  EXPECT_EQ(normalise_origin("http://localhost:8080"), "http://localhost:8080");
  EXPECT_EQ(normalise_origin("http://127.0.0.1:80"), "http://127.0.0.1");
  EXPECT_FALSE(normalise_origin("null"));
  EXPECT_FALSE(normalise_origin("ftp://example.se"));
  EXPECT_FALSE(normalise_origin("https://example.se/page"));
  EXPECT_FALSE(normalise_origin("https://user@example.se"));
  EXPECT_FALSE(normalise_origin("https://example.se:99999"));
  EXPECT_FALSE(normalise_origin("https://"));
  EXPECT_FALSE(normalise_origin("https://.example.se"));
}
