#pragma once
// Accepts connections and gives each its own strand and Session.
#include <memory>

#include "http/net.hpp"
#include "http/server_core.hpp"

namespace dialogd::http {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, tcp::endpoint endpoint, ServerCore& core);
  void start();
  void stop();  // no new connections; those open are drained by the server
  unsigned short port() const { return port_; }

 private:
  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  ServerCore& core_;
  unsigned short port_ = 0;
};

}  // namespace dialogd::http
