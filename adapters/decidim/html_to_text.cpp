#include "decidim/html_to_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace dialogd::decidim {

std::string cut_utf8(std::string s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s;
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Case-insensitive search for an ASCII lower-case needle, without copying the haystack.
std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k])
      ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

struct Entity {
  const char* name;
  std::uint32_t cp;
};
constexpr std::array<Entity, 22> kEntities{
    {{"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
     {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"rsquo", 0x2019},
     {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"aring", 0xE5},    {"Aring", 0xC5},
     {"auml", 0xE4},    {"Auml", 0xC4},    {"ouml", 0xF6},    {"Ouml", 0xD6},     {"eacute", 0xE9},
     {"euro", 0x20AC},  {"shy", 0xAD}}};

// Decodes the entity starting at html[i] == '&'; returns characters consumed (0 if none).
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
  auto semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view name = html.substr(i + 1, semi - i - 1);
  if (name.empty()) return 0;
  if (name[0] == '#') {
    std::uint32_t cp = 0;
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      else
        return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      if (cp > 0x10FFFF) cp = 0x110000;
    }
    if (cp == 0xAD) return semi - i + 1;  // soft hyphen: drop
    if (cp < 0x20 && cp != '\n' && cp != '\t') cp = ' ';
    append_utf8(out, cp);
    return semi - i + 1;
  }
  for (const auto& e : kEntities) {
    if (name == e.name) {
      if (e.cp != 0xAD) append_utf8(out, e.cp);
      return semi - i + 1;
    }
  }
  return 0;
}

bool is_block(std::string_view tag) {
  static constexpr std::array<std::string_view, 24> blocks{
      "p",       "div",     "br",     "li",     "ul", "ol",    "h1",         "h2",
      "h3",      "h4",      "h5",     "h6",     "tr", "table", "blockquote", "pre",
      "section", "article", "header", "footer", "hr", "dd",    "dt",         "figure"};
  return std::find(blocks.begin(), blocks.end(), tag) != blocks.end();
}

bool is_paragraph(std::string_view tag) {
  return tag == "p" || tag == "ul" || tag == "ol" || tag == "table" || tag == "blockquote" ||
         tag == "pre" || (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6');
}

bool drops_content(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "iframe" || tag == "noscript" ||
         tag == "template" || tag == "object";
}

// Collapses whitespace: spaces/tabs to one space, newlines kept (max two in a row), trimmed.
std::string normalise(const std::string& raw) {
  std::string out;
  out.reserve(raw.size());
  int pending_newlines = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '\n') {
      ++pending_newlines;
      pending_space = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = true;
      continue;
    }
    if (c < 0x20 || c == 0x7F) continue;  // other control characters
    if (!out.empty()) {
      if (pending_newlines > 0)
        out.append(pending_newlines >= 2 ? "\n\n" : "\n");
      else if (pending_space)
        out += ' ';
    }
    pending_newlines = 0;
    pending_space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string cap_utf8(std::string s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  s = cut_utf8(std::move(s), max_bytes);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  return s;
}

}  // namespace

std::string html_to_text(std::string_view html, std::size_t max_bytes) {
  std::string raw;
  raw.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    bool starts_tag = c == '<' && i + 1 < html.size() &&
                      (std::isalpha(static_cast<unsigned char>(html[i + 1])) ||
                       html[i + 1] == '/' || html[i + 1] == '!');
    if (starts_tag) {
      if (html.substr(i, 4) == "<!--") {
        auto end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      auto end = html.find('>', i + 1);
      if (end == std::string_view::npos) break;  // unterminated tag: drop the rest
      std::string_view inner = html.substr(i + 1, end - i - 1);
      bool closing = !inner.empty() && inner[0] == '/';
      if (closing) inner.remove_prefix(1);
      std::size_t n = 0;
      while (n < inner.size() && (std::isalnum(static_cast<unsigned char>(inner[n])))) ++n;
      std::string tag = lower(inner.substr(0, n));
      i = end + 1;
      if (!closing && drops_content(tag)) {
        auto close = find_ci(html, "</" + tag, i);
        if (close == std::string_view::npos) {
          i = html.size();
        } else {
          auto gt = html.find('>', close);
          i = gt == std::string_view::npos ? html.size() : gt + 1;
        }
        raw += ' ';
        continue;
      }
      if (tag == "li") {
        if (!closing) raw += "\n- ";
      } else if (is_paragraph(tag)) {
        raw += "\n\n";
      } else if (is_block(tag)) {
        raw += '\n';
      } else if (tag == "td" || tag == "th") {
        raw += ' ';
      }
      continue;
    }
    if (c == '&') {
      std::size_t used = decode_entity(html, i, raw);
      if (used > 0) {
        i += used;
        continue;
      }
    }
    raw += c;
    ++i;
  }
  return cap_utf8(normalise(raw), max_bytes);
}

}  // namespace dialogd::decidim
