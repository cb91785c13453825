// Writes every CMS rendering of the sample data (fixture.hpp) into a directory, for the Python
// checks of tests/steps/30-cms.sh:
//   cms_render_sample DIR
//   DIR/out/...        the renderings (feeds, open data, catalogue, oEmbed answers, discovery tag)
//   DIR/planted.txt    the private strings planted in the source records, one per line
//   DIR/manifest.json  what the checks expect (ids, counts, validators)
// Exits 1 if any planted string appears in any output.
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <span>

#include "cms/atom.hpp"
#include "cms/dcat.hpp"
#include "cms/http_cache.hpp"
#include "cms/oembed.hpp"
#include "cms/open_data.hpp"
#include "fixture.hpp"

namespace fs = std::filesystem;
using namespace dialogd::cms;

namespace {

void write(const fs::path& p, std::string_view content) {
  std::ofstream f(p, std::ios::binary);
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!f) throw std::runtime_error("cannot write " + p.string());
}

template <class T>
void write_resource(const fs::path& dir, open_data::Resource r, const std::vector<T>& items) {
  for (auto f : {open_data::Format::json, open_data::Format::csv}) {
    // Streamed in small chunks, appended to the file as they come.
    std::ofstream out(dir / open_data::file_name(r, f), std::ios::binary);
    open_data::ResourceStream s(
        r, f,
        [&](std::string_view chunk) {
          out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        },
        64);
    for (const auto& item : items) s.add(item);
    s.finish();
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: cms_render_sample DIR\n";
    return 2;
  }
  const fs::path dir = argv[1];
  const fs::path out = dir / "out";
  fs::create_directories(out / "open-data");
  const auto s = cms_fixture::make_sample();
  const std::string base = cms_fixture::base_url;
  boost::json::object manifest;
  manifest["base_url"] = base;
  manifest["organisation_id"] = s.org.id;

  // Atom.
  atom::Config ac{base};
  boost::json::object feeds;
  for (auto lang : {atom::Language::sv, atom::Language::en}) {
    const std::string l = lang == atom::Language::en ? "en" : "sv";
    const auto org_feed = atom::organisation_feed(s.org, s.dialogues, ac, lang);
    const auto dlg_feed = atom::dialogue_feed(s.org, s.dialogues[0], s.transitions, s.documents,
                                              s.feedback, ac, lang);
    write(out / ("organisation." + l + ".atom"), org_feed.xml);
    write(out / ("dialogue." + l + ".atom"), dlg_feed.xml);
    for (const auto& [name, feed] :
         {std::pair{"organisation." + l, &org_feed}, std::pair{"dialogue." + l, &dlg_feed}}) {
      const auto v = validators(feed->xml, feed->updated);
      feeds[name] = {
          {"updated", feed->updated}, {"etag", v.etag}, {"last_modified", v.last_modified}};
    }
  }
  manifest["feeds"] = feeds;
  manifest["dialogue_entries"] = s.transitions.size() + s.documents.size() + s.feedback.size();
  manifest["dialogue_id"] = s.dialogues[0].id;

  // Open data.
  const fs::path od = out / "open-data";
  write_resource(od, open_data::Resource::dialogues, s.dialogues);
  write_resource(od, open_data::Resource::activities, s.activities);
  write_resource(od, open_data::Resource::needs, s.needs);
  write_resource(od, open_data::Resource::measures, s.measures);
  write_resource(od, open_data::Resource::feedback, s.feedback);
  write_resource(od, open_data::Resource::contribution_counts, s.counts);
  boost::json::object columns;
  for (auto r : open_data::all_resources) {
    boost::json::array names;
    for (const auto& c : open_data::columns(r)) names.emplace_back(c.name);
    columns[open_data::to_string(r)] = names;
  }
  manifest["columns"] = columns;

  // DCAT-AP-SE.
  dcat::Config dc;
  dc.base_url = base;
  dc.contact_name = "Region Norrbotten, medborgardialog";
  dc.contact_email = "medborgardialog@norrbotten.example";
  dc.modified = s.dialogues[0].updated_at;
  write(od / "catalog.jsonld", dcat::catalog_jsonld(s.org, dc));
  manifest["catalog_url"] = dcat::catalog_url(dc, s.org.id);

  // oEmbed.
  const auto lookup = [&](std::string_view id) -> std::optional<std::string> {
    for (const auto& d : s.dialogues)
      if (d.id == id) return d.title;
    return std::nullopt;
  };
  oembed::Config oc;
  oc.base_url = base;
  const auto page =
      oembed::resolve({s.dialogues[0].public_url, std::nullopt, std::nullopt, "json"}, oc, lookup);
  write(out / "oembed.page.json", page.body);
  const auto ladder = oembed::resolve(
      {base + "/embed/ladder/" + s.dialogues[0].id, "300", "200", std::nullopt}, oc, lookup);
  write(out / "oembed.ladder.json", ladder.body);
  manifest["oembed"] = {{"oembed.page.json", {{"maxwidth", nullptr}, {"maxheight", nullptr}}},
                        {"oembed.ladder.json", {{"maxwidth", 300}, {"maxheight", 200}}}};
  write(out / "discovery.html",
        "<!doctype html><html><head>" +
            oembed::discovery_link(base, s.dialogues[0].public_url, s.dialogues[0].title) +
            "</head><body></body></html>\n");

  write(dir / "manifest.json", boost::json::serialize(manifest));
  std::string planted;
  for (const auto& p : cms_fixture::planted) planted += p + "\n";
  write(dir / "planted.txt", planted);

  // The privacy sweep, here too: no planted string in any byte written under out/.
  int leaks = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream f(entry.path(), std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(f)), {});
    for (const auto& p : cms_fixture::planted)
      if (content.find(p) != std::string::npos) {
        std::cerr << "LEAK: " << p << " in " << entry.path() << "\n";
        ++leaks;
      }
  }
  std::cout << "cms_render_sample: wrote " << dir << (leaks ? ", with leaks" : ", no leaks")
            << "\n";
  return leaks ? 1 : 0;
}
