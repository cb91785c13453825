// Fuzz target: the Decidim adapter's input parsers, which read whatever a Decidim instance (or
// anything at its address) answers. The first byte picks the parser (version, process, meetings
// page, proposals page, results page); the rest is the answer's "data" JSON. What parses is then
// mapped to dialogd's activities and contributions. Invariants: nothing throws (the parsers report
// bad shapes as failures), and bytes that are not JSON go through the HTML-to-text reducer (whose
// answer stays within its cap) and the address reader without harm.
#include <boost/json/parse.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "decidim/html_to_text.hpp"
#include "decidim/mapping.hpp"
#include "decidim/parse.hpp"

using namespace dialogd::decidim;

namespace {

void map_all(const Result<Page<DecidimMeeting>>& page) {
  if (!page) return;
  for (const auto& m : page->items) (void)map_meeting(m);
}

void map_all(const Result<Page<DecidimProposal>>& page) {
  if (!page) return;
  for (const auto& p : page->items) (void)map_proposal(p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  boost::system::error_code ec;
  const boost::json::value doc = boost::json::parse(rest, ec);
  if (ec) {
    if (html_to_text(rest, 512).size() > 512) std::abort();
    (void)municipality_from_address(rest);
    return 0;
  }
  const ParseContext ctx{"https://decidim.example.se", "framtidens-vard", "sv"};
  switch (data[0] % 5) {
    case 0:
      (void)parse_version(doc);
      break;
    case 1:
      (void)parse_process(doc, ctx);
      break;
    case 2:
      map_all(parse_meetings_page(doc, ctx));
      break;
    case 3:
      map_all(parse_proposals_page(doc, ctx));
      break;
    default:
      (void)parse_results_page(doc);
      break;
  }
  return 0;
}
