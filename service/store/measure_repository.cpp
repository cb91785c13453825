#include "store/measure_repository.hpp"

#include <map>

#include "store/row_text.hpp"

namespace dialogd::store {
namespace {

MeasureRecord from_row(const soci::row& r) {
  MeasureRecord m;
  m.id = r.get<std::string>(0);
  m.dialogue_id = r.get<std::string>(1);
  m.need_id = r.get<std::string>(2);
  m.title = r.get<std::string>(3);
  m.description = optional_text(r, 4);
  m.responsible = optional_text(r, 5);
  m.decision = r.get<std::string>(6);
  m.rejection_reason = optional_text(r, 7);
  m.created_at = r.get<std::string>(8);
  return m;
}

#define MEASURE_COLUMNS                                                                     \
  "id, dialogue_id, need_id, title, description, responsible, decision, rejection_reason, " \
  "created_at"

}  // namespace

void MeasureRepository::replace_proposals(const std::string& dialogue_id,
                                          const std::vector<MeasureRecord>& measures) {
  conn_.sql() << "DELETE FROM measures WHERE dialogue_id = :d", soci::use(dialogue_id);
  for (const auto& m : measures) {
    soci::indicator d_ind = m.description ? soci::i_ok : soci::i_null;
    soci::indicator r_ind = m.responsible ? soci::i_ok : soci::i_null;
    const std::string description = m.description.value_or(""),
                      responsible = m.responsible.value_or("");
    conn_.sql() << "INSERT INTO measures (" MEASURE_COLUMNS
                   ") VALUES (:id, :d, :n, :t, :desc, :resp, 'proposed', "
                   "NULL, :c)",
        soci::use(m.id), soci::use(m.dialogue_id), soci::use(m.need_id), soci::use(m.title),
        soci::use(description, d_ind), soci::use(responsible, r_ind), soci::use(m.created_at);
  }
}

void MeasureRepository::set_decision(const std::string& id, const std::string& decision,
                                     const std::optional<std::string>& reason) {
  soci::indicator ind = reason ? soci::i_ok : soci::i_null;
  const std::string r = reason.value_or("");
  conn_.sql() << "UPDATE measures SET decision = :d, rejection_reason = :r WHERE id = :id",
      soci::use(decision), soci::use(r, ind), soci::use(id);
}

void MeasureRepository::reset_decisions(const std::string& dialogue_id) {
  conn_.sql() << "UPDATE measures SET decision = 'proposed', rejection_reason = NULL WHERE "
                 "dialogue_id = :d",
      soci::use(dialogue_id);
}

void MeasureRepository::load_updates(MeasureRecord& m) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT id, measure_id, on_date, status, progress, note, created_at "
                              "FROM measure_updates WHERE measure_id = :m ORDER BY id",
       soci::use(m.id));
  for (const auto& r : rows)
    m.updates.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                         r.get<std::string>(3), r.get<long long>(4), optional_text(r, 5),
                         r.get<std::string>(6)});
}

std::optional<MeasureRecord> MeasureRepository::find(const std::string& id) {
  std::optional<MeasureRecord> out;
  {
    soci::rowset<soci::row> rows =
        (conn_.sql().prepare << "SELECT " MEASURE_COLUMNS " FROM measures WHERE id = :id",
         soci::use(id));
    for (const auto& r : rows) out = from_row(r);
  }
  if (out) load_updates(*out);
  return out;
}

std::vector<MeasureRecord> MeasureRepository::for_dialogue(const std::string& dialogue_id) {
  std::vector<MeasureRecord> out;
  {
    soci::rowset<soci::row> rows =
        (conn_.sql().prepare << "SELECT " MEASURE_COLUMNS
                                " FROM measures WHERE dialogue_id = :d ORDER BY id",
         soci::use(dialogue_id));
    for (const auto& r : rows) out.push_back(from_row(r));
  }
  // Every measure's history in one query (in measure and id order), not one query per measure.
  std::map<std::string, MeasureRecord*> by_id;
  for (auto& m : out) by_id[m.id] = &m;
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT u.id, u.measure_id, u.on_date, u.status, u.progress, u.note, "
                              "u.created_at FROM measure_updates u JOIN measures m ON m.id = "
                              "u.measure_id WHERE m.dialogue_id = :d ORDER BY u.measure_id, u.id",
       soci::use(dialogue_id));
  for (const auto& r : rows)
    if (auto it = by_id.find(r.get<std::string>(1)); it != by_id.end())
      it->second->updates.push_back(
          {r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
           r.get<std::string>(3), r.get<long long>(4), optional_text(r, 5), r.get<std::string>(6)});
  return out;
}

std::vector<std::string> MeasureRepository::needs_with_measures(const std::string& dialogue_id) {
  std::vector<std::string> out;
  std::string id;
  soci::statement st =
      (conn_.sql().prepare << "SELECT DISTINCT need_id FROM measures WHERE dialogue_id = :d "
                              "ORDER BY need_id",
       soci::use(dialogue_id), soci::into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

void MeasureRepository::add_update(const MeasureUpdate& u) {
  soci::indicator ind = u.note ? soci::i_ok : soci::i_null;
  const std::string note = u.note.value_or("");
  conn_.sql() << "INSERT INTO measure_updates (id, measure_id, on_date, status, progress, note, "
                 "created_at) "
                 "VALUES (:id, :m, :on, :s, :p, :n, :c)",
      soci::use(u.id), soci::use(u.measure_id), soci::use(u.on), soci::use(u.status),
      soci::use(u.progress), soci::use(note, ind), soci::use(u.created_at);
}

}  // namespace dialogd::store
