#pragma once
// GraphQL documents dialogd sends (valid on Decidim 0.27 and 0.28; see docs/decidim.md).

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace dialogd::decidim::queries {

inline constexpr int kMaxPageSize = 50;  // Decidim clamps `first` to 50

extern const std::string_view kVersion;        // operation DecidimVersion
extern const std::string_view kProcess;        // operation ProcessWithStepsAndComponents
extern const std::string_view kMeetingsPage;   // operation MeetingsPage
extern const std::string_view kProposalsPage;  // operation ProposalsPage
extern const std::string_view kResultsPage;    // operation ResultsPage

boost::json::object process_variables(std::string_view process_id);
// first is clamped to 1..50; after null on the first page.
boost::json::object page_variables(std::string_view component_id, int first,
                                   const std::optional<std::string>& after);

}  // namespace dialogd::decidim::queries
