#pragma once
// Receipt codes: what a citizen keeps to look up what became of their contribution. Twelve
// Crockford base32 symbols in three groups (K7Q2-9XMD-4TPA), so they can be read aloud and typed.
#include <cstdint>
#include <string>
#include <string_view>

namespace dialogd::domain {

// The code for 60 random bits (the caller supplies the randomness; the domain does no I/O).
std::string receipt_from_bits(std::uint64_t bits);
// The canonical form of a typed receipt (case, dashes, spaces and the look-alikes O, I, L
// forgiven); empty when it cannot be a receipt.
std::string normalize_receipt(std::string_view typed);

}  // namespace dialogd::domain
