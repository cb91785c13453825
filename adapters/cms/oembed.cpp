#include "oembed.hpp"

#include <boost/json.hpp>
#include <cctype>
#include <charconv>
#include <vector>

#include "text.hpp"

namespace dialogd::cms::oembed {

namespace {

struct WidgetInfo {
  std::string_view key;
  Size size;
  std::string_view label_sv;
};

constexpr WidgetInfo widget_info[] = {
    {"status", {600, 400}, "Dialogens läge"},
    {"ladder", {600, 320}, "Delaktighetstrappan"},
    {"contribute", {600, 640}, "Lämna synpunkter"},
    {"receipt", {400, 360}, "Vad hände med min synpunkt"},
    {"feedback", {600, 480}, "Återkoppling"},
    {"representation", {600, 400}, "Vilka har vi nått"},
};

const WidgetInfo* find_widget(std::string_view key) {
  for (const auto& w : widget_info)
    if (w.key == key) return &w;
  return nullptr;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (unsigned char c : id)
    if (!std::isalnum(c) && c != '-' && c != '_') return false;
  return true;
}

// Lower-cases the scheme and authority of an absolute URL, drops query and fragment and trailing
// slashes of the path.
std::optional<std::string> normalise(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  const auto path_start = url.find('/', scheme_end + 3);
  std::string out(url.substr(0, path_start));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (path_start != std::string_view::npos) out.append(url.substr(path_start));
  while (out.size() > scheme_end + 3 && out.back() == '/') out.pop_back();
  return out;
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    parts.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

Result problem(int status, std::string_view slug, std::string_view title, std::string detail,
               std::optional<std::string_view> field = std::nullopt) {
  boost::json::object p;
  p["type"] = "https://dialogd.se/problems/" + std::string(slug);
  p["title"] = title;
  p["status"] = status;
  p["detail"] = detail;
  if (field) {
    boost::json::array errors;
    errors.push_back(boost::json::object{{"field", *field},
                                         {"code", status == 400 ? "invalid_value" : "required"},
                                         {"message", detail}});
    p["errors"] = std::move(errors);
  }
  return {status, "application/problem+json", boost::json::serialize(p)};
}

std::optional<int> parse_dimension(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 6) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  std::from_chars(s.data(), s.data() + s.size(), v);
  if (v < 1) return std::nullopt;
  return v;
}

std::string trimmed_base(std::string_view base) {
  std::string b(base);
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b;
}

}  // namespace

std::optional<Size> default_size(std::string_view widget) {
  if (const auto* w = find_widget(widget)) return w->size;
  return std::nullopt;
}

std::optional<Target> match(std::string_view url, std::string_view base_url) {
  auto u = normalise(url);
  auto b = normalise(base_url);
  if (!u || !b) return std::nullopt;
  // http and https name the same page (a CMS may paste either): compare what follows the scheme.
  for (auto* s : {&*u, &*b}) {
    if (s->starts_with("http://"))
      s->erase(0, 7);
    else if (s->starts_with("https://"))
      s->erase(0, 8);
    else
      return std::nullopt;
  }
  if (u->size() <= b->size() + 1 || u->compare(0, b->size(), *b) != 0 || (*u)[b->size()] != '/')
    return std::nullopt;
  const auto parts = split_path(std::string_view(*u).substr(b->size() + 1));
  if (parts.size() == 2 && parts[0] == "d" && valid_id(parts[1]))
    return Target{"status", std::string(parts[1])};
  if (parts.size() == 3 && parts[0] == "embed" && find_widget(parts[1]) && valid_id(parts[2]))
    return Target{std::string(parts[1]), std::string(parts[2])};
  return std::nullopt;
}

Result resolve(const Query& q, const Config& config, const PublicTitleLookup& lookup) {
  if (!q.url || q.url->empty())
    return problem(400, "validation-failed", "Bad Request", "the url parameter is required", "url");
  std::optional<int> maxwidth, maxheight;
  if (q.maxwidth) {
    maxwidth = parse_dimension(*q.maxwidth);
    if (!maxwidth)
      return problem(400, "validation-failed", "Bad Request", "maxwidth must be a positive integer",
                     "maxwidth");
  }
  if (q.maxheight) {
    maxheight = parse_dimension(*q.maxheight);
    if (!maxheight)
      return problem(400, "validation-failed", "Bad Request",
                     "maxheight must be a positive integer", "maxheight");
  }
  if (q.format && !q.format->empty() && *q.format != "json")
    return problem(501, "not-implemented", "Not Implemented",
                   "only format=json is provided (" + text::valid_utf8(*q.format) + " is not)");

  // The url may arrive still percent-encoded (e.g. when a router does not decode query values).
  std::string url = *q.url;
  if (url.find("://") == std::string::npos) {
    if (auto decoded = text::percent_decode(url, true)) url = *decoded;
  }
  const auto target = match(url, config.base_url);
  if (!target)
    return problem(404, "not-found", "Not Found", "the url is not a public page of this service");
  const auto title = lookup(target->dialogue_id);
  if (!title) return problem(404, "not-found", "Not Found", "no public dialogue at this url");

  const WidgetInfo* w = find_widget(target->widget);
  int width = w->size.width, height = w->size.height;
  if (maxwidth && *maxwidth < width) width = *maxwidth;
  if (maxheight && *maxheight < height) height = *maxheight;

  const std::string base = trimmed_base(config.base_url);
  const std::string src =
      base + "/embed/" + target->widget + "/" + text::percent_encode(target->dialogue_id);
  const std::string frame_title = std::string(w->label_sv) + ": " + *title;
  std::string html = "<iframe src=\"" + text::xml_escape(src) + "\" width=\"" +
                     std::to_string(width) + "\" height=\"" + std::to_string(height) +
                     "\" title=\"" + text::xml_escape(frame_title) +
                     "\" loading=\"lazy\" style=\"border:0;max-width:100%\"" +
                     " referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>";

  boost::json::object o;
  o["version"] = "1.0";
  o["type"] = "rich";
  o["title"] = text::valid_utf8(*title);
  o["provider_name"] = config.provider_name;
  o["provider_url"] = config.provider_url.empty() ? base : config.provider_url;
  o["cache_age"] = config.cache_age;
  o["html"] = std::move(html);
  o["width"] = width;
  o["height"] = height;
  return {200, "application/json", boost::json::serialize(o)};
}

Result resolve(std::string_view url, std::string_view base_url, std::optional<int> maxwidth,
               std::optional<int> maxheight, std::string_view format,
               const PublicTitleLookup& lookup) {
  Query q;
  if (!url.empty()) q.url = std::string(url);
  if (maxwidth) q.maxwidth = std::to_string(*maxwidth);
  if (maxheight) q.maxheight = std::to_string(*maxheight);
  if (!format.empty()) q.format = std::string(format);
  Config c;
  c.base_url = std::string(base_url);
  return resolve(q, c, lookup);
}

std::string discovery_link(std::string_view base_url, std::string_view page_url,
                           std::string_view title) {
  const std::string href =
      trimmed_base(base_url) + "/oembed?url=" + text::percent_encode(page_url) + "&format=json";
  return "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" +
         text::xml_escape(href) + "\" title=\"" + text::xml_escape(title) + "\">";
}

}  // namespace dialogd::cms::oembed
