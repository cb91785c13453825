#pragma once
// Accepts connections and gives each its own strand and Session (a TLS one when the server has a
// TLS context: then plain HTTP is never served on this port).
#include <memory>

#include "http/net.hpp"
#include "http/server_core.hpp"

namespace boost::asio::ssl {
class context;
}

namespace dialogd::http {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, tcp::endpoint endpoint, ServerCore& core,
           net::ssl::context* tls = nullptr);
  void start();
  void stop();  // no new connections; those open are drained by the server
  unsigned short port() const { return port_; }

 private:
  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  ServerCore& core_;
  net::ssl::context* tls_;
  unsigned short port_ = 0;
};

}  // namespace dialogd::http
