#include "http/session.hpp"

#include <array>
#include <boost/beast/ssl.hpp>

#include "http/body_stream.hpp"
#include "http/change_feed.hpp"
#include "http/cors.hpp"
#include "http/group_commit.hpp"
#include "http/metrics.hpp"
#include "http/public_cache.hpp"

#include "http/problem.hpp"
#include "http/rate_limit.hpp"
#include "support/ids.hpp"
#include "support/log.hpp"

namespace dialogd::http {
namespace {

// A client's own request id is echoed if it is reasonable; otherwise we make one.
std::string request_id_of(const Request& req) {
  const auto it = req.find("X-Request-Id");
  if (it != req.end()) {
    const std::string_view v = it->value();
    const bool ok = !v.empty() && v.size() <= 128 &&
                    std::all_of(v.begin(), v.end(), [](char c) { return c > 32 && c < 127; });
    if (ok) return std::string(v);
  }
  return support::request_id();
}

// The connection over one stream type: beast::tcp_stream, or beast::ssl_stream over it.
template <class Stream>
class HttpSession : public Session, public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  static constexpr bool tls = !std::is_same_v<Stream, beast::tcp_stream>;

  template <class... StreamArgs>
  HttpSession(ServerCore& core, std::unique_ptr<ConnectionLimits::Slot> slot, StreamArgs&&... args)
      : stream_(std::forward<StreamArgs>(args)...), core_(core), slot_(std::move(slot)) {}
  void start();
  void drain() override;

 private:
  using std::enable_shared_from_this<HttpSession<Stream>>::shared_from_this;
  beast::tcp_stream& tcp() { return beast::get_lowest_layer(stream_); }
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void handle(Request&& req);
  void set_security_headers(Response& res) const;
  void send(Response&& res, bhttp::verb method, const std::string& route, std::string request_id,
            std::chrono::steady_clock::time_point started, bool counted);
  void account(unsigned status, bhttp::verb method, const std::string& route,
               const std::string& request_id, std::chrono::steady_clock::time_point started) const;
  void send_streamed(Response&& res, std::shared_ptr<BodyStream> body, bhttp::verb method,
                     const std::string& route, std::string request_id,
                     std::chrono::steady_clock::time_point started);
  void read_piece();
  void write_piece(bool more, const std::string& failure);
  void end_streamed(const std::string& failure);
  void on_write(bool close, beast::error_code ec, std::size_t bytes);
  void send_wire(std::shared_ptr<const PublicCache::Wire> wire, bhttp::verb method,
                 const std::string& route, std::string request_id,
                 std::chrono::steady_clock::time_point started);
  void reject(unsigned status, std::string slug, std::string title, std::string detail);
  void close();

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::shared_ptr<Response> response_;             // alive until its write completes
  std::shared_ptr<const PublicCache::Wire> wire_;  // likewise, a stored answer sent as bytes
  std::string wire_id_;                            // and its X-Request-Id line
  // A streamed answer under way: its headers, their serializer and the piece being written.
  struct Streamed {
    Streamed(bhttp::response_header<>&& h, std::shared_ptr<BodyStream> b)
        : head(std::move(h)), body(std::move(b)) {}
    bhttp::response<bhttp::empty_body> head;
    bhttp::response_serializer<bhttp::empty_body> serializer{head};
    std::shared_ptr<BodyStream> body;
    std::string piece;
    bhttp::verb method = bhttp::verb::get;
    std::string route, request_id;
    std::chrono::steady_clock::time_point started;
  };
  std::shared_ptr<Streamed> streamed_;
  ServerCore& core_;
  std::unique_ptr<ConnectionLimits::Slot> slot_;  // this connection's place under the caps
  bool reading_ = false;
  bool closing_ = false;  // TLS: the close_notify exchange has begun
};

template <class Stream>
void HttpSession<Stream>::start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if constexpr (tls) {
      // A client that never finishes the handshake is cut off like one that never sends a request.
      self->tcp().expires_after(self->core_.config.read_timeout);
      self->stream_.async_handshake(net::ssl::stream_base::server, [self](beast::error_code ec) {
        if (ec) {  // plain HTTP, an old protocol, a bad client
          beast::error_code ignored;
          self->tcp().socket().close(ignored);
          return;
        }
        self->do_read();
      });
    } else {
      self->do_read();
    }
  });
}

template <class Stream>
void HttpSession<Stream>::drain() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    // Waiting for a request that has not begun: nothing is in flight, close now.
    if (!self->reading_ || !self->parser_ || self->parser_->got_some()) return;
    if constexpr (tls)
      self->tcp().cancel();  // the read ends (aborted) and closes with a close_notify
    else
      self->close();
  });
}

template <class Stream>
void HttpSession<Stream>::do_read() {
  if (core_.draining) return close();
  parser_.emplace();
  parser_->body_limit(core_.config.body_limit);
  parser_->header_limit(static_cast<std::uint32_t>(core_.config.header_limit));
  // The deadline covers the wait for the next request too, so idle connections are closed.
  tcp().expires_after(core_.config.read_timeout);
  reading_ = true;
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::on_read(beast::error_code ec, std::size_t) {
  reading_ = false;
  if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
      ec == net::error::operation_aborted || ec == net::error::connection_reset ||
      ec == net::error::bad_descriptor || ec == net::ssl::error::stream_truncated)
    return close();
  if (ec == bhttp::error::body_limit)
    return reject(413, "payload-too-large", "Payload too large",
                  "the body is larger than " + std::to_string(core_.config.body_limit) + " bytes");
  if (ec == bhttp::error::header_limit)
    return reject(431, "headers-too-large", "Request header fields too large",
                  "the request's headers are larger than " +
                      std::to_string(core_.config.header_limit) + " bytes");
  if (ec) {
    if (parser_ && parser_->got_some())
      return reject(400, "bad-request", "Bad request",
                    "the request could not be parsed: " + ec.message());
    return close();
  }
  handle(parser_->release());
}

template <class Stream>
void HttpSession<Stream>::handle(Request&& req) {
  const auto started = std::chrono::steady_clock::now();
  std::string request_id = request_id_of(req);
  beast::error_code peer_ec;
  const std::string client =
      client_address(req, tcp().socket().remote_endpoint(peer_ec).address().to_string(),
                     core_.config.trusted_proxy);
  req.set(client_address_field, client);
  std::string_view path = req.target();
  path = path.substr(0, path.find('?'));
  Match match = router().match(req.method(), path);
  if (!match.route && !match.allow.empty() && cors::is_preflight(req))
    return send(cors::preflight(req, match.allow), req.method(), "-", std::move(request_id),
                started, false);
  if (!match.route)
    return send(core_.dispatcher.route_problem(req, match), req.method(), "-",
                std::move(request_id), started, false);
  const std::string& route = match.route->path;
  if (auto limited = core_.rates.check(req, *match.route, client)) {
    Response res = std::move(*limited);
    return send(std::move(res), req.method(), route, std::move(request_id), started, false);
  }
  // A public read answered before, with nothing written since: from memory, on this thread.
  std::optional<std::string> cache_key;
  std::uint64_t generation = 0;
  if (core_.cache && match.route->access == Access::anyone && route != "/health" &&
      (!core_.feed || core_.feed->healthy())) {
    cache_key = PublicCache::key_of(req);
    if (cache_key) {
      // The common case goes out as the stored bytes; anything else is fitted by lookup().
      if (req.version() == 11 && req.keep_alive() && !core_.draining &&
          req.find(bhttp::field::if_none_match) == req.end()) {
        if (auto wire = core_.cache->lookup_wire(*cache_key))
          return send_wire(std::move(wire), req.method(), route, std::move(request_id), started);
      } else if (auto hit = core_.cache->lookup(*cache_key, req)) {
        return send(std::move(*hit), req.method(), route, std::move(request_id), started, false);
      }
      generation = core_.cache->generation();
    }
  }

  // Answers that need no store (pages, scripts, the ladder) are made here, and kept like the rest.
  if (!match.route->needs_store && req.find(bhttp::field::authorization) == req.end()) {
    Response res = core_.dispatcher.run_without_store(req, match);
    if (cache_key && req.version() >= 11) {
      set_security_headers(res);
      core_.cache->store(*cache_key, generation, res);
    }
    return send(std::move(res), req.method(), route, std::move(request_id), started, false);
  }

  // Contributions are checked on a database thread, then queue for a group commit; the answer
  // comes back to this strand after it (or at once when the check refused them).
  if (core_.committer && match.route->group_commit) {
    ++core_.in_flight;
    const bhttp::verb method = req.method();
    auto answer = [self = shared_from_this(), method, route, request_id = std::move(request_id),
                   started](Response res) mutable {
      net::post(self->stream_.get_executor(),
                [self, res = std::move(res), method, route, request_id = std::move(request_id),
                 started]() mutable {
                  self->send(std::move(res), method, route, std::move(request_id), started, true);
                });
    };
    net::post(core_.db_pool,
              [core = &core_, request = std::make_shared<const Request>(std::move(req)),
               matched = std::make_shared<const Match>(std::move(match)),
               answer = std::move(answer)]() mutable {
                GroupPrepared prepared;
                if (auto refused = core->dispatcher.prepare_for_group(*request, *matched, prepared))
                  return answer(std::move(*refused));
                core->committer->submit(std::move(request), std::move(matched), std::move(prepared),
                                        std::move(answer));
              });
    return;
  }

  // Everything that touches the store runs on the database threads; the answer comes back to this
  // connection's strand.
  ++core_.in_flight;
  auto request = std::make_shared<Request>(std::move(req));
  auto matched = std::make_shared<Match>(std::move(match));
  net::post(core_.db_pool, [self = shared_from_this(), request, matched, request_id, started,
                            cache_key = std::move(cache_key), generation]() mutable {
    std::shared_ptr<BodyStream> body;
    // HTTP/1.0 has no chunked transfer coding: such a client gets a streamed body whole.
    const bool chunked_ok = request->version() >= 11;
    auto res =
        std::make_shared<Response>(chunked_ok ? self->core_.dispatcher.run(*request, *matched, body)
                                              : self->core_.dispatcher.run(*request, *matched));
    if (body) {  // the headers now, the body as it is read; never cached (it is not in hand)
      net::post(self->stream_.get_executor(),
                [self, res, body, request, matched, request_id = std::move(request_id),
                 started]() mutable {
                  self->send_streamed(std::move(*res), std::move(body), request->method(),
                                      matched->route->path, std::move(request_id), started);
                });
      return;
    }
    if (cache_key && chunked_ok) {
      // Stored as it will be sent (but for the request id), so a hit can go out as bytes.
      self->set_security_headers(*res);
      self->core_.cache->store(*cache_key, generation, *res);
    }
    net::post(self->stream_.get_executor(),
              [self, res, request, matched, request_id = std::move(request_id), started]() mutable {
                self->send(std::move(*res), request->method(), matched->route->path,
                           std::move(request_id), started, true);
              });
  });
}

// On every answer: no MIME sniffing, no referrer leaves a citizen's browser, and, unless the
// handler set its own (pages, the embed pages), a policy that lets nothing load or frame it.
template <class Stream>
void HttpSession<Stream>::set_security_headers(Response& res) const {
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  if (res.find("Content-Security-Policy") == res.end())
    res.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  // Served over TLS by ourselves: browsers are to come back over HTTPS only, for a year. Without
  // TLS a proxy in front terminates it, and the header is its to send.
  if constexpr (tls)
    res.set("Strict-Transport-Security", core_.config.hsts_include_subdomains
                                             ? "max-age=31536000; includeSubDomains"
                                             : "max-age=31536000");
}

template <class Stream>
void HttpSession<Stream>::send(Response&& res, bhttp::verb method, const std::string& route,
                               std::string request_id,
                               std::chrono::steady_clock::time_point started, bool counted) {
  res.set("X-Request-Id", request_id);
  set_security_headers(res);
  if (core_.draining) res.keep_alive(false);
  const bool close_after = !res.keep_alive();
  account(res.result_int(), method, route, request_id, started);
  response_ = std::make_shared<Response>(std::move(res));
  tcp().expires_after(core_.config.write_timeout);
  bhttp::async_write(
      stream_, *response_,
      [self = shared_from_this(), close_after, counted](beast::error_code ec, std::size_t n) {
        if (counted) --self->core_.in_flight;
        self->on_write(close_after, ec, n);
      });
}

// A stored public answer as it is, with this request's id: no serializer, no copy of the body.
template <class Stream>
void HttpSession<Stream>::send_wire(std::shared_ptr<const PublicCache::Wire> wire,
                                    bhttp::verb method, const std::string& route,
                                    std::string request_id,
                                    std::chrono::steady_clock::time_point started) {
  account(200, method, route, request_id, started);
  wire_ = std::move(wire);
  wire_id_ = "X-Request-Id: ";
  wire_id_ += request_id;
  wire_id_ += "\r\n\r\n";
  tcp().expires_after(core_.config.write_timeout);
  const std::array<net::const_buffer, 3> buffers{net::buffer(wire_->head), net::buffer(wire_id_),
                                                 net::buffer(wire_->body)};
  net::async_write(stream_, buffers,
                   [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                     self->on_write(false, ec, n);
                   });
}

// The access log line and the metrics of one answer.
template <class Stream>
void HttpSession<Stream>::account(unsigned status, bhttp::verb method, const std::string& route,
                                  const std::string& request_id,
                                  std::chrono::steady_clock::time_point started) const {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string_view method_name = method == bhttp::verb::unknown
                                           ? std::string_view("-")
                                           : std::string_view(bhttp::to_string(method));
  if (core_.metrics) core_.metrics->record(route, method_name, status, seconds);
  if (core_.config.access_log) {
    const double ms = seconds * 1000;
    support::log_line({{"level", "info"},
                       {"method", method_name},
                       {"route", route},
                       {"status", status},
                       {"ms", std::round(ms * 1000) / 1000},
                       {"request_id", request_id}});
  }
}

// A streamed answer: the headers with Transfer-Encoding: chunked, then one chunk per piece of the
// body. A piece is read on a database thread only once the previous one is written, so a slow
// client slows the reads instead of filling memory. The log line and metrics come at the end.
template <class Stream>
void HttpSession<Stream>::send_streamed(Response&& res, std::shared_ptr<BodyStream> body,
                                        bhttp::verb method, const std::string& route,
                                        std::string request_id,
                                        std::chrono::steady_clock::time_point started) {
  res.set("X-Request-Id", request_id);
  set_security_headers(res);
  if (core_.draining) res.keep_alive(false);
  res.erase(bhttp::field::content_length);
  res.chunked(true);
  streamed_ = std::make_shared<Streamed>(std::move(res.base()), std::move(body));
  streamed_->method = method;
  streamed_->route = route;
  streamed_->request_id = std::move(request_id);
  streamed_->started = started;
  tcp().expires_after(core_.config.write_timeout);
  bhttp::async_write_header(stream_, streamed_->serializer,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->end_streamed(ec.message());
                              self->read_piece();
                            });
}

template <class Stream>
void HttpSession<Stream>::read_piece() {
  net::post(core_.db_pool, [self = shared_from_this(), s = streamed_] {
    s->piece.clear();
    bool more = false;
    std::string failure;
    try {
      more = self->core_.dispatcher.next_piece(*s->body, s->piece);
    } catch (const std::exception& e) {
      failure = e.what();
      if (failure.empty()) failure = "unknown error";
    }
    net::post(self->stream_.get_executor(),
              [self, more, failure = std::move(failure)] { self->write_piece(more, failure); });
  });
}

template <class Stream>
void HttpSession<Stream>::write_piece(bool more, const std::string& failure) {
  if (!failure.empty()) return end_streamed(failure);
  if (streamed_->piece.empty() && more) return read_piece();  // nothing to send yet: read on
  tcp().expires_after(core_.config.write_timeout);
  if (streamed_->piece.empty())
    return net::async_write(stream_, bhttp::make_chunk_last(),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->end_streamed(ec ? ec.message() : std::string());
                            });
  net::async_write(stream_, bhttp::make_chunk(net::buffer(streamed_->piece)),
                   [self = shared_from_this(), more](beast::error_code ec, std::size_t) {
                     if (ec) return self->end_streamed(ec.message());
                     self->streamed_->piece.clear();
                     if (more) return self->read_piece();
                     self->write_piece(false, {});  // the last chunk
                   });
}

// Complete (`failure` empty): on to the next request. Cut: the connection is closed without the
// last chunk, so the client sees a truncated transfer, never a complete-looking file.
template <class Stream>
void HttpSession<Stream>::end_streamed(const std::string& failure) {
  const auto s = std::move(streamed_);
  --core_.in_flight;
  account(s->head.result_int(), s->method, s->route, s->request_id, s->started);
  if (!failure.empty()) {
    support::log_line({{"level", "warn"},
                       {"msg", "streamed answer cut"},
                       {"route", s->route},
                       {"request_id", s->request_id},
                       {"error", failure}});
    return close();
  }
  on_write(!s->head.keep_alive(), {}, 0);
}

template <class Stream>
void HttpSession<Stream>::on_write(bool close_after, beast::error_code ec, std::size_t) {
  response_.reset();
  wire_.reset();
  if (ec || close_after) return close();
  do_read();
}

template <class Stream>
void HttpSession<Stream>::reject(unsigned status, std::string slug, std::string title,
                                 std::string detail) {
  // The connection's framing cannot be trusted after a limit or parse error: answer, then close.
  Problem p(status, std::move(slug), std::move(title), std::move(detail));
  Response res = problem_response(p, 11, false);
  send(std::move(res), bhttp::verb::unknown, "-", support::request_id(),
       std::chrono::steady_clock::now(), false);
}

template <class Stream>
void HttpSession<Stream>::close() {
  if constexpr (tls) {
    // A close_notify, so the client can tell the end of the answer from a cut; under a short
    // deadline of its own, because a client may never answer it.
    if (closing_) return;
    closing_ = true;
    tcp().expires_after(
        std::min<std::chrono::milliseconds>(core_.config.write_timeout, std::chrono::seconds(5)));
    stream_.async_shutdown([self = shared_from_this()](beast::error_code) {
      beast::error_code ec;
      self->tcp().socket().close(ec);
    });
  } else {
    beast::error_code ec;
    tcp().socket().shutdown(tcp::socket::shutdown_send, ec);
    tcp().socket().close(ec);
  }
}

}  // namespace

void SessionRegistry::add(const std::shared_ptr<Session>& s) {
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [](const auto& w) { return w.expired(); });
  sessions_.push_back(s);
}

std::vector<std::shared_ptr<Session>> SessionRegistry::live() {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<Session>> out;
  for (auto& w : sessions_)
    if (auto s = w.lock()) out.push_back(std::move(s));
  return out;
}

bool SessionRegistry::empty() {
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [](const auto& w) { return w.expired(); });
  return sessions_.empty();
}

std::shared_ptr<Session> start_session(tcp::socket&& socket, ServerCore& core,
                                       std::unique_ptr<ConnectionLimits::Slot> slot,
                                       net::ssl::context* tls) {
  if (tls) {
    auto s = std::make_shared<HttpSession<beast::ssl_stream<beast::tcp_stream>>>(
        core, std::move(slot), std::move(socket), *tls);
    s->start();
    return s;
  }
  auto s =
      std::make_shared<HttpSession<beast::tcp_stream>>(core, std::move(slot), std::move(socket));
  s->start();
  return s;
}

}  // namespace dialogd::http
