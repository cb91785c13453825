#include "store/dialogue_repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/plan_json.hpp"

namespace dialogd::store {
namespace {

struct Row {
  std::string id, state, plan, created_at, updated_at, organisation_id, body_id, plan_item;
  long long version = 0, plan_year = 0;
  soci::indicator body_ind = soci::i_null, year_ind = soci::i_null, item_ind = soci::i_null;
};

domain::Dialogue to_dialogue(const Row& r) {
  domain::Dialogue d;
  d.id = r.id;
  d.state = domain::parse_state(r.state).value_or(domain::State::draft);
  d.version = r.version;
  d.created_at = r.created_at;
  d.updated_at = r.updated_at;
  d.organisation_id = r.organisation_id;
  if (r.body_ind == soci::i_ok) d.body_id = r.body_id;
  if (r.year_ind == soci::i_ok && r.item_ind == soci::i_ok)
    d.plan_item = domain::PlanItemRef{static_cast<int>(r.plan_year), r.plan_item};
  codec::FieldErrors ignored;  // the stored plan was validated when it was written
  d.plan = codec::read_plan(boost::json::parse(r.plan).as_object(), ignored);
  return d;
}

std::string plan_text(const domain::Plan& p) {
  return boost::json::serialize(codec::to_json(p));
}

#define DIALOGUE_COLUMNS                                                                    \
  "id, state, version, plan, created_at, updated_at, organisation_id, body_id, plan_year, " \
  "plan_item"

void bind_row(soci::statement& st, Row& r) {
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.state));
  st.exchange(soci::into(r.version));
  st.exchange(soci::into(r.plan));
  st.exchange(soci::into(r.created_at));
  st.exchange(soci::into(r.updated_at));
  st.exchange(soci::into(r.organisation_id));
  st.exchange(soci::into(r.body_id, r.body_ind));
  st.exchange(soci::into(r.plan_year, r.year_ind));
  st.exchange(soci::into(r.plan_item, r.item_ind));
}

// The public read of one dialogue: prepared once per session.
struct FindDialogue {
  std::string id;
  Row row;
  soci::statement st;
  explicit FindDialogue(soci::session& sql) : st(sql) {
    bind_row(st, row);
    st.exchange(soci::use(id));
    st.alloc();
    st.prepare("SELECT " DIALOGUE_COLUMNS " FROM dialogues WHERE id = :id");
    st.define_and_bind();
  }
};

struct DialogueVersion {
  std::string id;
  long long version = 0;
  soci::statement st;
  explicit DialogueVersion(soci::session& sql)
      : st((sql.prepare << "SELECT version FROM dialogues WHERE id = :id", soci::use(id),
            soci::into(version))) {}
};

// Every list of dialogues: one prepared statement per session, each filter on or off by its
// parameter (an empty text or 0 turns it off).
struct ListDialogues {
  std::string organisation, state, body, before;
  long long year = 0, published_only = 0;
  int limit = 20;
  Row row;
  soci::statement st;
  explicit ListDialogues(soci::session& sql) : st(sql) {
    bind_row(st, row);
    // Each parameter is bound once per occurrence (positional binds, the same on both stores).
    for (auto* text : {&organisation, &organisation, &state, &state, &body, &body})
      st.exchange(soci::use(*text));
    st.exchange(soci::use(year));
    st.exchange(soci::use(year));
    st.exchange(soci::use(published_only));
    st.exchange(soci::use(before));
    st.exchange(soci::use(before));
    st.exchange(soci::use(limit));
    st.alloc();
    st.prepare("SELECT " DIALOGUE_COLUMNS
               " FROM dialogues WHERE (:o1 = '' OR organisation_id = :o2) "
               "AND (:s1 = '' OR state = :s2) AND (:b1 = '' OR body_id = :b2) "
               "AND (:y1 = 0 OR COALESCE(plan_year, CAST(SUBSTR(created_at, 1, 4) AS BIGINT)) "
               "= :y2) AND (:p1 = 0 OR state <> 'draft') AND (:c1 = '' OR id < :c2) "
               "ORDER BY id DESC LIMIT :lim");
    st.define_and_bind();
  }
};

}  // namespace

std::optional<domain::Dialogue> DialogueRepository::find(const std::string& id) {
  auto& q = conn_.prepared<FindDialogue>();
  q.id = id;
  q.st.execute(true);
  if (!q.st.got_data()) return std::nullopt;
  return to_dialogue(q.row);
}

std::optional<std::int64_t> DialogueRepository::version_of(const std::string& id) {
  auto& q = conn_.prepared<DialogueVersion>();
  q.id = id;
  q.st.execute(true);
  if (!q.st.got_data()) return std::nullopt;
  return q.version;
}

void DialogueRepository::insert(const domain::Dialogue& d) {
  const std::string state(domain::to_string(d.state)), plan = plan_text(d.plan);
  const long long version = d.version;
  std::string body = d.body_id.value_or(""), item = d.plan_item ? d.plan_item->key : "";
  long long year = d.plan_item ? d.plan_item->year : 0;
  soci::indicator body_ind = d.body_id ? soci::i_ok : soci::i_null;
  soci::indicator item_ind = d.plan_item ? soci::i_ok : soci::i_null, year_ind = item_ind;
  conn_.sql() << "INSERT INTO dialogues (" DIALOGUE_COLUMNS
                 ", title) "
                 "VALUES (:id, :state, :version, :plan, :created, :updated, :org, :body, :year, "
                 ":item, :title)",
      soci::use(d.id), soci::use(state), soci::use(version), soci::use(plan),
      soci::use(d.created_at), soci::use(d.updated_at), soci::use(d.organisation_id),
      soci::use(body, body_ind), soci::use(year, year_ind), soci::use(item, item_ind),
      soci::use(d.plan.title);
  write_target_groups(d);
}

bool DialogueRepository::update(const domain::Dialogue& d, std::int64_t expected_version) {
  const std::string state(domain::to_string(d.state)), plan = plan_text(d.plan);
  const long long version = d.version, expected = expected_version;
  soci::statement st =
      (conn_.sql().prepare
           << "UPDATE dialogues SET state = :state, version = :version, plan = :plan, "
              "title = :title, updated_at = :updated WHERE id = :id AND version = :expected",
       soci::use(state), soci::use(version), soci::use(plan), soci::use(d.plan.title),
       soci::use(d.updated_at), soci::use(d.id), soci::use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_target_groups(d);
  return true;
}

bool DialogueRepository::remove(const std::string& id, std::int64_t expected_version) {
  const long long expected = expected_version;
  conn_.sql() << "DELETE FROM timeline WHERE dialogue_id = :id", soci::use(id);
  soci::statement st =
      (conn_.sql().prepare << "DELETE FROM dialogues WHERE id = :id AND version = :v",
       soci::use(id), soci::use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<domain::Dialogue> DialogueRepository::list(const DialogueQuery& query, int limit) {
  auto& q = conn_.prepared<ListDialogues>();
  q.organisation = query.organisation_id.value_or("");
  q.state = query.state.value_or("");
  q.body = query.body_id.value_or("");
  q.year = query.year.value_or(0);
  q.published_only = query.published_only ? 1 : 0;
  q.before = query.before_id.value_or("");
  q.limit = limit;
  std::vector<domain::Dialogue> out;
  q.st.execute();
  while (q.st.fetch()) out.push_back(to_dialogue(q.row));
  return out;
}

// Read with every dialogue answer: one prepared round trip for all the counts.
struct DialogueFacts {
  std::string id;
  domain::StageFacts f;
  soci::statement st;
  explicit DialogueFacts(soci::session& sql)
      : st((sql.prepare
                << "SELECT "
                   "(SELECT COUNT(*) FROM activities WHERE dialogue_id = :a), "
                   "(SELECT COUNT(*) FROM activities WHERE dialogue_id = :b AND "
                   "has_public_documentation = 1), "
                   "(SELECT CAST(COALESCE(SUM(participants_total), 0) AS BIGINT) FROM activities "
                   "WHERE dialogue_id = :c), "
                   "(SELECT COALESCE(MAX(contributions), 0) FROM dialogue_counts WHERE "
                   "dialogue_id = :d), "
                   "(SELECT COUNT(*) FROM checkpoints WHERE dialogue_id = :e)",
            soci::use(id), soci::use(id), soci::use(id), soci::use(id), soci::use(id),
            soci::into(f.activities), soci::into(f.documented_activities),
            soci::into(f.participants), soci::into(f.contributions), soci::into(f.checkpoints))) {}
};

domain::StageFacts DialogueRepository::facts(const std::string& id) {
  auto& q = conn_.prepared<DialogueFacts>();
  q.id = id;
  q.st.execute(true);
  return q.f;
}

domain::StageFacts DialogueRepository::transition_facts(const std::string& id) {
  domain::StageFacts f = facts(id);
  soci::session& sql = conn_.sql();
  {
    std::string need;
    long long cited = 0;
    soci::statement st =
        (sql.prepare
             << "SELECT n.id, (SELECT COUNT(*) FROM need_contributions l WHERE l.need_id = n.id) "
                "FROM needs n WHERE n.dialogue_id = :d ORDER BY n.id",
         soci::use(id), soci::into(need), soci::into(cited));
    st.execute();
    while (st.fetch()) {
      f.need_ids.push_back(need);
      if (cited == 0) f.needs_without_contributions.push_back(need);
    }
  }
  sql << "SELECT COUNT(*) FROM contributions c WHERE c.dialogue_id = :d "
         "AND NOT EXISTS (SELECT 1 FROM contribution_dispositions p WHERE p.contribution_id = "
         "c.id) "
         "AND NOT EXISTS (SELECT 1 FROM need_contributions l WHERE l.contribution_id = c.id)",
      soci::use(id), soci::into(f.unprocessed_contributions);
  auto document = [&](const char* kind) -> std::optional<boost::json::value> {
    // Named, not temporary: SOCI runs the statement when the whole expression ends, after
    // temporaries made inside it are gone.
    const std::string kind_text(kind);
    std::string doc;
    soci::indicator ind = soci::i_null;
    sql << "SELECT document FROM stage_documents WHERE dialogue_id = :d AND kind = :k",
        soci::use(id), soci::use(kind_text), soci::into(doc, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return boost::json::parse(doc);
  };

  if (auto report = document("report")) {
    f.has_report = true;
    for (const auto& n : report->at("need_ids").as_array())
      f.report_need_ids.emplace_back(n.as_string());
  }
  if (auto answer = document("answer")) {
    for (const auto& r : answer->at("responses").as_array()) {
      const auto& o = r.as_object();
      const bool has_measures = !o.at("measures").as_array().empty();
      const bool has_reason =
          o.contains("no_measure_reason") && o.at("no_measure_reason").is_string();
      if (has_measures || has_reason) f.answered_need_ids.emplace_back(o.at("need_id").as_string());
    }
  }
  if (auto decision = document("decision")) {
    f.has_decision = true;
    const std::string decided_on(decision->at("decided_on").as_string());
    sql << "SELECT COUNT(*) FROM measures m WHERE m.dialogue_id = :d AND m.decision = 'adopted' "
           "AND NOT EXISTS (SELECT 1 FROM measure_updates u WHERE u.measure_id = m.id AND "
           "u.on_date >= :on)",
        soci::use(id), soci::use(decided_on), soci::into(f.adopted_without_status);
  }
  sql << "SELECT COUNT(*) FROM measures WHERE dialogue_id = :d AND decision = 'proposed'",
      soci::use(id), soci::into(f.undecided_measures);
  f.has_follow_up = document("follow_up").has_value();
  sql << "SELECT COUNT(*) FROM outbox WHERE dialogue_id = :d AND channel = 'email' AND status <> "
         "'sent'",
      soci::use(id), soci::into(f.unsent_feedback);
  return f;
}

void DialogueRepository::write_target_groups(const domain::Dialogue& d) {
  conn_.sql() << "DELETE FROM dialogue_target_groups WHERE dialogue_id = :id", soci::use(d.id);
  for (const auto& g : d.plan.target_groups)
    conn_.sql() << "INSERT INTO dialogue_target_groups (dialogue_id, group_key) VALUES (:d, :k)",
        soci::use(d.id), soci::use(g.key);
}

}  // namespace dialogd::store
