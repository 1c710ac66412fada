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
// A KnownEntity (store.h) is added only when the store's set of committed
// known data does not hold it; after the batch is written the caller adds
// known_added() to that set. Likewise a candidate whose key the store's
// CommittedEntityKeys holds is neither built nor read; after the batch is
// written the caller hands that memo every candidate (RememberStored).
//
// Not thread-safe; one instance per commit, under the commit lock.
#ifndef ACCORD_COMMON_STORE_INTERNAL_ENTITY_WRITES_H_
#define ACCORD_COMMON_STORE_INTERNAL_ENTITY_WRITES_H_

#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/store/internal/committed_entity_keys.h"
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

// (id, digest) of KnownEntity data.
using KnownEntityKeys = absl::flat_hash_set<std::pair<std::string, uint64_t>>;

class EntityWrites {
 public:
  // `db`, `handles` (indexed by Family), `known_committed` (the known
  // data earlier commits stored) and `committed_keys` (keys they stored)
  // must outlive this.
  EntityWrites(rocksdb::DB* db,
               const std::vector<rocksdb::ColumnFamilyHandle*>* handles,
               const KnownEntityKeys* known_committed,
               const CommittedEntityKeys* committed_keys)
      : db_(db),
        handles_(handles),
        known_committed_(known_committed),
        committed_keys_(committed_keys) {}

  // Adds the entities of the new document `document_id` with `sequence`.
  // InvalidArgument when known data this commit adds breaks what
  // KnownEntity REQUIRES (the caller drops the batch).
  // REQUIRES: CheckPendingEntities(entities) is OK.
  absl::Status AddDocument(const std::vector<PendingEntity>& entities,
                           absl::string_view document_id, uint64_t sequence,
                           rocksdb::WriteBatch* batch);

  // The known data this commit added: once the batch is written, the store
  // has it.
  const KnownEntityKeys& known_added() const { return known_added_; }

  // Adds to *batch the candidates not stored yet. On error *batch may hold
  // some of them: the caller drops the batch.
  absl::Status AddAbsent(rocksdb::WriteBatch* batch);

  // Once the batch AddAbsent filled is written, every candidate is stored:
  // copies their keys into `keys` (none when they alone are more than it
  // holds at most).
  void RememberStored(CommittedEntityKeys* keys);

 private:
  // The families written only when absent, and their candidates (key ->
  // value, the first candidate of the bundle kept).
  static constexpr Family kWhenAbsent[] = {
      Family::kEntities, Family::kEntityNames, Family::kEntityRoles,
      Family::kEntityAliases, Family::kEntityRoleHolders};
  absl::btree_map<std::string, std::string>& CandidatesOf(Family family);
  // Whether an earlier commit stored `key` of `family`.
  bool Committed(Family family, absl::string_view key) const {
    return committed_keys_->Contains(family, key);
  }
  // Candidates for the names, gazetteer offices, aliases and role holders
  // of entity `id`, known to the store as `canonical_name`; roles the
  // document states go into *batch with `sequence`.
  void AddNamesRolesAliases(const std::string& id,
                            absl::string_view canonical_name,
                            const accord::v1::Entity& entity,
                            const std::vector<std::string>& alias_keys,
                            absl::string_view document_id, uint64_t sequence,
                            rocksdb::WriteBatch* batch);

  rocksdb::ColumnFamilyHandle* handle(Family family) const {
    return (*handles_)[static_cast<size_t>(family)];
  }

  rocksdb::DB* const db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>* const handles_;
  const KnownEntityKeys* const known_committed_;
  const CommittedEntityKeys* const committed_keys_;
  KnownEntityKeys known_added_;
  // Role keys stated by documents of this commit.
  absl::flat_hash_set<std::string> stated_;
  absl::btree_map<std::string, std::string> candidates_[std::size(kWhenAbsent)];
};

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_ENTITY_WRITES_H_
