#include "http/openapi_document.hpp"

#include <yaml-cpp/yaml.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <string>

namespace dialogd::embedded {
std::string_view find(std::string_view path);
}

namespace dialogd::http {
namespace json = boost::json;
namespace {

// YAML 1.2 core schema: plain scalars may be null, booleans or numbers; quoted ones are strings.
json::value scalar(const YAML::Node& n) {
  const std::string& s = n.Scalar();
  if (n.Tag() != "?") return json::value(s);
  if (s == "null" || s == "~" || s.empty()) return nullptr;
  if (s == "true") return true;
  if (s == "false") return false;
  long long i = 0;
  if (auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
      ec == std::errc() && p == s.data() + s.size())
    return i;
  double d = 0;
  if (auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
      ec == std::errc() && p == s.data() + s.size())
    return d;
  return json::value(s);
}

json::value to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      json::object o;
      for (const auto& kv : n) o[kv.first.Scalar()] = to_json(kv.second);
      return o;
    }
    case YAML::NodeType::Sequence: {
      json::array a;
      for (const auto& item : n) a.push_back(to_json(item));
      return a;
    }
    case YAML::NodeType::Scalar:
      return scalar(n);
    default:
      return nullptr;
  }
}

}  // namespace

std::string_view openapi_document_yaml() {
  return embedded::find("openapi/openapi.yaml");
}

std::string_view openapi_document_json() {
  static const std::string converted =
      json::serialize(to_json(YAML::Load(std::string(openapi_document_yaml()))));
  return converted;
}

std::string_view docs_page_html() {
  return embedded::find("openapi/docs.html");
}

std::string_view embedded_readme() {
  return embedded::find("README.md");
}

#ifdef DIALOGD_HAVE_REDOC
extern "C" const char dialogd_redoc_js_start[];
extern "C" const char dialogd_redoc_js_end[];
std::string_view redoc_bundle() {
  return {dialogd_redoc_js_start,
          static_cast<std::size_t>(dialogd_redoc_js_end - dialogd_redoc_js_start)};
}
#else
std::string_view redoc_bundle() {
  return {};
}
#endif

}  // namespace dialogd::http
