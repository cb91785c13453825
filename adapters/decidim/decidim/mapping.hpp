#pragma once
// Decidim structs -> dialogd's terms, and the create/update/unchanged plan for a page.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decidim/types.hpp"

namespace dialogd::decidim {

// Withdrawn meetings map to nothing (they did not take place).
std::optional<ImportedActivity> map_meeting(const DecidimMeeting& meeting);
// Withdrawn and hidden (moderated) proposals map to nothing. No author data is carried over.
std::optional<ImportedContribution> map_proposal(const DecidimProposal& proposal);

// "2025-03-04T19:22:10+01:00" -> "2025-03-04T18:22:10Z"; anything unparseable is returned as is.
std::string to_utc_rfc3339(std::string_view timestamp);

// Stable content hash (FNV-1a 64, hex) over every mapped field except the hash itself.
std::string content_hash(const ImportedActivity& activity);
std::string content_hash(const ImportedContribution& contribution);

enum class SyncAction { create, update, unchanged };
const char* to_string(SyncAction action);

struct PlannedItem {
  std::string external_id;
  SyncAction action = SyncAction::create;
  std::size_t index = 0;  // into the page's mapped items
};

// known: what dialogd already has, external_id -> content hash.
// Items with an external id seen earlier in the same list are dropped (offset paging may repeat).
std::vector<PlannedItem> plan_sync(const std::map<std::string, std::string>& known,
                                   const std::vector<ImportedActivity>& items);
std::vector<PlannedItem> plan_sync(const std::map<std::string, std::string>& known,
                                   const std::vector<ImportedContribution>& items);

}  // namespace dialogd::decidim
