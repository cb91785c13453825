#pragma once
// Identifiers and secrets.
#include <string>
#include <string_view>

namespace dialogd::support {

// Time-ordered ids (48-bit milliseconds + 80 random bits, Crockford base32, 26 characters),
// monotonic within a process, so that ordering by id is ordering by creation.
std::string new_id();

// A random API key with 160 bits of entropy.
std::string new_api_key();

// A receipt code a person can read aloud and type: 12 Crockford base32 symbols (no I, L, O, U),
// grouped as XXXX-XXXX-XXXX: 60 random bits.
std::string new_receipt_code();

std::string random_hex(std::size_t bytes);
// A request id: 24 hex digits, unique in practice but not a secret (it is logged and echoed), so
// drawn from a per-thread generator seeded once from the system's randomness, not from it anew.
std::string request_id();
std::string sha256_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

std::string base64url_encode(std::string_view data);
// False when the text is not base64url.
bool base64url_decode(std::string_view text, std::string& out);

}  // namespace dialogd::support
