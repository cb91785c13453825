#include "store/outbox_repository.hpp"
#include "store/row_text.hpp"

namespace dialogd::store {
namespace {

#define OUTBOX_COLUMNS                                                              \
  "id, channel, topic, dialogue_id, recipient, payload, due_on, status, attempts, " \
  "next_attempt_at, created_at, last_error, sent_at"

OutboxMessage from_row(const soci::row& r) {
  OutboxMessage m;
  m.id = r.get<std::string>(0);
  m.channel = r.get<std::string>(1);
  m.topic = r.get<std::string>(2);
  m.dialogue_id = optional_text(r, 3);
  m.recipient = r.get<std::string>(4);
  m.payload = r.get<std::string>(5);
  m.due_on = optional_text(r, 6);
  m.status = r.get<std::string>(7);
  m.attempts = r.get<long long>(8);
  m.next_attempt_at = r.get<std::string>(9);
  m.created_at = r.get<std::string>(10);
  m.last_error = optional_text(r, 11);
  m.sent_at = optional_text(r, 12);
  return m;
}

}  // namespace

void OutboxRepository::enqueue(const OutboxMessage& m) {
  soci::indicator d_ind = m.dialogue_id ? soci::i_ok : soci::i_null;
  soci::indicator due_ind = m.due_on ? soci::i_ok : soci::i_null;
  const std::string dialogue = m.dialogue_id.value_or(""), due = m.due_on.value_or("");
  conn_.sql()
      << "INSERT INTO outbox (id, channel, topic, dialogue_id, recipient, payload, due_on, status, "
         "attempts, next_attempt_at, created_at) VALUES (:id, :ch, :t, :d, :r, :p, :due, "
         "'pending', 0, "
         ":next, :created)",
      soci::use(m.id), soci::use(m.channel), soci::use(m.topic), soci::use(dialogue, d_ind),
      soci::use(m.recipient), soci::use(m.payload), soci::use(due, due_ind),
      soci::use(m.next_attempt_at), soci::use(m.created_at);
}

namespace {
// Channel names are ours (never user input), so they can be written into the statement.
std::string channel_filter(const std::vector<std::string>& channels) {
  std::string in;
  for (const auto& c : channels) in += (in.empty() ? "'" : ", '") + c + "'";
  return in.empty() ? "AND 1 = 0" : "AND channel IN (" + in + ")";
}
}  // namespace

std::vector<OutboxMessage> OutboxRepository::claim(const std::string& instance,
                                                   const std::string& now,
                                                   const std::string& lease_until, int limit,
                                                   const std::vector<std::string>& channels) {
  // The one place the two stores differ in locking: PostgreSQL lets concurrent claimers pass each
  // other by skipping locked rows; SQLite's BEGIN IMMEDIATE already admits one writer at a time.
  const bool pg = conn_.backend() == Backend::postgresql;
  const std::string select =
      std::string(
          "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= :now "
          "AND (claimed_until IS NULL OR claimed_until < :now2) " +
          channel_filter(channels) +
          " "
          "ORDER BY next_attempt_at, id LIMIT :lim") +
      (pg ? " FOR UPDATE SKIP LOCKED" : "");
  std::vector<OutboxMessage> out;
  conn_.begin_write();
  try {
    std::vector<std::string> ids;
    {
      std::string id;
      soci::statement st = (conn_.sql().prepare << select, soci::use(now), soci::use(now),
                            soci::use(limit), soci::into(id));
      st.execute();
      while (st.fetch()) ids.push_back(id);
    }
    for (const std::string& id : ids) {
      conn_.sql()
          << "UPDATE outbox SET claimed_by = :me, claimed_until = :until, attempts = attempts + 1 "
             "WHERE id = :id",
          soci::use(instance), soci::use(lease_until), soci::use(id);
      if (auto m = find(id)) out.push_back(std::move(*m));
    }
    conn_.commit();
  } catch (...) {
    conn_.rollback();
    throw;
  }
  return out;
}

bool OutboxRepository::mark_sent(const std::string& id, const std::string& instance,
                                 const std::string& now) {
  soci::statement st =
      (conn_.sql().prepare << "UPDATE outbox SET status = 'sent', sent_at = :now, "
                              "claimed_until = NULL, last_error = NULL "
                              "WHERE id = :id AND claimed_by = :me AND status = 'pending'",
       soci::use(now), soci::use(id), soci::use(instance));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool OutboxRepository::mark_retry(const std::string& id, const std::string& instance,
                                  const std::string& error, const std::string& next_attempt_at) {
  soci::statement st =
      (conn_.sql().prepare << "UPDATE outbox SET next_attempt_at = :next, claimed_until = NULL, "
                              "last_error = :err WHERE id = :id AND claimed_by = :me AND "
                              "status = 'pending'",
       soci::use(next_attempt_at), soci::use(error), soci::use(id), soci::use(instance));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool OutboxRepository::mark_failed(const std::string& id, const std::string& instance,
                                   const std::string& error) {
  soci::statement st =
      (conn_.sql().prepare << "UPDATE outbox SET status = 'failed', claimed_until = NULL, "
                              "last_error = :err WHERE id = :id AND claimed_by = :me AND "
                              "status = 'pending'",
       soci::use(error), soci::use(id), soci::use(instance));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<OutboxMessage> OutboxRepository::find(const std::string& id) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT " OUTBOX_COLUMNS " FROM outbox WHERE id = :id",
       soci::use(id));
  for (const auto& r : rows) return from_row(r);
  return std::nullopt;
}

std::vector<OutboxRepository::Backlog> OutboxRepository::backlog() {
  std::vector<Backlog> out;
  Backlog row;
  soci::statement st =
      (conn_.sql().prepare
           << "SELECT channel, status, COUNT(*) FROM outbox GROUP BY channel, status",
       soci::into(row.channel), soci::into(row.status), soci::into(row.count));
  st.execute();
  while (st.fetch()) out.push_back(row);
  return out;
}

std::optional<std::string> OutboxRepository::oldest_unsent_created_at() {
  std::string at;
  soci::indicator ind = soci::i_null;
  conn_.sql() << "SELECT MIN(created_at) FROM outbox WHERE status = 'pending'", soci::into(at, ind);
  if (ind != soci::i_ok) return std::nullopt;
  return at;
}

}  // namespace dialogd::store
