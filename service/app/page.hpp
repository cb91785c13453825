#pragma once
// Keyset paging as the use cases take it: up to `limit` items after the position `after`. Lists
// answer up to limit + 1 items; the extra one only tells the caller that there is more.
#include <optional>
#include <string>

namespace dialogd::app {

struct Page {
  int limit = 20;
  std::optional<std::string> after;
  int fetch() const { return limit + 1; }
};

}  // namespace dialogd::app
