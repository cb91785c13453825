// The rules a contribution must meet, and receipt codes, as pure domain code.
#include <gtest/gtest.h>

#include "domain/contribution_rules.hpp"
#include "domain/receipt.hpp"

namespace dialogd::domain {
namespace {

TEST(ContributionRules, OnlyADialogueInDialogueReceivesContributions) {
  for (auto s : all_states) EXPECT_EQ(accepts_contributions(s), s == State::in_dialogue);
  EXPECT_TRUE(accepts_checkpoints(State::analysing));
  EXPECT_FALSE(accepts_checkpoints(State::reported));
}

TEST(ContributionRules, ConsentMustBeExplicit) {
  EXPECT_TRUE(consent_given(true));
  EXPECT_FALSE(consent_given(false));
  EXPECT_FALSE(consent_given(std::nullopt));
}

TEST(ContributionRules, AddressesAndLanguageTagsAreCheckedByShape) {
  EXPECT_TRUE(plausible_email("anna.nilsson@norrbotten.se"));
  for (auto bad : {"anna", "@x.se", "a@b", "a b@c.se", "a@@c.se", "a@c..se", "a@c.s"})
    EXPECT_FALSE(plausible_email(bad)) << bad;
  EXPECT_TRUE(language_tag("sv"));
  EXPECT_TRUE(language_tag("en-GB"));
  EXPECT_FALSE(language_tag("Svenska"));
  EXPECT_FALSE(language_tag("s"));
}

TEST(Receipts, TwelveSymbolsInThreeGroupsAndLookAlikesForgiven) {
  const std::string code = receipt_from_bits(0x0123456789ABCDEFULL);
  ASSERT_EQ(code.size(), 14u);
  EXPECT_EQ(code[4], '-');
  EXPECT_EQ(code[9], '-');
  EXPECT_EQ(normalize_receipt(code), code);
  std::string typed;
  for (char c : code)
    if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(normalize_receipt(typed), code);
  EXPECT_EQ(normalize_receipt("K7Q2-9XMD-4TPA"), "K7Q2-9XMD-4TPA");
  EXPECT_EQ(normalize_receipt("k7q2 9xmd 4tpa"), "K7Q2-9XMD-4TPA");
  EXPECT_EQ(normalize_receipt("O0I1-L000-0000"), "0011-1000-0000");
  EXPECT_EQ(normalize_receipt("K7Q2-9XMD-4TP"), "");
  EXPECT_EQ(normalize_receipt("K7Q2-9XMD-4TPU"), "");  // U is not a symbol
  EXPECT_EQ(normalize_receipt(std::string(10'000, 'A')), "");
}

}  // namespace
}  // namespace dialogd::domain
