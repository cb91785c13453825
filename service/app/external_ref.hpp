#pragma once
// Where an imported activity or contribution came from: the platform, its id there and its public
// address. Kept in the record's public document as "source", so citizens and editors can follow it
// back; never a person's name or any other personal data.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

namespace dialogd::app {

struct ExternalRef {
  std::string platform;     // decidim
  std::string external_id;  // decidim:proposal:4701
  std::string url;
  std::optional<std::string> title;         // a meeting's title (activities have none of their own)
  std::optional<std::string> format;        // in_person | online | hybrid (meetings)
  std::optional<std::string> published_at;  // when the platform published it (RFC 3339, UTC)

  boost::json::object to_json() const {
    boost::json::object o{{"platform", platform}, {"external_id", external_id}, {"url", url}};
    if (title) o["title"] = *title;
    if (format) o["format"] = *format;
    if (published_at) o["published_at"] = *published_at;
    return o;
  }
};

}  // namespace dialogd::app
