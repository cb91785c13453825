#pragma once
// One HTTP/1.1 connection: read a request (with limits and a deadline), hand it to the database
// threads when it needs the store, write the answer, repeat. Requests on one connection are
// answered strictly in order, so pipelining clients get their answers in order. The same logic
// runs over a plain TCP stream and, with --tls-cert, over a TLS stream (session.cpp is a template
// over the stream type, so the plain path has no indirection per read or write).
#include <memory>

#include "http/connection_limits.hpp"
#include "http/net.hpp"
#include "http/server_core.hpp"

namespace boost::asio::ssl {
class context;
}

namespace dialogd::http {

// What the server needs of every connection, whatever its stream.
class Session {
 public:
  virtual ~Session() = default;
  // Shutdown: an idle connection is closed now, a busy one after its answer.
  virtual void drain() = 0;
};

// Starts serving an accepted connection; with `tls` (not null) it begins with the TLS handshake,
// under the read deadline. The session keeps itself alive while it has work in flight.
std::shared_ptr<Session> start_session(tcp::socket&& socket, ServerCore& core,
                                       std::unique_ptr<ConnectionLimits::Slot> slot,
                                       net::ssl::context* tls);

}  // namespace dialogd::http
