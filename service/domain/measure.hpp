#pragma once
// Measures (åtgärder) proposed by the board and decided by the council, and their status updates.
#include <array>
#include <string_view>

namespace dialogd::domain {

inline constexpr std::array<std::string_view, 5> measure_status_keys{
    "planned", "in_progress", "done", "not_done", "cancelled"};
inline constexpr std::array<std::string_view, 5> disposition_keys{"need", "wish", "solution",
                                                                  "out_of_scope", "duplicate"};

// `done` means finished: its progress is 100.
inline bool progress_consistent(std::string_view status, int progress) {
  return status != "done" || progress == 100;
}

// Every disposition but `need` tells the citizen why the input went no further.
inline bool disposition_needs_reason(std::string_view disposition) {
  return disposition != "need";
}

inline constexpr int default_follow_up_months = 12;

}  // namespace dialogd::domain
