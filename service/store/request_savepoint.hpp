#pragma once
// The savepoint around each request of a group commit. The requests of a group run one after the
// other, each releasing its savepoint before the next begins, so one name serves them all and its
// three statements are prepared once per session instead of parsed for every write.
#include <soci/soci.h>

namespace dialogd::store {

struct RequestSavepoint {
  soci::statement begin, release, undo;
  explicit RequestSavepoint(soci::session& sql)
      : begin((sql.prepare << "SAVEPOINT request")),
        release((sql.prepare << "RELEASE SAVEPOINT request")),
        undo((sql.prepare << "ROLLBACK TO SAVEPOINT request")) {}
};

}  // namespace dialogd::store
