#pragma once
// Atom 1.0 feeds (RFC 4287) of an organisation's published dialogues and of one dialogue's public
// history. Entry ids are tag URIs (RFC 4151) built from the host of `base_url` and stable across
// renders: tag:HOST,2026:dialogd/dialogue/ID for a dialogue, and under .../ID/ for its history
// (transition/SEQ, document/KIND, feedback/FEEDBACK_ID).
//
// Language: Swedish by default (xml:lang="sv"); Language::en (the routes' `?lang=en`) renders the
// feed's own words in English and English feedback texts where they exist. Texts that exist only in
// Swedish (titles, purposes, notes, stage summaries) keep xml:lang="sv" on their element.
#include <string>
#include <string_view>
#include <vector>

#include "public_data.hpp"

namespace dialogd::cms::atom {

enum class Language { sv, en };
// The routes' `lang` query value: "en" gives English, anything else (or none) Swedish.
Language parse_language(std::string_view lang);

struct Config {
  std::string base_url;           // "https://dialog.example.se", no trailing slash
  std::string tag_date = "2026";  // the date part of the tag URIs: never change it once published
  // `updated` of a feed with no entries and nothing else to date it (keeps renders identical).
  std::string empty_updated = "2026-01-01T00:00:00Z";
};

struct Feed {
  std::string xml;      // the document, UTF-8
  std::string updated;  // RFC 3339 of the newest entry: the feed's Last-Modified
};

// The feed's own address: the routes the integrator mounts.
std::string organisation_feed_url(const Config& c, std::string_view organisation_id, Language lang);
std::string dialogue_feed_url(const Config& c, std::string_view dialogue_id, Language lang);

// One entry per dialogue, newest `updated_at` first. The caller passes the organisation's public
// dialogues; drafts are left out here too (a dialogue is published from `planned` on).
Feed organisation_feed(const PublicOrganisation& org, const std::vector<PublicDialogue>& dialogues,
                       const Config& config, Language lang = Language::sv);

// The dialogue's transitions, published stage documents and public feedback, newest first.
Feed dialogue_feed(const PublicOrganisation& org, const PublicDialogue& dialogue,
                   const std::vector<PublicTransition>& transitions,
                   const std::vector<PublicStageDocument>& documents,
                   const std::vector<PublicFeedbackEntry>& feedback, const Config& config,
                   Language lang = Language::sv);

// Stable ids, exposed for tests and for anyone linking to an entry.
std::string dialogue_entry_id(const Config& c, std::string_view dialogue_id);
std::string transition_entry_id(const Config& c, std::string_view dialogue_id, std::int64_t seq);
std::string document_entry_id(const Config& c, std::string_view dialogue_id, StageKind kind);
std::string feedback_entry_id(const Config& c, std::string_view dialogue_id,
                              std::string_view feedback_id);

}  // namespace dialogd::cms::atom
