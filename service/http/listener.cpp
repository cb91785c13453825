#include "http/listener.hpp"

#include "http/session.hpp"
#include "support/log.hpp"

namespace dialogd::http {

Listener::Listener(net::io_context& ioc, tcp::endpoint endpoint, ServerCore& core,
                   net::ssl::context* tls)
    : ioc_(ioc), acceptor_(net::make_strand(ioc)), core_(core), tls_(tls) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
  port_ = acceptor_.local_endpoint().port();
}

void Listener::start() {
  do_accept();
}

void Listener::stop() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor_.close(ec);
  });
}

void Listener::do_accept() {
  acceptor_.async_accept(net::make_strand(ioc_),
                         beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (!ec) {
    const auto peer = socket.remote_endpoint(ec);
    auto slot = ec ? nullptr : core_.limits.admit(peer.address().to_string());
    if (!slot) {  // over a cap (or the peer left already): close before reading a byte
      socket.close(ec);
      return do_accept();
    }
    socket.set_option(tcp::no_delay(true), ec);
    core_.sessions.add(start_session(std::move(socket), core_, std::move(slot), tls_));
  } else {
    support::log_line({{"level", "warn"}, {"msg", "accept failed"}, {"error", ec.message()}});
  }
  do_accept();
}

}  // namespace dialogd::http
