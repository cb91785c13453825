#include "store/contribution_repository.hpp"

namespace dialogd::store {
namespace {

#define CONTRIBUTION_COLUMNS                                                                      \
  "c.id, c.dialogue_id, c.activity_id, c.receipt, c.channel, c.language, c.document, c.version, " \
  "c.created_at"

ContributionRecord from_row(const soci::row& r) {
  ContributionRecord c;
  c.id = r.get<std::string>(0);
  c.dialogue_id = r.get<std::string>(1);
  if (r.get_indicator(2) == soci::i_ok) c.activity_id = r.get<std::string>(2);
  c.receipt = r.get<std::string>(3);
  c.channel = r.get<std::string>(4);
  c.language = r.get<std::string>(5);
  c.document = r.get<std::string>(6);
  c.version = r.get<long long>(7);
  c.created_at = r.get<std::string>(8);
  return c;
}

// The hot write: prepared once per pooled session.
struct InsertContribution {
  ContributionRecord row;
  std::string activity;
  soci::indicator activity_ind = soci::i_null;
  soci::statement st;
  explicit InsertContribution(soci::session& sql)
      : st((sql.prepare << "INSERT INTO contributions (id, dialogue_id, activity_id, receipt, "
                           "channel, language, "
                           "document, version, created_at) VALUES (:id, :d, :a, :r, :ch, :l, :doc, "
                           ":v, :at) ON CONFLICT (receipt) DO NOTHING",
            soci::use(row.id), soci::use(row.dialogue_id), soci::use(activity, activity_ind),
            soci::use(row.receipt), soci::use(row.channel), soci::use(row.language),
            soci::use(row.document), soci::use(row.version), soci::use(row.created_at))) {}
};

struct CountContributions {
  std::string dialogue_id;
  long long added = 1;
  soci::statement st;
  explicit CountContributions(soci::session& sql)
      : st((sql.prepare
                << "INSERT INTO dialogue_counts (dialogue_id, contributions) VALUES (:d, :n) "
                   "ON CONFLICT (dialogue_id) DO UPDATE SET contributions = "
                   "dialogue_counts.contributions + excluded.contributions",
            soci::use(dialogue_id), soci::use(added))) {}
};

void add_to_count(Connection& conn, const std::string& dialogue_id, long long added) {
  auto& q = conn.prepared<CountContributions>();
  q.dialogue_id = dialogue_id;
  q.added = added;
  q.st.execute(true);
}

// The counts of one transaction's contributions, added when it commits (Connection::until_commit).
struct CountsAtCommit {
  std::vector<std::pair<std::string, long long>> by_dialogue;  // a group has one dialogue or few
  void add(const std::string& dialogue_id) {
    for (auto& [d, n] : by_dialogue)
      if (d == dialogue_id) return void(++n);
    by_dialogue.emplace_back(dialogue_id, 1);
  }
  void flush(Connection& conn) {
    for (const auto& [d, n] : by_dialogue) add_to_count(conn, d, n);
  }
};

// A theme or a target group of the contribution being written: a row each, prepared once too.
struct InsertKey {
  std::string contribution_id, dialogue_id, key;
  soci::statement st;
  InsertKey(soci::session& sql, const char* insert)
      : st((sql.prepare << insert, soci::use(contribution_id), soci::use(dialogue_id),
            soci::use(key))) {}
};

struct InsertTheme : InsertKey {
  explicit InsertTheme(soci::session& sql)
      : InsertKey(sql,
                  "INSERT INTO contribution_themes (contribution_id, dialogue_id, theme) "
                  "VALUES (:c, :d, :t) ON CONFLICT (contribution_id, theme) DO NOTHING") {}
};

struct InsertGroup : InsertKey {
  explicit InsertGroup(soci::session& sql)
      : InsertKey(sql,
                  "INSERT INTO contribution_groups (contribution_id, dialogue_id, group_key) "
                  "VALUES (:c, :d, :g) ON CONFLICT DO NOTHING") {}
};

// Binds one contribution's keys to a prepared insert and runs it once per key.
void insert_keys(InsertKey& q, const ContributionRecord& c, const std::vector<std::string>& keys) {
  q.contribution_id = c.id;
  q.dialogue_id = c.dialogue_id;
  for (const std::string& key : keys) {
    q.key = key;
    q.st.execute(true);
  }
}

}  // namespace

bool ContributionRepository::insert(const ContributionRecord& c,
                                    const std::optional<Contact>& contact, bool count_at_commit) {
  auto& q = conn_.prepared<InsertContribution>();
  q.row = c;
  q.activity = c.activity_id.value_or("");
  q.activity_ind = c.activity_id ? soci::i_ok : soci::i_null;
  // The receipt's uniqueness is checked by the insert itself (ON CONFLICT DO NOTHING), not by a
  // read before it: no error, so no aborted transaction on PostgreSQL, and one index visit.
  q.st.execute(true);
  if (q.st.get_affected_rows() == 0) return false;
  if (!c.themes.empty()) insert_keys(conn_.prepared<InsertTheme>(), c, c.themes);
  // Rows of their own so that counting per group is a range of one index (migration 012).
  if (!c.groups.empty()) insert_keys(conn_.prepared<InsertGroup>(), c, c.groups);
  if (contact) {
    soci::indicator name_ind = contact->name ? soci::i_ok : soci::i_null;
    const std::string name = contact->name.value_or("");
    conn_.sql() << "INSERT INTO contacts (contribution_id, dialogue_id, email, name, consented_at) "
                   "VALUES (:c, :d, :e, :n, :at)",
        soci::use(c.id), soci::use(c.dialogue_id), soci::use(contact->email),
        soci::use(name, name_ind), soci::use(contact->consented_at);
  }
  // The dialogue's count, kept here rather than counted on every read (migration 011).
  if (count_at_commit)
    conn_.until_commit<CountsAtCommit>().add(c.dialogue_id);
  else
    add_to_count(conn_, c.dialogue_id, 1);
  return true;
}

std::optional<ContributionRecord> ContributionRepository::find(const std::string& id) {
  soci::rowset<soci::row> rows = (conn_.sql().prepare << "SELECT " CONTRIBUTION_COLUMNS
                                                         " FROM contributions c WHERE c.id = :id",
                                  soci::use(id));
  for (const auto& r : rows) return from_row(r);
  return std::nullopt;
}

std::vector<ContributionRecord> ContributionRepository::list(
    const std::string& dialogue_id, const ContributionFilter& f,
    const std::optional<std::string>& after, int limit) {
  std::string q = "SELECT " CONTRIBUTION_COLUMNS
                  " FROM contributions c WHERE c.dialogue_id = :d AND c.id > :after";
  const std::string from = after.value_or("");
  const std::string theme = f.theme.value_or(""), activity = f.activity_id.value_or(""),
                    channel = f.channel.value_or("");
  soci::statement st(conn_.sql());
  st.exchange(soci::use(dialogue_id));
  st.exchange(soci::use(from));
  if (f.theme) {
    q += " AND EXISTS (SELECT 1 FROM contribution_themes t WHERE t.contribution_id = c.id AND "
         "t.theme = :theme)";
    st.exchange(soci::use(theme));
  }
  if (f.activity_id) {
    q += " AND c.activity_id = :activity";
    st.exchange(soci::use(activity));
  }
  if (f.channel) {
    q += " AND c.channel = :channel";
    st.exchange(soci::use(channel));
  }
  q += " ORDER BY c.id LIMIT :lim";
  st.exchange(soci::use(limit));
  soci::row row;
  st.exchange(soci::into(row));
  st.alloc();
  st.prepare(q);
  st.define_and_bind();
  st.execute();
  std::vector<ContributionRecord> out;
  while (st.fetch()) out.push_back(from_row(row));
  return out;
}

std::optional<ContributionRepository::Disposition> ContributionRepository::disposition(
    const std::string& contribution_id) {
  Disposition d;
  std::string reason;
  soci::indicator ind = soci::i_null;
  soci::statement st =
      (conn_.sql().prepare << "SELECT disposition, reason FROM contribution_dispositions "
                              "WHERE contribution_id = :c",
       soci::use(contribution_id), soci::into(d.value), soci::into(reason, ind));
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  if (ind == soci::i_ok) d.reason = reason;
  return d;
}

void ContributionRepository::set_disposition(const std::string& contribution_id,
                                             const Disposition& d, const std::string& now) {
  soci::indicator ind = d.reason ? soci::i_ok : soci::i_null;
  const std::string reason = d.reason.value_or("");
  conn_.sql() << "DELETE FROM contribution_dispositions WHERE contribution_id = :c",
      soci::use(contribution_id);
  conn_.sql() << "INSERT INTO contribution_dispositions (contribution_id, dialogue_id, "
                 "disposition, reason, updated_at) SELECT :c, dialogue_id, :d, :r, :u FROM "
                 "contributions WHERE id = :c2",
      soci::use(contribution_id), soci::use(d.value), soci::use(reason, ind), soci::use(now),
      soci::use(contribution_id);
}

void ContributionRepository::bump_version(const std::string& contribution_id) {
  conn_.sql() << "UPDATE contributions SET version = version + 1 WHERE id = :c",
      soci::use(contribution_id);
}

void ContributionRepository::revise_document(const std::string& contribution_id,
                                             const std::string& document) {
  conn_.sql() << "UPDATE contributions SET document = :doc, version = version + 1 WHERE id = :c",
      soci::use(document), soci::use(contribution_id);
}

std::optional<ContributionRecord> ContributionRepository::find_by_receipt(
    const std::string& receipt) {
  soci::rowset<soci::row> rows =
      (conn_.sql().prepare << "SELECT " CONTRIBUTION_COLUMNS
                              " FROM contributions c WHERE c.receipt = :r",
       soci::use(receipt));
  for (const auto& r : rows) return from_row(r);
  return std::nullopt;
}

long long ContributionRepository::count(const std::string& dialogue_id) {
  long long n = 0;
  soci::indicator ind = soci::i_null;
  conn_.sql() << "SELECT contributions FROM dialogue_counts WHERE dialogue_id = :d",
      soci::use(dialogue_id), soci::into(n, ind);
  return ind == soci::i_ok ? n : 0;
}

namespace {

std::vector<std::pair<std::string, long long>> key_counts(soci::session& sql, const char* query,
                                                          const std::string& dialogue_id) {
  std::vector<std::pair<std::string, long long>> out;
  std::string key;
  long long n = 0;
  soci::statement st =
      (sql.prepare << query, soci::use(dialogue_id), soci::into(key), soci::into(n));
  st.execute();
  while (st.fetch()) out.emplace_back(key, n);
  return out;
}

}  // namespace

std::vector<std::pair<std::string, long long>> ContributionRepository::counts_by_channel(
    const std::string& dialogue_id) {
  return key_counts(conn_.sql(),
                    "SELECT channel, COUNT(*) FROM contributions WHERE dialogue_id = :d "
                    "GROUP BY channel ORDER BY channel",
                    dialogue_id);
}

std::vector<std::pair<std::string, long long>> ContributionRepository::counts_by_theme(
    const std::string& dialogue_id) {
  return key_counts(conn_.sql(),
                    "SELECT theme, COUNT(*) FROM contribution_themes WHERE dialogue_id = :d "
                    "GROUP BY theme ORDER BY theme",
                    dialogue_id);
}

std::vector<std::pair<std::string, long long>> ContributionRepository::counts_by_group(
    const std::string& dialogue_id) {
  return key_counts(conn_.sql(),
                    "SELECT group_key, COUNT(*) FROM contribution_groups WHERE dialogue_id = :d "
                    "GROUP BY group_key ORDER BY group_key",
                    dialogue_id);
}

}  // namespace dialogd::store
