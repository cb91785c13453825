#pragma once
// The body of an answer that is streamed (Transfer-Encoding: chunked) instead of built whole: a
// large open-data export starts at once and its memory stays bounded. The handler answers the
// status and headers and leaves a BodyStream in RequestContext::body; the session then asks it for
// one piece at a time on a database thread, and asks for the next only after the previous piece
// was written to the socket (back-pressure from a slow client reaches the database reads).
#include <string>

#include "app/context.hpp"

namespace dialogd::http {

class BodyStream {
 public:
  virtual ~BodyStream() = default;
  // Appends the next piece of the body to `out` and answers whether more follows. `app` reads as
  // an anonymous reader through a store connection leased for this call only, so a slow client
  // holds no connection between pieces. A throw ends the answer: the client sees a cut transfer
  // (no last chunk), never a complete-looking one.
  virtual bool next(app::Context& app, std::string& out) = 0;
};

}  // namespace dialogd::http
