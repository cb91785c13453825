#pragma once
// One HTTP/1.1 connection: read a request (with limits and a deadline), hand it to the database
// threads when it needs the store, write the answer, repeat. Requests on one connection are
// answered strictly in order, so pipelining clients get their answers in order.
#include <chrono>
#include <memory>
#include <optional>

#include "http/connection_limits.hpp"
#include "http/net.hpp"
#include "http/router.hpp"
#include "http/server_core.hpp"

namespace dialogd::http {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, ServerCore& core, std::unique_ptr<ConnectionLimits::Slot> slot);
  void start();
  // Shutdown: an idle connection is closed now, a busy one after its answer.
  void drain();

 private:
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void handle(Request&& req);
  static void set_security_headers(Response& res);
  void send(Response&& res, bhttp::verb method, const std::string& route, std::string request_id,
            std::chrono::steady_clock::time_point started, bool counted);
  void on_write(bool close, beast::error_code ec, std::size_t bytes);
  void reject(unsigned status, std::string slug, std::string title, std::string detail);
  void close();

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::shared_ptr<Response> response_;  // alive until its write completes
  ServerCore& core_;
  std::unique_ptr<ConnectionLimits::Slot> slot_;  // this connection's place under the caps
  bool reading_ = false;
};

}  // namespace dialogd::http
