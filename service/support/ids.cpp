#include "support/ids.hpp"

#include "domain/receipt.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <random>
#include <stdexcept>

namespace dialogd::support {
namespace {

constexpr char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void random_bytes(unsigned char* out, std::size_t n) {
  if (RAND_bytes(out, static_cast<int>(n)) != 1)
    throw std::runtime_error("no randomness available");
}

// SHA-256, fetched from OpenSSL once: EVP_sha256() makes OpenSSL 3 look the implementation up
// again on every use, which cost as much as the digest itself (every API key is hashed on every
// request).
const EVP_MD* sha256() {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (!md) throw std::runtime_error("SHA-256 is not available");
  return md;
}

std::string to_hex(const unsigned char* data, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[data[i] >> 4];
    out[2 * i + 1] = digits[data[i] & 15];
  }
  return out;
}

}  // namespace

std::string new_id() {
  static std::mutex mutex;
  static std::uint64_t last_ms = 0;
  static unsigned char last_random[10] = {};
  std::uint64_t ms =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  unsigned char rnd[10];
  {
    std::lock_guard lock(mutex);
    if (ms <= last_ms) {
      // Same millisecond (or the clock stepped back): increment the random part to stay ordered.
      ms = last_ms;
      int i = 9;
      while (i >= 0 && ++last_random[i] == 0) --i;
    } else {
      last_ms = ms;
      random_bytes(last_random, sizeof last_random);
      last_random[0] &= 0x7f;  // leave room to increment without overflow
    }
    std::copy(std::begin(last_random), std::end(last_random), rnd);
  }
  // 128 bits: 48 of time, 80 random, written as 26 base32 digits (the first carries 3 bits).
  unsigned char bytes[16];
  for (int i = 0; i < 6; ++i) bytes[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
  std::copy(rnd, rnd + 10, bytes + 6);
  // 130 bits of output for 128 of input: two zero bits lead, then 5 bits a symbol.
  std::string out(26, '0');
  for (int i = 0; i < 26; ++i) {
    const int first_bit = i * 5 - 2;  // bit position in the 128-bit big-endian number
    unsigned symbol = 0;
    for (int b = 0; b < 5; ++b) {
      const int bit = first_bit + b;
      symbol <<= 1;
      if (bit >= 0) symbol |= (bytes[bit / 8] >> (7 - bit % 8)) & 1u;
    }
    out[static_cast<std::size_t>(i)] = crockford[symbol];
  }
  return out;
}

std::string new_api_key() {
  unsigned char bytes[20];
  random_bytes(bytes, sizeof bytes);
  return "dlg_" + to_hex(bytes, sizeof bytes);
}

std::string new_receipt_code() {
  unsigned char bytes[8];
  random_bytes(bytes, sizeof bytes);
  std::uint64_t v = 0;
  for (unsigned char b : bytes) v = (v << 8) | b;
  return domain::receipt_from_bits(v);  // 60 of the 64 bits are used
}

std::string request_id() {
  thread_local std::mt19937_64 generator = [] {
    unsigned char seed[16];
    random_bytes(seed, sizeof seed);
    std::seed_seq seq(seed, seed + sizeof seed);
    return std::mt19937_64(seq);
  }();
  unsigned char bytes[12];
  const std::uint64_t a = generator(), b = generator();
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(a >> (8 * i));
  for (int i = 0; i < 4; ++i) bytes[8 + i] = static_cast<unsigned char>(b >> (8 * i));
  return to_hex(bytes, sizeof bytes);
}

std::string random_hex(std::size_t n) {
  std::string bytes(n, '\0');
  random_bytes(reinterpret_cast<unsigned char*>(bytes.data()), n);
  return to_hex(reinterpret_cast<const unsigned char*>(bytes.data()), n);
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &len, sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  return to_hex(digest, len);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest, &len);
  return to_hex(digest, len);
}

std::string base64url_encode(std::string_view data) {
  static constexpr char table[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : data) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += table[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += table[(acc << (6 - bits)) & 63];
  return out;
}

bool base64url_decode(std::string_view text, std::string& out) {
  out.clear();
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '-')
      v = 62;
    else if (c == '_')
      v = 63;
    else
      return false;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return true;
}

}  // namespace dialogd::support
