// Fuzz target: the CMS adapter's oEmbed input handling. Bytes are split on NUL into url, maxwidth,
// maxheight and format. Invariants: the answer is 200, 400, 404 or 501, never anything else; a
// matched URL names a known widget.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "cms/oembed.hpp"

using namespace dialogd::cms;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0 && parts.size() < 4)
      parts.emplace_back();
    else
      parts.back().push_back(static_cast<char>(data[i]));
  }
  parts.resize(4);
  const std::string base = "https://dialog.example.se";
  if (auto t = oembed::match(parts[0], base); t && !oembed::default_size(t->widget)) std::abort();
  oembed::Query q;
  q.url = parts[0];
  if (!parts[1].empty()) q.maxwidth = parts[1];
  if (!parts[2].empty()) q.maxheight = parts[2];
  if (!parts[3].empty()) q.format = parts[3];
  oembed::Config config;
  config.base_url = base;
  auto lookup = [](std::string_view id) -> std::optional<std::string> {
    if (id == "d-public") return "En offentlig dialog";
    return std::nullopt;
  };
  const auto r = oembed::resolve(q, config, lookup);
  if (r.status != 200 && r.status != 400 && r.status != 404 && r.status != 501) std::abort();
  return 0;
}
