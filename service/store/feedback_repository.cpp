#include "store/feedback_repository.hpp"

#include "store/row_text.hpp"

namespace dialogd::store {

void FeedbackRepository::record_moment(const FeedbackMoment& m, const std::string& now) {
  conn_.sql()
      << "INSERT INTO feedback_moments (dialogue_id, moment, happened_on, due_on, created_at) "
         "VALUES (:d, :m, :h, :due, :c) ON CONFLICT (dialogue_id, moment) DO NOTHING",
      soci::use(m.dialogue_id), soci::use(m.moment), soci::use(m.happened_on), soci::use(m.due_on),
      soci::use(now);
}

std::vector<FeedbackMoment> FeedbackRepository::moments(const std::string& dialogue_id) {
  std::vector<FeedbackMoment> out;
  FeedbackMoment m{dialogue_id, {}, {}, {}};
  soci::statement st =
      (conn_.sql().prepare << "SELECT moment, happened_on, due_on FROM feedback_moments "
                              "WHERE dialogue_id = :d ORDER BY created_at, moment",
       soci::use(dialogue_id), soci::into(m.moment), soci::into(m.happened_on),
       soci::into(m.due_on));
  st.execute();
  while (st.fetch()) out.push_back(m);
  return out;
}

MomentCounts FeedbackRepository::counts(const std::string& dialogue_id, const std::string& moment,
                                        const std::string& today) {
  MomentCounts c;
  const std::string topic = "feedback." + moment;
  conn_.sql() << "SELECT COUNT(*), "
                 "COUNT(CASE WHEN status = 'sent' THEN 1 END), "
                 "COUNT(CASE WHEN status = 'failed' THEN 1 END), "
                 "COUNT(CASE WHEN status = 'pending' THEN 1 END), "
                 "COUNT(CASE WHEN status <> 'sent' AND due_on < :today THEN 1 END) "
                 "FROM outbox WHERE dialogue_id = :d AND topic = :t AND channel = 'email'",
      soci::use(today), soci::use(dialogue_id), soci::use(topic), soci::into(c.owed),
      soci::into(c.sent), soci::into(c.failed), soci::into(c.pending), soci::into(c.overdue);
  return c;
}

long long FeedbackRepository::unsent(const std::string& dialogue_id) {
  long long n = 0;
  conn_.sql() << "SELECT COUNT(*) FROM outbox WHERE dialogue_id = :d AND channel = 'email' AND "
                 "status <> 'sent'",
      soci::use(dialogue_id), soci::into(n);
  return n;
}

void FeedbackRepository::publish(const PublicEntry& e) {
  conn_.sql() << "DELETE FROM public_feedback WHERE dialogue_id = :d AND moment = :m",
      soci::use(e.dialogue_id), soci::use(e.moment);
  conn_.sql() << "INSERT INTO public_feedback (dialogue_id, moment, document, published_at) VALUES "
                 "(:d, :m, :doc, :p)",
      soci::use(e.dialogue_id), soci::use(e.moment), soci::use(e.document),
      soci::use(e.published_at);
}

std::vector<PublicEntry> FeedbackRepository::public_entries(const std::string& dialogue_id) {
  std::vector<PublicEntry> out;
  PublicEntry e{dialogue_id, {}, {}, {}};
  soci::statement st =
      (conn_.sql().prepare << "SELECT moment, document, published_at FROM public_feedback "
                              "WHERE dialogue_id = :d ORDER BY published_at, moment",
       soci::use(dialogue_id), soci::into(e.moment), soci::into(e.document),
       soci::into(e.published_at));
  st.execute();
  while (st.fetch()) out.push_back(e);
  return out;
}

namespace {
#define CONTACT_SELECT                                                                             \
  "SELECT k.contribution_id, k.email, k.name, c.language FROM contacts k JOIN contributions c ON " \
  "c.id = k.contribution_id "
}  // namespace

std::vector<ContactRow> FeedbackRepository::contacts_of_dialogue(const std::string& dialogue_id) {
  std::vector<ContactRow> out;
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << CONTACT_SELECT "WHERE c.dialogue_id = :d ORDER BY c.id",
       soci::use(dialogue_id));
  for (const auto& r : rows)
    out.push_back(
        {r.get<std::string>(0), r.get<std::string>(1), optional_text(r, 2), r.get<std::string>(3)});
  return out;
}

std::vector<ContactRow> FeedbackRepository::contacts_of(
    const std::vector<std::string>& contribution_ids) {
  std::vector<ContactRow> out;
  for (const auto& id : contribution_ids) {
    soci::rowset<soci::row> rows =
        (conn_.sql().prepare << CONTACT_SELECT "WHERE k.contribution_id = :c", soci::use(id));
    for (const auto& r : rows)
      out.push_back({r.get<std::string>(0), r.get<std::string>(1), optional_text(r, 2),
                     r.get<std::string>(3)});
  }
  return out;
}

long long FeedbackRepository::erase_contacts_of_dialogue(const std::string& dialogue_id) {
  soci::statement st =
      (conn_.sql().prepare << "DELETE FROM contacts WHERE contribution_id IN "
                              "(SELECT id FROM contributions WHERE dialogue_id = :d)",
       soci::use(dialogue_id));
  st.execute(true);
  return st.get_affected_rows();
}

long long FeedbackRepository::erase_contacts_by_email(const std::string& email,
                                                      const std::string& organisation_id) {
  soci::statement st =
      (conn_.sql().prepare << "DELETE FROM contacts WHERE LOWER(email) = LOWER(:e) AND "
                              "contribution_id IN (SELECT c.id FROM contributions c JOIN dialogues "
                              "d ON d.id = c.dialogue_id WHERE d.organisation_id = :o)",
       soci::use(email), soci::use(organisation_id));
  st.execute(true);
  return st.get_affected_rows();
}

long long FeedbackRepository::opted_in_people(const std::string& dialogue_id) {
  long long n = 0;
  conn_.sql() << "SELECT COUNT(DISTINCT LOWER(email)) FROM contacts WHERE dialogue_id = :d",
      soci::use(dialogue_id), soci::into(n);
  return n;
}

long long FeedbackRepository::traced_contributions(
    const std::string& dialogue_id, const std::vector<std::string>& answered_need_ids) {
  long long set_aside = 0;
  conn_.sql() << "SELECT COUNT(*) FROM contribution_dispositions p WHERE p.dialogue_id = :d AND "
                 "p.disposition <> 'need' AND p.reason IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                 "need_contributions l WHERE l.contribution_id = p.contribution_id)",
      soci::use(dialogue_id), soci::into(set_aside);
  if (answered_need_ids.empty()) return set_aside;
  // Needs cite only their own dialogue's contributions (app::record_need checks), so the links of
  // the answered needs are enough; grouped because a contribution may feed several of them (a GROUP
  // BY rather than COUNT(DISTINCT), which PostgreSQL sorts).
  std::string q =
      "SELECT COUNT(*) FROM (SELECT contribution_id FROM need_contributions WHERE "
      "need_id IN (";
  for (std::size_t i = 0; i < answered_need_ids.size(); ++i)
    q += (i ? ", :n" : ":n") + std::to_string(i);
  q += ") GROUP BY contribution_id) cited";
  long long answered = 0;
  soci::statement st(conn_.sql());
  for (const auto& id : answered_need_ids) st.exchange(soci::use(id));
  st.exchange(soci::into(answered));
  st.alloc();
  st.prepare(q);
  st.define_and_bind();
  st.execute(true);
  return set_aside + answered;
}

std::vector<std::pair<std::string, long long>> FeedbackRepository::overdue_messages_by_dialogue(
    const std::string& today, const std::string& organisation_id) {
  std::vector<std::pair<std::string, long long>> out;
  std::string id;
  long long n = 0;
  // Unsent email past its due date, counted by dialogue and topic from outbox_unsent_email alone
  // (migration 011; the conditions repeat its WHERE so both stores use it), then summed over the
  // topics of the dialogue's recorded moments. Every dialogue with such a message gets a row.
  soci::statement st =
      (conn_.sql().prepare
           << "SELECT x.dialogue_id, CAST(SUM(CASE WHEN m.moment IS NULL THEN 0 ELSE x.n END) AS "
              "BIGINT) FROM (SELECT o.dialogue_id, o.topic, COUNT(*) AS n FROM outbox o "
              "WHERE o.channel = 'email' AND o.status <> 'sent' AND o.due_on < :t "
              "GROUP BY o.dialogue_id, o.topic) x "
              "JOIN dialogues d ON d.id = x.dialogue_id AND d.organisation_id = :o "
              "LEFT JOIN feedback_moments m ON m.dialogue_id = x.dialogue_id AND "
              "x.topic = 'feedback.' || m.moment "
              "GROUP BY x.dialogue_id ORDER BY x.dialogue_id",
       soci::use(today), soci::use(organisation_id), soci::into(id), soci::into(n));
  st.execute();
  while (st.fetch()) out.emplace_back(id, n);
  return out;
}

std::vector<std::pair<std::string, std::string>> FeedbackRepository::decisions_awaiting_follow_up(
    const std::string& organisation_id) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string id, document;
  soci::statement st =
      (conn_.sql().prepare
           << "SELECT s.dialogue_id, s.document FROM stage_documents s "
              "JOIN dialogues d ON d.id = s.dialogue_id "
              "WHERE s.kind = 'decision' AND d.state = 'decided' AND d.organisation_id = :o "
              "ORDER BY s.dialogue_id",
       soci::use(organisation_id), soci::into(id), soci::into(document));
  st.execute();
  while (st.fetch()) out.emplace_back(id, document);
  return out;
}

Webhook FeedbackRepository::add_webhook(const Webhook& w) {
  conn_.sql()
      << "INSERT INTO webhooks (id, url, events, secret, created_at, organisation_id) VALUES (:id, "
         ":u, :e, :s, :c, :o)",
      soci::use(w.id), soci::use(w.url), soci::use(w.events), soci::use(w.secret),
      soci::use(w.created_at), soci::use(w.organisation_id);
  return w;
}

std::vector<Webhook> FeedbackRepository::webhooks(const std::string& organisation_id) {
  std::vector<Webhook> out;
  Webhook w;
  soci::statement st =
      (conn_.sql().prepare << "SELECT id, url, events, secret, created_at, organisation_id "
                              "FROM webhooks WHERE deleted_at IS NULL AND organisation_id = :o "
                              "ORDER BY id",
       soci::use(organisation_id), soci::into(w.id), soci::into(w.url), soci::into(w.events),
       soci::into(w.secret), soci::into(w.created_at), soci::into(w.organisation_id));
  st.execute();
  while (st.fetch()) out.push_back(w);
  return out;
}

std::optional<Webhook> FeedbackRepository::webhook(const std::string& id) {
  Webhook w;
  soci::indicator ind = soci::i_null;
  conn_.sql() << "SELECT id, url, events, secret, created_at, organisation_id FROM webhooks "
                 "WHERE id = :id AND deleted_at IS NULL",
      soci::use(id), soci::into(w.id, ind), soci::into(w.url), soci::into(w.events),
      soci::into(w.secret), soci::into(w.created_at), soci::into(w.organisation_id);
  if (ind != soci::i_ok) return std::nullopt;
  return w;
}

bool FeedbackRepository::delete_webhook(const std::string& id, const std::string& organisation_id,
                                        const std::string& now) {
  soci::statement st = (conn_.sql().prepare << "UPDATE webhooks SET deleted_at = :n WHERE id = :id "
                                               "AND organisation_id = :o AND deleted_at IS NULL",
                        soci::use(now), soci::use(id), soci::use(organisation_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace dialogd::store
