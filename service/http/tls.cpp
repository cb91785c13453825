#include "http/tls.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <fstream>
#include <stdexcept>

namespace dialogd::http {
namespace ssl = boost::asio::ssl;

namespace {

// OpenSSL's own words for a failure ("key values mismatch", "no start line").
std::string reason(const boost::system::error_code& ec) {
  ERR_clear_error();
  return ec.message();
}

// A missing or unreadable file is told apart from a bad one, which OpenSSL reports obscurely.
void require_readable(const std::string& flag, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + flag + " " + path);
}

}  // namespace

std::unique_ptr<ssl::context> tls_context(const std::string& cert, const std::string& key) {
  require_readable("--tls-cert", cert);
  require_readable("--tls-key", key);
  auto ctx = std::make_unique<ssl::context>(ssl::context::tls_server);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                   ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                   ssl::context::no_compression | ssl::context::single_dh_use);
  SSL_CTX* native = ctx->native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  // An encrypted key would make OpenSSL ask for a passphrase on the terminal; refuse it instead.
  ctx->set_password_callback(
      [](std::size_t, ssl::context::password_purpose) { return std::string(); });
  boost::system::error_code ec;
  ctx->use_certificate_chain_file(cert, ec);
  if (ec)
    throw std::runtime_error("--tls-cert " + cert +
                             " is not a PEM certificate chain: " + reason(ec));
  ctx->use_private_key_file(key, ssl::context::pem, ec);
  if (ec)
    throw std::runtime_error(
        "--tls-key " + key +
        " is not an unencrypted PEM private key of the certificate in --tls-cert " + cert + ": " +
        reason(ec));
  if (SSL_CTX_check_private_key(native) != 1)
    throw std::runtime_error("--tls-key " + key +
                             " does not belong to the certificate in --tls-cert " + cert);
  return ctx;
}

}  // namespace dialogd::http
