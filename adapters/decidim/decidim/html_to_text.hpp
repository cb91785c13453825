#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace dialogd::decidim {

// Decidim stores HTML unescaped. This reduces it to plain text: tags stripped, script/style/iframe
// content dropped, entities decoded, block elements turned into newlines, runs of spaces collapsed,
// at most two newlines in a row, trimmed, and capped at max_bytes (cut on a UTF-8 boundary).
std::string html_to_text(std::string_view html, std::size_t max_bytes = 20000);

// At most max_bytes of `s`, cut before a UTF-8 continuation byte so no character is split.
std::string cut_utf8(std::string s, std::size_t max_bytes);

}  // namespace dialogd::decidim
