// EntityWrites: the entity keys one bundle commit adds (store.h,
// CommitBundle; docs/STORAGE.md, "Entities").
//
// Keys that carry a document's sequence (entity_documents, roles a document
// states) are new by construction and go into the batch at once. The
// others (entity records, names, gazetteer offices, aliases) are
// candidates, the first one of the bundle winning; AddAbsent reads them
// all, one MultiGet per family, and adds only those not stored yet. So no
// entity key is ever overwritten, which Store::CatchUp relies on
// (kOverwrittenFamilies in store_secondary.cc).
//
// Not thread-safe; one instance per commit, under the commit lock.
#ifndef ACCORD_COMMON_STORE_INTERNAL_ENTITY_WRITES_H_
#define ACCORD_COMMON_STORE_INTERNAL_ENTITY_WRITES_H_

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"

namespace accord::store::internal {

// InvalidArgument, naming the entity and what is wrong, when `entities`
// break what PendingEntity REQUIRES (store.h).
absl::Status CheckPendingEntities(const std::vector<PendingEntity>& entities);

// True when a name's or role's `source` marks it as stated by the document
// ("text" or empty) rather than taken from a gazetteer.
bool IsTextSource(absl::string_view source);

class EntityWrites {
 public:
  // `db` and `handles` (indexed by Family) must outlive this.
  EntityWrites(rocksdb::DB* db,
               const std::vector<rocksdb::ColumnFamilyHandle*>* handles)
      : db_(db), handles_(handles) {}

  // Adds the entities of the new document `document_id` with `sequence`.
  // REQUIRES: CheckPendingEntities(entities) is OK.
  void AddDocument(const std::vector<PendingEntity>& entities,
                   absl::string_view document_id, uint64_t sequence,
                   rocksdb::WriteBatch* batch);

  // Adds to *batch the candidates not stored yet. On error *batch may hold
  // some of them: the caller drops the batch.
  absl::Status AddAbsent(rocksdb::WriteBatch* batch);

 private:
  // The families written only when absent, and their candidates (key ->
  // value, the first candidate of the bundle kept).
  static constexpr Family kWhenAbsent[] = {
      Family::kEntities, Family::kEntityNames, Family::kEntityRoles,
      Family::kEntityAliases};
  absl::btree_map<std::string, std::string>& CandidatesOf(Family family);

  rocksdb::ColumnFamilyHandle* handle(Family family) const {
    return (*handles_)[static_cast<size_t>(family)];
  }

  rocksdb::DB* const db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>* const handles_;
  absl::btree_map<std::string, std::string> candidates_[std::size(kWhenAbsent)];
};

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_ENTITY_WRITES_H_
