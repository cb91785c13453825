#pragma once
// Optional TLS for installations without a reverse proxy (--tls-cert, --tls-key): one OpenSSL
// context, loaded and checked at startup, shared by every connection.
#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>

namespace dialogd::http {

// TLS 1.2 at least, no compression, no renegotiation, OpenSSL's default ciphers (Debian's security
// level 2). `cert` is a PEM chain (the server's certificate first), `key` its PEM private key.
// Throws std::runtime_error naming the flag and the file when either cannot be read or the key is
// not the certificate's: a misconfigured server refuses to start rather than serve without TLS.
std::unique_ptr<boost::asio::ssl::context> tls_context(const std::string& cert,
                                                       const std::string& key);

}  // namespace dialogd::http
