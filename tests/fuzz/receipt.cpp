// Fuzz target: the receipt-code parser. Invariants: a normalised code is either empty or twelve
// symbols in three dash-separated groups, and normalising it again changes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/receipt.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view typed(reinterpret_cast<const char*>(data), size);
  const std::string code = dialogd::domain::normalize_receipt(typed);
  if (code.empty()) return 0;
  if (code.size() != 14 || code[4] != '-' || code[9] != '-') std::abort();
  if (dialogd::domain::normalize_receipt(code) != code) std::abort();
  return 0;
}
