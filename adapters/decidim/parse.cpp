#include "decidim/parse.hpp"

#include <boost/json.hpp>
#include <cctype>

#include "decidim/html_to_text.hpp"

namespace dialogd::decidim {

namespace json = boost::json;

const char* to_string(MeetingType type) {
  switch (type) {
    case MeetingType::in_person:
      return "in_person";
    case MeetingType::online:
      return "online";
    case MeetingType::hybrid:
      return "hybrid";
  }
  return "in_person";
}

namespace {

Failure parse_error(const std::string& path, const std::string& what) {
  return fail(Failure::Kind::parse, path + ": " + what);
}

// A cursor into the document that remembers its path.
struct Node {
  const json::value* v;
  std::string path;

  bool missing() const { return v == nullptr || v->is_null(); }
  Node field(std::string_view name) const {
    const json::value* child = nullptr;
    if (v && v->is_object()) child = v->as_object().if_contains(name);
    return Node{child, path.empty() ? std::string(name) : path + "." + std::string(name)};
  }
  Node index(std::size_t i) const {
    return Node{&v->as_array()[i], path + "[" + std::to_string(i) + "]"};
  }
};

const char* kind_name(const json::value* v) {
  if (!v) return "missing";
  switch (v->kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "?";
}

Result<std::string> req_string(const Node& n) {
  if (n.v && n.v->is_string()) return std::string(n.v->as_string());
  if (n.v && (n.v->is_int64() || n.v->is_uint64()))  // IDs sometimes arrive as numbers
    return json::serialize(*n.v);
  return parse_error(n.path, std::string("expected a string, got ") + kind_name(n.v));
}

Result<std::string> opt_string(const Node& n) {
  if (n.missing()) return std::string();
  return req_string(n);
}

Result<bool> opt_bool(const Node& n, bool fallback = false) {
  if (n.missing()) return fallback;
  if (n.v->is_bool()) return n.v->as_bool();
  return parse_error(n.path, std::string("expected a boolean, got ") + kind_name(n.v));
}

Result<std::optional<int>> opt_int(const Node& n) {
  if (n.missing()) return std::optional<int>();
  if (n.v->is_int64()) {
    auto x = n.v->as_int64();
    if (x < 0 || x > 1000000000) return parse_error(n.path, "out of range");
    return std::optional<int>(static_cast<int>(x));
  }
  if (n.v->is_uint64() && n.v->as_uint64() <= 1000000000)
    return std::optional<int>(static_cast<int>(n.v->as_uint64()));
  return parse_error(n.path, std::string("expected an integer, got ") + kind_name(n.v));
}

Result<const json::object*> req_object(const Node& n) {
  if (n.v && n.v->is_object()) return &n.v->as_object();
  return parse_error(n.path, std::string("expected an object, got ") + kind_name(n.v));
}

// A translated field that must be an object with translations (or null when optional).
Result<std::optional<PickedText>> translated(const Node& n, const std::string& locale,
                                             bool required) {
  if (n.missing()) {
    if (required) return parse_error(n.path, "expected a translated field, got null");
    return std::optional<PickedText>();
  }
  if (!n.v->is_object())
    return parse_error(n.path, std::string("expected a translated field, got ") + kind_name(n.v));
  Node tr = n.field("translations");
  if (!tr.missing() && !tr.v->is_array())
    return parse_error(tr.path, std::string("expected an array, got ") + kind_name(tr.v));
  if (!tr.missing()) {
    const auto& arr = tr.v->as_array();
    for (std::size_t i = 0; i < arr.size(); ++i) {
      Node e = tr.index(i);
      if (!e.v->is_object())
        return parse_error(e.path, std::string("expected an object, got ") + kind_name(e.v));
      Node text = e.field("text");
      if (!text.missing() && !text.v->is_string())
        return parse_error(text.path, std::string("expected a string, got ") + kind_name(text.v));
    }
  }
  auto picked = pick_translation(n.v, locale);
  if (!picked && required) return parse_error(n.path, "no translation has any text");
  return picked;
}

// "2025-03-01" or "2025-03-01T08:00:00+01:00" -> "2025-03-01".
Result<std::optional<std::string>> date_of(const Node& n) {
  if (n.missing()) return std::optional<std::string>();
  auto s = req_string(n);
  if (!s) return s.failure();
  const std::string& v = *s;
  bool ok = v.size() >= 10 && v[4] == '-' && v[7] == '-';
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (ok && !std::isdigit(static_cast<unsigned char>(v[i]))) ok = false;
  if (!ok) return parse_error(n.path, "expected a date, got \"" + v.substr(0, 40) + "\"");
  return std::optional<std::string>(v.substr(0, 10));
}

Result<std::string> req_datetime(const Node& n) {
  auto s = req_string(n);
  if (!s) return s;
  auto d = date_of(n);
  if (!d) return d.failure();
  return s;
}

Result<Translated> translated_pair(const Node& n, bool html) {
  Translated out;
  if (n.missing()) return out;
  auto sv = translated(n, "sv", false);
  if (!sv) return sv.failure();
  // Exact per-locale texts (no fallback across locales).
  auto exact = [&](std::string_view loc) -> std::string {
    Node tr = n.field("translations");
    if (tr.missing() || !tr.v->is_array()) return {};
    for (const auto& e : tr.v->as_array()) {
      if (!e.is_object()) continue;
      auto* l = e.as_object().if_contains("locale");
      auto* t = e.as_object().if_contains("text");
      if (l && l->is_string() && l->as_string() == loc && t && t->is_string())
        return std::string(t->as_string());
    }
    return {};
  };
  out.sv = exact("sv");
  out.en = exact("en");
  if (html) {
    out.sv = html_to_text(out.sv);
    out.en = html_to_text(out.en);
  }
  return out;
}

Result<PageInfo> page_info(const Node& connection) {
  Node pi = connection.field("pageInfo");
  auto obj = req_object(pi);
  if (!obj) return obj.failure();
  PageInfo out;
  auto next = opt_bool(pi.field("hasNextPage"));
  if (!next) return next.failure();
  out.has_next_page = *next;
  Node end = pi.field("endCursor");
  if (!end.missing()) {
    auto s = req_string(end);
    if (!s) return s.failure();
    out.end_cursor = *s;
  }
  if (out.has_next_page && !out.end_cursor)
    return parse_error(end.path, "hasNextPage is true but endCursor is null");
  return out;
}

// data.component -> checks __typename and returns the connection node.
Result<Node> connection_of(const json::value& data, std::string_view type_name,
                           std::string_view field) {
  Node root{&data, ""};
  Node component = root.field("component");
  if (component.missing())
    return fail(Failure::Kind::not_found, "component: null (unknown, unpublished or not public)");
  auto obj = req_object(component);
  if (!obj) return obj.failure();
  Node tn = component.field("__typename");
  if (!tn.missing() && tn.v->is_string() && tn.v->as_string() != type_name)
    return parse_error(tn.path, "expected a " + std::string(type_name) + " component, got " +
                                    std::string(tn.v->as_string()));
  Node conn = component.field(field);
  auto c = req_object(conn);
  if (!c) return c.failure();
  Node edges = conn.field("edges");
  if (!edges.v || !edges.v->is_array())
    return parse_error(edges.path, std::string("expected an array, got ") + kind_name(edges.v));
  return conn;
}

std::string join_url(const ParseContext& ctx, const std::string& component_id,
                     std::string_view kind, const std::string& id) {
  if (ctx.base_url.empty() || ctx.process_slug.empty() || component_id.empty()) return {};
  std::string base = ctx.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/processes/" + ctx.process_slug + "/f/" + component_id + "/" + std::string(kind) +
         "/" + id;
}

}  // namespace

std::optional<PickedText> pick_translation(const json::value* field, std::string_view preferred) {
  if (!field || !field->is_object()) return std::nullopt;
  const auto& obj = field->as_object();
  std::vector<PickedText> found;
  if (auto* tr = obj.if_contains("translations"); tr && tr->is_array()) {
    for (const auto& e : tr->as_array()) {
      if (!e.is_object()) continue;
      auto* l = e.as_object().if_contains("locale");
      auto* t = e.as_object().if_contains("text");
      if (!l || !l->is_string() || !t || !t->is_string()) continue;
      std::string text(t->as_string());
      bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
      if (!blank) found.push_back({text, std::string(l->as_string())});
    }
  }
  for (std::string_view want : {preferred, std::string_view("sv"), std::string_view("en")}) {
    for (const auto& f : found)
      if (f.locale == want) return f;
  }
  if (!found.empty()) return found.front();
  if (auto* t = obj.if_contains("translation"); t && t->is_string() && !t->as_string().empty())
    return PickedText{std::string(t->as_string()), std::string(preferred)};
  return std::nullopt;
}

std::string municipality_from_address(std::string_view address) {
  // Find "NNN NN Town" (postcode with a space) or "NNNNN Town"; the town runs to a comma or end.
  for (std::size_t i = 0; i + 5 < address.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(address[i - 1]))) continue;
    auto digit = [&](std::size_t k) {
      return k < address.size() && std::isdigit(static_cast<unsigned char>(address[k]));
    };
    std::size_t j;
    if (digit(i) && digit(i + 1) && digit(i + 2) && address[i + 3] == ' ' && digit(i + 4) &&
        digit(i + 5) && !digit(i + 6))
      j = i + 6;
    else if (digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && digit(i + 4) &&
             !digit(i + 5))
      j = i + 5;
    else
      continue;
    if (j >= address.size() || address[j] != ' ') continue;
    std::size_t start = j + 1;
    std::size_t end = address.find(',', start);
    std::string_view town =
        address.substr(start, end == std::string_view::npos ? address.npos : end - start);
    while (!town.empty() && town.back() == ' ') town.remove_suffix(1);
    if (!town.empty() && !std::isdigit(static_cast<unsigned char>(town[0])))
      return std::string(town);
  }
  return {};
}

Result<DecidimVersionInfo> parse_version(const json::value& data) {
  Node root{&data, ""};
  Node d = root.field("decidim");
  auto obj = req_object(d);
  if (!obj) return obj.failure();
  DecidimVersionInfo out;
  Node v = d.field("version");
  if (!v.missing()) {
    auto s = req_string(v);
    if (!s) return s.failure();
    out.version = *s;
  }
  auto app = opt_string(d.field("applicationName"));
  if (!app) return app.failure();
  out.application_name = *app;
  return out;
}

Result<DecidimProcess> parse_process(const json::value& data, const ParseContext& ctx) {
  Node root{&data, ""};
  Node p = root.field("participatoryProcess");
  if (p.missing())
    return fail(Failure::Kind::not_found,
                "participatoryProcess: null (unknown, unpublished or private process)");
  auto obj = req_object(p);
  if (!obj) return obj.failure();
  DecidimProcess out;
  auto id = req_string(p.field("id"));
  if (!id) return id.failure();
  out.id = *id;
  auto slug = opt_string(p.field("slug"));
  if (!slug) return slug.failure();
  out.slug = *slug;
  auto title_check = translated(p.field("title"), ctx.locale, true);
  if (!title_check) return title_check.failure();
  auto title = translated_pair(p.field("title"), false);
  if (!title) return title.failure();
  out.title = *title;
  if (out.title.sv.empty() && out.title.en.empty()) out.title.sv = title_check->value().text;
  auto desc = translated_pair(p.field("description"), true);
  if (!desc) return desc.failure();
  out.description = *desc;

  Node steps = p.field("steps");
  if (!steps.missing()) {
    if (!steps.v->is_array())
      return parse_error(steps.path, std::string("expected an array, got ") + kind_name(steps.v));
    for (std::size_t i = 0; i < steps.v->as_array().size(); ++i) {
      Node s = steps.index(i);
      auto so = req_object(s);
      if (!so) return so.failure();
      DecidimStep step;
      auto sid = req_string(s.field("id"));
      if (!sid) return sid.failure();
      step.id = *sid;
      auto st = translated(s.field("title"), ctx.locale, true);
      if (!st) return st.failure();
      step.title = html_to_text(st->value().text, 500);
      auto sd = date_of(s.field("startDate"));
      if (!sd) return sd.failure();
      step.start_date = *sd;
      auto ed = date_of(s.field("endDate"));
      if (!ed) return ed.failure();
      step.end_date = *ed;
      auto active = opt_bool(s.field("active"));
      if (!active) return active.failure();
      step.active = *active;
      out.steps.push_back(std::move(step));
    }
  }
  Node comps = p.field("components");
  if (!comps.missing()) {
    if (!comps.v->is_array())
      return parse_error(comps.path, std::string("expected an array, got ") + kind_name(comps.v));
    for (std::size_t i = 0; i < comps.v->as_array().size(); ++i) {
      Node c = comps.index(i);
      auto co = req_object(c);
      if (!co) return co.failure();
      DecidimComponent comp;
      auto cid = req_string(c.field("id"));
      if (!cid) return cid.failure();
      comp.id = *cid;
      auto type = req_string(c.field("__typename"));
      if (!type) return type.failure();
      comp.type = *type;
      auto name = translated(c.field("name"), ctx.locale, false);
      if (!name) return name.failure();
      if (*name) comp.name = name->value().text;
      out.components.push_back(std::move(comp));
    }
  }
  return out;
}

Result<Page<DecidimMeeting>> parse_meetings_page(const json::value& data, const ParseContext& ctx) {
  auto conn = connection_of(data, "Meetings", "meetings");
  if (!conn) return conn.failure();
  Node root{&data, ""};
  auto component_id = opt_string(root.field("component").field("id"));
  if (!component_id) return component_id.failure();
  Page<DecidimMeeting> out;
  auto pi = page_info(*conn);
  if (!pi) return pi.failure();
  out.page_info = *pi;
  Node edges = conn->field("edges");
  for (std::size_t i = 0; i < edges.v->as_array().size(); ++i) {
    Node n = edges.index(i).field("node");
    auto no = req_object(n);
    if (!no) return no.failure();
    DecidimMeeting m;
    m.component_id = *component_id;
    auto id = req_string(n.field("id"));
    if (!id) return id.failure();
    m.id = *id;
    auto title = translated(n.field("title"), ctx.locale, true);
    if (!title) return title.failure();
    m.title = html_to_text(title->value().text, 500);
    auto start = req_datetime(n.field("startTime"));
    if (!start) return start.failure();
    m.start_time = *start;
    auto end = req_datetime(n.field("endTime"));
    if (!end) return end.failure();
    m.end_time = *end;
    auto type = req_string(n.field("typeOfMeeting"));
    if (!type) return type.failure();
    if (*type == "online")
      m.type = MeetingType::online;
    else if (*type == "hybrid")
      m.type = MeetingType::hybrid;
    else if (*type == "in_person")
      m.type = MeetingType::in_person;
    else
      return parse_error(n.path + ".typeOfMeeting",
                         "unknown meeting type \"" + type->substr(0, 40) + "\"");
    auto address = opt_string(n.field("address"));
    if (!address) return address.failure();
    m.address = html_to_text(*address, 500);
    auto location = translated(n.field("location"), ctx.locale, false);
    if (!location) return location.failure();
    if (*location) m.location = html_to_text(location->value().text, 500);
    m.municipality = municipality_from_address(m.address);
    auto closed = opt_bool(n.field("closed"));
    if (!closed) return closed.failure();
    m.closed = *closed;
    auto withdrawn = opt_bool(n.field("isWithdrawn"));
    if (!withdrawn) return withdrawn.failure();
    m.withdrawn = *withdrawn;
    auto withdrawn_dev = opt_bool(n.field("withdrawn"));  // develop
    if (!withdrawn_dev) return withdrawn_dev.failure();
    m.withdrawn = m.withdrawn || *withdrawn_dev;
    auto report = translated(n.field("closingReport"), ctx.locale, false);
    if (!report) return report.failure();
    if (*report && m.closed) m.closing_report = html_to_text(report->value().text);
    auto count = opt_int(n.field("attendeeCount"));
    if (!count) return count.failure();
    m.attendees_count = *count;
    auto url = opt_string(n.field("url"));  // develop only
    if (!url) return url.failure();
    m.url = url->empty() ? join_url(ctx, m.component_id, "meetings", m.id) : *url;
    out.items.push_back(std::move(m));
  }
  return out;
}

Result<Page<DecidimProposal>> parse_proposals_page(const json::value& data,
                                                   const ParseContext& ctx) {
  auto conn = connection_of(data, "Proposals", "proposals");
  if (!conn) return conn.failure();
  Node root{&data, ""};
  auto component_id = opt_string(root.field("component").field("id"));
  if (!component_id) return component_id.failure();
  Page<DecidimProposal> out;
  auto pi = page_info(*conn);
  if (!pi) return pi.failure();
  out.page_info = *pi;
  Node edges = conn->field("edges");
  for (std::size_t i = 0; i < edges.v->as_array().size(); ++i) {
    Node n = edges.index(i).field("node");
    auto no = req_object(n);
    if (!no) return no.failure();
    DecidimProposal p;
    p.component_id = *component_id;
    auto id = req_string(n.field("id"));
    if (!id) return id.failure();
    p.id = *id;
    auto title = translated(n.field("title"), ctx.locale, true);
    if (!title) return title.failure();
    p.title = html_to_text(title->value().text, 1000);
    p.language = title->value().locale;
    auto body = translated(n.field("body"), p.language, false);
    if (!body) return body.failure();
    if (*body) p.body = html_to_text(body->value().text);
    Node state = n.field("state");
    if (!state.missing()) {
      auto s = req_string(state);
      if (!s) return s.failure();
      p.state = *s;
    }
    auto withdrawn = opt_bool(n.field("withdrawn"));  // 0.29+
    if (!withdrawn) return withdrawn.failure();
    p.withdrawn = *withdrawn || (p.state && *p.state == "withdrawn");
    auto hidden = opt_bool(n.field("hidden"));  // not exposed by 0.27/0.28; honoured if present
    if (!hidden) return hidden.failure();
    p.hidden = *hidden;
    auto published = opt_string(n.field("publishedAt"));
    if (!published) return published.failure();
    p.published_at = *published;
    auto url = opt_string(n.field("url"));
    if (!url) return url.failure();
    p.url = url->empty() ? join_url(ctx, p.component_id, "proposals", p.id) : *url;
    out.items.push_back(std::move(p));
  }
  return out;
}

Result<Page<DecidimResult>> parse_results_page(const json::value& data) {
  auto conn = connection_of(data, "Accountability", "results");
  if (!conn) return conn.failure();
  Page<DecidimResult> out;
  auto pi = page_info(*conn);
  if (!pi) return pi.failure();
  out.page_info = *pi;
  Node edges = conn->field("edges");
  for (std::size_t i = 0; i < edges.v->as_array().size(); ++i) {
    Node n = edges.index(i).field("node");
    auto no = req_object(n);
    if (!no) return no.failure();
    DecidimResult r;
    auto id = req_string(n.field("id"));
    if (!id) return id.failure();
    r.id = *id;
    auto ext = opt_string(n.field("externalId"));
    if (!ext) return ext.failure();
    r.external_id = *ext;
    auto title = translated_pair(n.field("title"), false);
    if (!title) return title.failure();
    r.title = *title;
    auto sd = date_of(n.field("startDate"));
    if (!sd) return sd.failure();
    r.start_date = *sd;
    auto ed = date_of(n.field("endDate"));
    if (!ed) return ed.failure();
    r.end_date = *ed;
    Node progress = n.field("progress");
    if (!progress.missing()) {
      if (!progress.v->is_number())
        return parse_error(progress.path,
                           std::string("expected a number, got ") + kind_name(progress.v));
      r.progress = progress.v->to_number<double>();
    }
    Node parent = n.field("parent");
    if (!parent.missing()) {
      auto pid = req_string(parent.field("id"));
      if (!pid) return pid.failure();
      r.parent_id = *pid;
    }
    Node status = n.field("status");
    if (!status.missing()) {
      auto sid = req_string(status.field("id"));
      if (!sid) return sid.failure();
      r.status_id = *sid;
      auto key = opt_string(status.field("key"));
      if (!key) return key.failure();
      r.status_key = *key;
    }
    out.items.push_back(std::move(r));
  }
  return out;
}

}  // namespace dialogd::decidim
