#include "atom.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "domain/ladder.hpp"
#include "mapping.hpp"
#include "text.hpp"

namespace dialogd::cms::atom {

namespace {

using text::xml_escape;

std::string trimmed(std::string_view base) {
  std::string b(base);
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b;
}

std::string tag_prefix(const Config& c) {
  std::string host = text::url_host(c.base_url);
  if (host.empty() || host.front() == '[') host = "localhost";
  return "tag:" + host + "," + c.tag_date + ":dialogd/";
}

std::string lang_query(Language lang) {
  return lang == Language::en ? "?lang=en" : "";
}

// An RFC 3339 instant normalised to whole seconds in UTC; nullopt when malformed.
struct Instant {
  std::int64_t epoch = 0;
  std::string text;
};
std::optional<Instant> instant(std::string_view s) {
  const auto t = text::parse_rfc3339(s);
  if (!t) return std::nullopt;
  return Instant{*t, text::rfc3339_seconds(*t)};
}

struct Entry {
  std::string id;
  std::string title;
  bool title_sv_only = false;  // the title is Swedish text in an English feed
  Instant updated;
  std::optional<Instant> published;
  std::string alternate;
  std::vector<std::pair<std::string, std::string>> related;     // (type, href)
  std::optional<std::pair<std::string, std::string>> category;  // (term, label)
  std::string content;
  std::string content_lang;  // "" = the feed's language
};

bool newest_first(const Entry& a, const Entry& b) {
  if (a.updated.epoch != b.updated.epoch) return a.updated.epoch > b.updated.epoch;
  return a.id < b.id;
}

std::string lang_attr(std::string_view lang) {
  return lang.empty() ? "" : " xml:lang=\"" + std::string(lang) + "\"";
}

struct Head {
  std::string id, title, subtitle, self, alternate_html, other_lang_feed, other_lang;
  std::string author_name;
  std::optional<std::string> author_uri;
};

std::string render(const Head& h, std::vector<Entry>& entries, const Instant& updated,
                   Language lang) {
  std::sort(entries.begin(), entries.end(), newest_first);
  const std::string feed_lang = lang == Language::en ? "en" : "sv";
  std::string x;
  x.reserve(4096 + entries.size() * 1024);
  x += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + feed_lang + "\">\n";
  x += "  <id>" + xml_escape(h.id) + "</id>\n";
  x += "  <title>" + xml_escape(h.title) + "</title>\n";
  if (!h.subtitle.empty()) x += "  <subtitle>" + xml_escape(h.subtitle) + "</subtitle>\n";
  x += "  <updated>" + updated.text + "</updated>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(h.self) + "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(h.alternate_html) +
       "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"application/atom+xml\" hreflang=\"" + h.other_lang +
       "\" href=\"" + xml_escape(h.other_lang_feed) + "\"/>\n";
  x += "  <author>\n    <name>" + xml_escape(h.author_name) + "</name>\n";
  if (h.author_uri) x += "    <uri>" + xml_escape(*h.author_uri) + "</uri>\n";
  x += "  </author>\n";
  x += "  <generator>dialogd</generator>\n";
  for (const auto& e : entries) {
    x += "  <entry>\n";
    x += "    <id>" + xml_escape(e.id) + "</id>\n";
    x += "    <title type=\"text\"" + std::string(e.title_sv_only ? lang_attr("sv") : "") + ">" +
         xml_escape(e.title) + "</title>\n";
    x += "    <updated>" + e.updated.text + "</updated>\n";
    if (e.published) x += "    <published>" + e.published->text + "</published>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(e.alternate) +
         "\"/>\n";
    for (const auto& [type, href] : e.related) {
      x += "    <link rel=\"related\"";
      if (!type.empty()) x += " type=\"" + xml_escape(type) + "\"";
      x += " href=\"" + xml_escape(href) + "\"/>\n";
    }
    if (e.category)
      x += "    <category term=\"" + xml_escape(e.category->first) + "\" label=\"" +
           xml_escape(e.category->second) + "\"/>\n";
    x += "    <content type=\"text\"" + lang_attr(e.content_lang) + ">" + xml_escape(e.content) +
         "</content>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

Instant newest(const std::vector<Entry>& entries, std::optional<Instant> floor, const Config& c) {
  std::optional<Instant> best = floor;
  for (const auto& e : entries)
    if (!best || e.updated.epoch > best->epoch) best = e.updated;
  if (best) return *best;
  if (auto empty = instant(c.empty_updated)) return *empty;
  return Instant{0, "1970-01-01T00:00:00Z"};
}

std::string percent(double share, bool en) {
  char buf[32];
  const double pct = share * 100.0;
  if (std::fabs(pct - std::round(pct)) < 0.05)
    std::snprintf(buf, sizeof buf, en ? "%.0f%%" : "%.0f %%", pct);
  else
    std::snprintf(buf, sizeof buf, en ? "%.1f%%" : "%.1f %%", pct);
  std::string s = buf;
  if (!en)
    for (char& ch : s)
      if (ch == '.') ch = ',';
  return s;
}

std::string dialogue_content(const PublicDialogue& d, bool en) {
  std::string c;
  c += (en ? "State: " : "Läge: ") + std::string(state_label(d.state, en)) + "\n";
  if (d.body) c += (en ? "Commissioned by: " : "Uppdragsgivare: ") + *d.body + "\n";
  if (d.case_number) c += (en ? "Case number: " : "Diarienummer: ") + *d.case_number + "\n";
  if (d.declared_level && *d.declared_level >= 1 && *d.declared_level <= 5) {
    const auto& step = domain::step(*d.declared_level);
    c += (en ? "Participation ladder: step " : "Delaktighetstrappan: steg ") +
         std::to_string(*d.declared_level) + ", " + std::string(en ? step.name.en : step.name.sv) +
         "\n";
  }
  if (d.purpose) c += (en ? "Purpose: " : "Syfte: ") + *d.purpose + "\n";
  if (!d.question_areas.empty()) {
    c += en ? "Question areas: " : "Frågeområden: ";
    for (std::size_t i = 0; i < d.question_areas.size(); ++i)
      c += (i ? "; " : "") + d.question_areas[i];
    c += "\n";
  }
  if (!d.target_groups.empty()) {
    c += en ? "Target groups: " : "Målgrupper: ";
    for (std::size_t i = 0; i < d.target_groups.size(); ++i) {
      const auto& g = d.target_groups[i];
      c += (i ? "; " : "") + g.label;
      if (g.expected_share) c += " (" + percent(*g.expected_share, en) + ")";
    }
    c += "\n";
  }
  if (!c.empty()) c.pop_back();
  return c;
}

Head head_common(const PublicOrganisation& org, Language lang) {
  Head h;
  h.author_name = lang == Language::en && org.name_en ? *org.name_en : org.name;
  h.author_uri = org.url;
  h.other_lang = lang == Language::en ? "sv" : "en";
  return h;
}

}  // namespace

Language parse_language(std::string_view lang) {
  return lang == "en" ? Language::en : Language::sv;
}

std::string organisation_feed_url(const Config& c, std::string_view organisation_id,
                                  Language lang) {
  return trimmed(c.base_url) + "/feeds/organisations/" + text::percent_encode(organisation_id) +
         "/dialogues.atom" + lang_query(lang);
}

std::string dialogue_feed_url(const Config& c, std::string_view dialogue_id, Language lang) {
  return trimmed(c.base_url) + "/feeds/dialogues/" + text::percent_encode(dialogue_id) + ".atom" +
         lang_query(lang);
}

std::string dialogue_entry_id(const Config& c, std::string_view dialogue_id) {
  return tag_prefix(c) + "dialogue/" + text::percent_encode(dialogue_id);
}
std::string transition_entry_id(const Config& c, std::string_view dialogue_id, std::int64_t seq) {
  return dialogue_entry_id(c, dialogue_id) + "/transition/" + std::to_string(seq);
}
std::string document_entry_id(const Config& c, std::string_view dialogue_id, StageKind kind) {
  return dialogue_entry_id(c, dialogue_id) + "/document/" + std::string(to_string(kind));
}
std::string feedback_entry_id(const Config& c, std::string_view dialogue_id,
                              std::string_view feedback_id) {
  return dialogue_entry_id(c, dialogue_id) + "/feedback/" + text::percent_encode(feedback_id);
}

Feed organisation_feed(const PublicOrganisation& org, const std::vector<PublicDialogue>& dialogues,
                       const Config& config, Language lang) {
  const bool en = lang == Language::en;
  Head h = head_common(org, lang);
  h.id = tag_prefix(config) + "organisation/" + text::percent_encode(org.id) + "/dialogues";
  h.title = (en ? "Citizen dialogues – " : "Medborgardialoger – ") + h.author_name;
  h.subtitle = en ? "The citizen dialogues of " + h.author_name +
                        ": what is asked, when, and what became of it."
                  : "Medborgardialoger i " + h.author_name +
                        ": vad som frågas, när, och vad det ledde till.";
  h.self = organisation_feed_url(config, org.id, lang);
  h.alternate_html = org.url ? *org.url : trimmed(config.base_url) + "/";
  h.other_lang_feed = organisation_feed_url(config, org.id, en ? Language::sv : Language::en);

  std::vector<Entry> entries;
  for (const auto& d : dialogues) {
    if (d.state == "draft") continue;  // not published yet, whatever the caller passed
    const auto updated = instant(d.updated_at);
    if (!updated) continue;  // a dialogue without a valid instant cannot be dated: left out
    Entry e;
    e.id = dialogue_entry_id(config, d.id);
    e.title = d.title;
    e.title_sv_only = en;
    e.updated = *updated;
    e.published = instant(d.created_at);
    e.alternate = d.public_url;
    e.related = {{"application/atom+xml", dialogue_feed_url(config, d.id, lang)}};
    e.category = std::pair{d.state, std::string(state_label(d.state, en))};
    e.content = dialogue_content(d, en);
    entries.push_back(std::move(e));
  }
  const Instant updated = newest(entries, std::nullopt, config);
  return {render(h, entries, updated, lang), updated.text};
}

Feed dialogue_feed(const PublicOrganisation& org, const PublicDialogue& d,
                   const std::vector<PublicTransition>& transitions,
                   const std::vector<PublicStageDocument>& documents,
                   const std::vector<PublicFeedbackEntry>& feedback, const Config& config,
                   Language lang) {
  const bool en = lang == Language::en;
  Head h = head_common(org, lang);
  h.id = dialogue_entry_id(config, d.id) + "/history";
  h.title = d.title + (en ? " – history" : " – historik");
  h.subtitle = en ? "What has happened in the dialogue, and the feedback to participants."
                  : "Vad som har hänt i dialogen och återkopplingen till deltagarna.";
  h.self = dialogue_feed_url(config, d.id, lang);
  h.alternate_html = d.public_url;
  h.other_lang_feed = dialogue_feed_url(config, d.id, en ? Language::sv : Language::en);

  std::vector<Entry> entries;
  for (const auto& t : transitions) {
    if (t.dialogue_id != d.id) continue;
    const auto at = instant(t.at);
    if (!at) continue;
    const std::string to = std::string(state_label(t.to, en));
    std::string content = en ? "From " + std::string(state_label(t.from, en)) + " to " + to + "."
                             : "Från " + std::string(state_label(t.from, en)) + " till " + to + ".";
    if (t.note && !t.note->empty()) content += (en ? "\n\nNote (Swedish): " : "\n\n") + *t.note;
    Entry e;
    e.id = transition_entry_id(config, d.id, t.seq);
    e.title = (en ? "The dialogue is now: " : "Dialogen är nu: ") + to;
    e.updated = *at;
    e.alternate = d.public_url;
    e.category = std::pair{t.to, to};
    e.content = std::move(content);
    entries.push_back(std::move(e));
  }
  for (const auto& doc : documents) {
    if (doc.dialogue_id != d.id) continue;
    const auto at = instant(doc.written_at);
    if (!at) continue;
    std::string title(stage_label(doc.kind, en));
    if (doc.title && !doc.title->empty()) title += ": " + *doc.title;
    Entry e;
    e.id = document_entry_id(config, d.id, doc.kind);
    e.title = std::move(title);
    e.title_sv_only = en && doc.title && !doc.title->empty();
    e.updated = *at;
    e.alternate = d.public_url;
    e.category =
        std::pair{std::string(to_string(doc.kind)), std::string(stage_label(doc.kind, en))};
    e.content = doc.summary;
    e.content_lang = en ? "sv" : "";
    if (doc.url) e.related.emplace_back("", *doc.url);
    entries.push_back(std::move(e));
  }
  for (const auto& f : feedback) {
    if (f.dialogue_id != d.id) continue;
    const auto at = instant(f.published_at);
    if (!at) continue;
    const bool english_text = en && f.text_en && !f.text_en->empty();
    Entry e;
    e.id = feedback_entry_id(config, d.id, f.id);
    e.title = std::string(moment_label(f.moment, en));
    e.updated = *at;
    e.published = *at;
    e.alternate = d.public_url;
    e.category = std::pair{"feedback-" + f.moment, std::string(moment_label(f.moment, en))};
    e.content = english_text ? *f.text_en : f.text_sv;
    e.content_lang = en && !english_text ? "sv" : "";
    entries.push_back(std::move(e));
  }
  const Instant updated = newest(entries, instant(d.updated_at), config);
  return {render(h, entries, updated, lang), updated.text};
}

}  // namespace dialogd::cms::atom
