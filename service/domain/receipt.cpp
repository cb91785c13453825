#include "domain/receipt.hpp"

namespace dialogd::domain {

namespace {
constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string receipt_from_bits(std::uint64_t v) {
  std::string out;
  out.reserve(14);
  for (int i = 0; i < 12; ++i) {
    if (i == 4 || i == 8) out += '-';
    out += crockford[v & 31];
    v >>= 5;
  }
  return out;
}

std::string normalize_receipt(std::string_view typed) {
  std::string symbols;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    symbols += c;
    if (symbols.size() > 12) return {};
  }
  if (symbols.size() != 12) return {};
  for (char c : symbols)
    if (crockford.find(c) == std::string_view::npos) return {};
  return symbols.substr(0, 4) + "-" + symbols.substr(4, 4) + "-" + symbols.substr(8, 4);
}

}  // namespace dialogd::domain
