#include "decidim/mapping.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <set>

namespace dialogd::decidim {
namespace {

struct Fnv {
  std::uint64_t h = 1469598103934665603ull;
  void add(std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0x1F;  // field separator
    h *= 1099511628211ull;
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
  }
};

template <typename T>
std::vector<PlannedItem> plan(const std::map<std::string, std::string>& known,
                              const std::vector<T>& items) {
  std::vector<PlannedItem> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (!seen.insert(item.external_id).second) continue;
    auto it = known.find(item.external_id);
    SyncAction action = it == known.end()                 ? SyncAction::create
                        : it->second == item.content_hash ? SyncAction::unchanged
                                                          : SyncAction::update;
    out.push_back({item.external_id, action, i});
  }
  return out;
}

}  // namespace

std::string to_utc_rfc3339(std::string_view t) {
  int y, mo, d, h, mi, s, oh = 0, om = 0;
  char sign = 'Z';
  std::string v(t);
  if (v.size() < 19 ||
      std::sscanf(v.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return v;
  std::size_t rest = 19;
  if (rest < v.size() && v[rest] == '.') {  // fractions: dropped
    ++rest;
    while (rest < v.size() && std::isdigit(static_cast<unsigned char>(v[rest]))) ++rest;
  }
  if (rest < v.size() && (v[rest] == '+' || v[rest] == '-')) {
    sign = v[rest];
    if (std::sscanf(v.c_str() + rest + 1, "%2d:%2d", &oh, &om) != 2) return v;
  } else if (rest >= v.size() || (v[rest] != 'Z' && v[rest] != 'z')) {
    return v;
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  std::time_t epoch = timegm(&tm);
  long offset = (oh * 3600L + om * 60L) * (sign == '-' ? -1 : sign == '+' ? 1 : 0);
  epoch -= offset;
  std::tm utc{};
  gmtime_r(&epoch, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

const char* to_string(SyncAction action) {
  switch (action) {
    case SyncAction::create:
      return "create";
    case SyncAction::update:
      return "update";
    case SyncAction::unchanged:
      return "unchanged";
  }
  return "unchanged";
}

std::string content_hash(const ImportedActivity& a) {
  Fnv f;
  for (std::string_view s :
       {std::string_view(a.external_id), std::string_view(a.external_url),
        std::string_view(a.title), std::string_view(a.date), std::string_view(a.start_time),
        std::string_view(a.end_time), std::string_view(a.place), std::string_view(a.municipality),
        std::string_view(a.format), std::string_view(a.public_documentation)})
    f.add(s);
  f.add(a.participants ? std::to_string(*a.participants) : "-");
  return f.hex();
}

std::string content_hash(const ImportedContribution& c) {
  Fnv f;
  for (const std::string* s :
       {&c.external_id, &c.external_url, &c.text, &c.channel, &c.language, &c.created_at})
    f.add(*s);
  return f.hex();
}

std::optional<ImportedActivity> map_meeting(const DecidimMeeting& m) {
  if (m.withdrawn) return std::nullopt;
  ImportedActivity a;
  a.external_id = "decidim:meeting:" + m.id;
  a.component_id = m.component_id;
  a.external_url = m.url;
  a.title = m.title;
  a.date = m.start_time.substr(0, 10);  // the local date Decidim rendered
  a.start_time = to_utc_rfc3339(m.start_time);
  a.end_time = to_utc_rfc3339(m.end_time);
  if (!m.location.empty() && !m.address.empty())
    a.place = m.location + ", " + m.address;
  else
    a.place = m.location.empty() ? m.address : m.location;
  a.municipality = m.municipality;
  a.format = to_string(m.type);
  if (m.closed) {
    a.public_documentation = m.closing_report;
    a.participants = m.attendees_count;
  }
  a.content_hash = content_hash(a);
  return a;
}

std::optional<ImportedContribution> map_proposal(const DecidimProposal& p) {
  if (p.withdrawn || p.hidden) return std::nullopt;
  ImportedContribution c;
  c.external_id = "decidim:proposal:" + p.id;
  c.component_id = p.component_id;
  c.external_url = p.url;
  c.text = p.body.empty() ? p.title : p.title + "\n\n" + p.body;
  c.language = p.language;
  c.created_at = to_utc_rfc3339(p.published_at);
  c.content_hash = content_hash(c);
  return c;
}

std::vector<PlannedItem> plan_sync(const std::map<std::string, std::string>& known,
                                   const std::vector<ImportedActivity>& items) {
  return plan(known, items);
}

std::vector<PlannedItem> plan_sync(const std::map<std::string, std::string>& known,
                                   const std::vector<ImportedContribution>& items) {
  return plan(known, items);
}

}  // namespace dialogd::decidim
