// Privacy by construction, checked: the source records carry planted private strings in every
// private field; the public structs have no such fields; every byte the adapter renders from them
// is swept for the planted strings.
#include <gtest/gtest.h>

#include "cms/atom.hpp"
#include "cms/dcat.hpp"
#include "cms/oembed.hpp"
#include "cms/open_data.hpp"
#include "fixture.hpp"

using namespace dialogd::cms;

namespace {

template <class T>
void add_both(std::vector<std::string>& out, open_data::Resource r, const std::vector<T>& items) {
  for (auto f : {open_data::Format::json, open_data::Format::csv})
    out.push_back(open_data::render<T>(r, f, std::span<const T>(items)));
}

}  // namespace

TEST(CmsPrivacy, NoPlantedStringInAnyOutput) {
  const auto s = cms_fixture::make_sample();
  std::vector<std::string> outputs;
  const atom::Config ac{cms_fixture::base_url};
  for (auto lang : {atom::Language::sv, atom::Language::en}) {
    outputs.push_back(atom::organisation_feed(s.org, s.dialogues, ac, lang).xml);
    for (const auto& d : s.dialogues)
      outputs.push_back(
          atom::dialogue_feed(s.org, d, s.transitions, s.documents, s.feedback, ac, lang).xml);
  }
  add_both(outputs, open_data::Resource::dialogues, s.dialogues);
  add_both(outputs, open_data::Resource::activities, s.activities);
  add_both(outputs, open_data::Resource::needs, s.needs);
  add_both(outputs, open_data::Resource::measures, s.measures);
  add_both(outputs, open_data::Resource::feedback, s.feedback);
  add_both(outputs, open_data::Resource::contribution_counts, s.counts);
  dcat::Config dc;
  dc.base_url = cms_fixture::base_url;
  outputs.push_back(dcat::catalog_jsonld(s.org, dc));
  oembed::Config oc;
  oc.base_url = cms_fixture::base_url;
  for (const auto& d : s.dialogues) {
    const auto r =
        oembed::resolve({d.public_url, {}, {}, {}}, oc, [&](std::string_view) { return d.title; });
    ASSERT_EQ(r.status, 200);
    outputs.push_back(r.body);
    outputs.push_back(oembed::discovery_link(cms_fixture::base_url, d.public_url, d.title));
  }
  ASSERT_GT(outputs.size(), 20u);
  for (const auto& out : outputs)
    for (const auto& p : cms_fixture::planted)
      EXPECT_EQ(out.find(p), std::string::npos) << "planted \"" << p << "\" leaked";
}

TEST(CmsPrivacy, TheSweepWouldCatchALeak) {
  // The public fields do reach the output: plant a string in one and the sweep finds it.
  auto s = cms_fixture::make_sample();
  s.activities[0].documentation = "leak: " + cms_fixture::planted[0];
  const auto csv =
      open_data::render<PublicActivity>(open_data::Resource::activities, open_data::Format::csv,
                                        std::span<const PublicActivity>(s.activities));
  EXPECT_NE(csv.find(cms_fixture::planted[0]), std::string::npos);
}

TEST(CmsPrivacy, MappingCopiesOnlyPublicFields) {
  InternalActivity a;
  a.id = "a";
  a.dialogue_id = "d";
  a.method = "focus_group";
  a.held_on = "2027-01-01";
  a.updated_at = "2027-01-01T00:00:00Z";
  a.documentation_public = "public part";
  a.documentation_internal = "INTERNAL";
  a.members_present = {"Member"};
  const auto p = to_public(a);
  EXPECT_EQ(p.documentation, "public part");
  EXPECT_EQ(p.title, "Fokusgrupp");
  InternalNeed n{"n", "d", "t", "c", "u", std::nullopt, {"c1", "c2", "c3"}};
  EXPECT_EQ(to_public(n).contribution_count, 3);
}
