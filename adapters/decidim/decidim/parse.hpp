#pragma once
// Decidim GraphQL answers ("data" objects) -> typed structs. Missing, null or wrong-typed
// fields where dialogd needs a value give a parse failure whose reason names the JSON path
// (e.g. "participatoryProcess.steps[2].title"); nothing here throws.

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decidim/result.hpp"
#include "decidim/types.hpp"

namespace dialogd::decidim {

struct ParseContext {
  std::string base_url;       // to build public URLs (0.27/0.28 have no url field)
  std::string process_slug;   // ditto
  std::string locale = "sv";  // preferred locale; then sv, en, any
};

struct PickedText {
  std::string text;
  std::string locale;
};

// Picks a TranslatedField's text: preferred locale, then sv, then en, then any non-blank.
// Accepts {translations:[...]} and {translation:"..."}; null/absent -> nullopt.
std::optional<PickedText> pick_translation(const boost::json::value* field,
                                           std::string_view preferred = "sv");

struct DecidimVersionInfo {
  std::optional<std::string> version;  // null from 0.29 unless disclosed
  std::string application_name;
};

Result<DecidimVersionInfo> parse_version(const boost::json::value& data);
// participatoryProcess null -> not_found failure.
Result<DecidimProcess> parse_process(const boost::json::value& data, const ParseContext& ctx);
// component null -> not_found failure.
Result<Page<DecidimMeeting>> parse_meetings_page(const boost::json::value& data,
                                                 const ParseContext& ctx);
Result<Page<DecidimProposal>> parse_proposals_page(const boost::json::value& data,
                                                   const ParseContext& ctx);

Result<Page<DecidimResult>> parse_results_page(const boost::json::value& data);

// "981 31 Kiruna" -> "Kiruna" (a Swedish postcode followed by the town), else "".
std::string municipality_from_address(std::string_view address);

}  // namespace dialogd::decidim
