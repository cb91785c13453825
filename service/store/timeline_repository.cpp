#include "store/timeline_repository.hpp"
#include "store/row_text.hpp"

namespace dialogd::store {

void TimelineRepository::append(const TimelineEntry& e) {
  soci::indicator from_ind = e.from_state ? soci::i_ok : soci::i_null;
  soci::indicator to_ind = e.to_state ? soci::i_ok : soci::i_null;
  soci::indicator note_ind = e.note ? soci::i_ok : soci::i_null;
  soci::indicator doc_ind = e.document ? soci::i_ok : soci::i_null;
  const std::string from = e.from_state.value_or(""), to = e.to_state.value_or(""),
                    note = e.note.value_or(""), doc = e.document.value_or("");
  conn_.sql()
      << "INSERT INTO timeline (id, dialogue_id, at, kind, from_state, to_state, note, document, "
         "actor_name, actor_role) VALUES (:id, :d, :at, :kind, :f, :t, :n, :doc, :an, :ar)",
      soci::use(e.id), soci::use(e.dialogue_id), soci::use(e.at), soci::use(e.kind),
      soci::use(from, from_ind), soci::use(to, to_ind), soci::use(note, note_ind),
      soci::use(doc, doc_ind), soci::use(e.actor_name), soci::use(e.actor_role);
}

std::vector<TimelineEntry> TimelineRepository::list(const std::string& dialogue_id,
                                                    const std::optional<std::string>& after_id,
                                                    int limit) {
  const std::string after = after_id.value_or("");
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare
           << "SELECT id, dialogue_id, at, kind, from_state, to_state, note, document, "
              "actor_name, actor_role FROM timeline WHERE dialogue_id = :d AND id > :after "
              "ORDER BY id LIMIT :lim",
       soci::use(dialogue_id), soci::use(after), soci::use(limit));
  std::vector<TimelineEntry> out;
  for (const soci::row& r : rows)
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                   r.get<std::string>(3), optional_text(r, 4), optional_text(r, 5),
                   optional_text(r, 6), optional_text(r, 7), r.get<std::string>(8),
                   r.get<std::string>(9)});
  return out;
}

}  // namespace dialogd::store
