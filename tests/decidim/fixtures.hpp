#pragma once
#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <string>

namespace decidim_test {

inline std::string source_dir() {
  return DIALOGD_SOURCE_DIR;
}
inline std::string fixtures_dir() {
  return source_dir() + "/../shared/fixtures/decidim";
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The "data" member of a recorded answer.
inline boost::json::value fixture_data(const std::string& name) {
  auto doc = boost::json::parse(read_text(fixtures_dir() + "/graphql/responses/" + name));
  return doc.as_object().at("data");
}

}  // namespace decidim_test
