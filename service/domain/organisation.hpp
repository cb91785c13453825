#pragma once
// An organisation (tenant): a region or a municipality, with its keys, bodies and dialogues.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace dialogd::domain {

inline constexpr std::array<std::string_view, 3> organisation_kind_keys{"region", "municipality",
                                                                        "other"};

struct Organisation {
  std::string id, name;
  std::optional<std::string> name_en, url;
  std::string kind = "other";
  long long version = 1;
  std::string created_at, updated_at;
};

}  // namespace dialogd::domain
