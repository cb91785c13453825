#pragma once
// A nullable text column of a dynamic SOCI row.
#include <soci/soci.h>

#include <optional>
#include <string>

namespace dialogd::store {

inline std::optional<std::string> optional_text(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) != soci::i_ok) return std::nullopt;
  return r.get<std::string>(i);
}

}  // namespace dialogd::store
