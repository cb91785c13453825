#pragma once
// Plain structs for what Decidim answers. No author names or other personal data are kept.

#include <optional>
#include <string>
#include <vector>

namespace dialogd::decidim {

struct Translated {
  std::string sv;
  std::string en;
};

struct DecidimStep {
  std::string id;
  std::string title;                      // picked by locale
  std::optional<std::string> start_date;  // YYYY-MM-DD (0.27 Date; 0.28+ DateTime cut to its date)
  std::optional<std::string> end_date;
  bool active = false;
};

struct DecidimComponent {
  std::string id;
  std::string type;  // __typename: Meetings, Proposals, Accountability, Pages, ...
  std::string name;
};

struct DecidimProcess {
  std::string id;
  std::string slug;
  Translated title;        // plain text
  Translated description;  // HTML reduced to text
  std::vector<DecidimStep> steps;
  std::vector<DecidimComponent> components;
};

enum class MeetingType { in_person, online, hybrid };
const char* to_string(MeetingType type);

struct DecidimMeeting {
  std::string id;
  std::string component_id;
  std::string title;
  std::string start_time;  // RFC 3339 with offset, as Decidim sends it
  std::string end_time;
  std::string address;
  std::string location;
  std::string municipality;  // derived from a Swedish postcode in the address, else empty
  MeetingType type = MeetingType::in_person;
  bool closed = false;
  bool withdrawn = false;
  std::string closing_report;  // plain text; empty unless closed and visible
  std::optional<int> attendees_count;
  std::string url;
};

struct DecidimProposal {
  std::string id;
  std::string component_id;
  std::string title;
  std::string body;                  // plain text
  std::string language;              // locale the title/body were picked from
  std::optional<std::string> state;  // null unless the answer is published or withdrawn
  bool withdrawn = false;
  bool hidden = false;
  std::string url;
  std::string published_at;
};

// An accountability result (to find what write-back should update, e.g. by external_id).
struct DecidimResult {
  std::string id;
  std::string external_id;
  Translated title;
  std::optional<std::string> start_date;  // YYYY-MM-DD
  std::optional<std::string> end_date;
  std::optional<double> progress;  // 0..100
  std::optional<std::string> parent_id;
  std::optional<std::string> status_id;
  std::string status_key;
};

struct PageInfo {
  bool has_next_page = false;
  std::optional<std::string> end_cursor;
};

template <typename T>
struct Page {
  std::vector<T> items;
  PageInfo page_info;
};

// --- dialogd's side -----------------------------------------------------------------------------

struct ImportedActivity {
  std::string external_id;  // "decidim:meeting:301"
  std::string external_url;
  std::string title;
  std::string date;  // YYYY-MM-DD (local date of the start)
  std::string start_time;
  std::string end_time;
  std::string place;
  std::string municipality;
  std::string format;  // online | in_person | hybrid
  std::string public_documentation;
  std::optional<int> participants;
  std::string content_hash;
  std::string component_id = {};  // the Meetings component (not part of the content hash)
};

struct ImportedContribution {
  std::string external_id;  // "decidim:proposal:4701"
  std::string external_url;
  std::string text;  // title + "\n\n" + body
  std::string channel = "decidim";
  std::string language;
  std::string created_at;
  std::string content_hash;
  std::string component_id = {};  // the Proposals component, for answering it (not hashed)
};

}  // namespace dialogd::decidim
