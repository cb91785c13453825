// The contract and the pages around it: /, /openapi.yaml, /openapi.json, /docs.
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/openapi_document.hpp"

namespace dialogd::http::handlers {

namespace {

Response text(const RequestContext& ctx, std::string_view type, std::string_view body) {
  Response res{bhttp::status::ok, ctx.req.version()};
  res.set(bhttp::field::content_type, type);
  res.set(bhttp::field::cache_control, "public, max-age=300");
  res.body() = std::string(body);
  res.keep_alive(ctx.req.keep_alive());
  res.prepare_payload();
  return res;
}

constexpr std::string_view landing = R"(<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>dialogd</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head>
<body>
<h1>dialogd</h1>
<p lang="sv">Tjänst för medborgardialog: från beslutet att hålla en dialog till återkopplingen till medborgarna.</p>
<p lang="en">A service for citizen dialogue: from the decision to hold a dialogue to the feedback to citizens.</p>
<ul>
<li><a href="/docs">API-dokumentation / API documentation</a></li>
<li><a href="/widgets">Webbkomponenter för webbplatser / Widgets for websites</a></li>
<li><a href="/openapi.yaml">OpenAPI (YAML)</a> · <a href="/openapi.json">OpenAPI (JSON)</a></li>
<li><a href="/health">Hälsokontroll / Health check</a></li>
<li><a href="/readme">README</a></li>
</ul>
</body>
</html>
)";

}  // namespace

Response landing_page(RequestContext& ctx) {
  return text(ctx, "text/html; charset=utf-8", landing);
}

Response openapi_yaml(RequestContext& ctx) {
  return text(ctx, "application/yaml; charset=utf-8", openapi_document_yaml());
}

Response openapi_json(RequestContext& ctx) {
  return text(ctx, "application/json", openapi_document_json());
}

Response docs_page(RequestContext& ctx) {
  Response res = text(ctx, "text/html; charset=utf-8", docs_page_html());
  // The page works offline and talks to nothing but this service. Redoc's footer asks a CDN for a
  // logo; the policy stops that request and Redoc hides the image.
  res.set(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src "
      "'self'; "
      "worker-src 'self' blob:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'self'");
  return res;
}

Response readme(RequestContext& ctx) {
  return text(ctx, "text/markdown; charset=utf-8", embedded_readme());
}

Response docs_renderer(RequestContext& ctx) {
  const std::string_view bundle = redoc_bundle();
  if (bundle.empty())
    return text(
        ctx, "text/javascript; charset=utf-8",
        "document.body.insertAdjacentHTML('afterbegin', '<p "
        "style=\"font-family:sans-serif;margin:2rem\">"
        "This dialogd was built without the Redoc renderer: run <code>npm ci</code> and rebuild. "
        "The contract: <a href=\"/openapi.yaml\">openapi.yaml</a>.</p>');");
  Response res = text(ctx, "text/javascript; charset=utf-8", bundle);
  res.set(bhttp::field::cache_control, "public, max-age=86400");
  return res;
}

}  // namespace dialogd::http::handlers
