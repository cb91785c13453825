// The yardstick: a bare Boost.Beast server on one thread that answers every request with a fixed
// JSON body of a dialogue's size. dialogd's figures are read against this one's on the same
// machine.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

const std::string body = [] {
  std::string b =
      R"({"id":"01M81T66QJ7TDN2DNWTJJ77ETC","title":"Framtidens vård i Norrbotten","purpose":")";
  b.append(700, 'x');
  return b + R"(","state":"in_dialogue","version":4})";
}();

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket s) : stream_(std::move(s)) {}
  void read() {
    req_ = {};
    http::async_read(
        stream_, buffer_, req_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec) return;
          self->res_ = http::response<http::string_body>{http::status::ok, self->req_.version()};
          self->res_.set(http::field::content_type, "application/json");
          self->res_.body() = body;
          self->res_.keep_alive(self->req_.keep_alive());
          self->res_.prepare_payload();
          http::async_write(self->stream_, self->res_, [self](beast::error_code ec2, std::size_t) {
            if (!ec2 && self->res_.keep_alive()) self->read();
          });
        });
  }

 private:
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> req_;
  http::response<http::string_body> res_;
};

void accept(tcp::acceptor& acceptor) {
  acceptor.async_accept([&acceptor](beast::error_code ec, tcp::socket s) {
    if (!ec) std::make_shared<Session>(std::move(s))->read();
    accept(acceptor);
  });
}

}  // namespace

int main(int argc, char** argv) {
  const unsigned short port = static_cast<unsigned short>(argc > 1 ? std::atoi(argv[1]) : 18090);
  net::io_context ioc(1);
  tcp::acceptor acceptor(ioc, {net::ip::make_address("127.0.0.1"), port});
  accept(acceptor);
  std::cerr << "bare beast on " << port << "\n";
  ioc.run();
}
