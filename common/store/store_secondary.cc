// Store::CatchUp: a secondary follows its primary, and swaps in a fresh
// RocksDB instance when a primary flush may have left replayed WAL entries
// hiding newer values (store.h, CatchUp).
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/store/internal/rocks.h"
#include "common/store/rocks_status.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "rocksdb/metadata.h"

namespace accord::store {
namespace internal {

std::vector<uint64_t> NewestFiles(rocksdb::DB& db) {
  std::vector<uint64_t> newest(static_cast<size_t>(Family::kCount), 0);
  std::vector<rocksdb::LiveFileMetaData> files;
  db.GetLiveFilesMetaData(&files);
  const std::vector<std::string>& names = FamilyNames();
  for (const rocksdb::LiveFileMetaData& file : files) {
    auto name = std::find(names.begin(), names.end(), file.column_family_name);
    if (name == names.end()) continue;
    uint64_t& largest = newest[name - names.begin()];
    largest = std::max<uint64_t>(largest, file.file_number);
  }
  return newest;
}

}  // namespace internal
namespace {

// The families whose keys are written more than once (meta's
// next_sequence is overwritten, posting values are merged); every other
// family is written once per key, so a replayed entry there equals
// whatever a flush wrote. The entity families are written once per key
// too: CommitBundle adds a key not tied to a new document only when it is
// absent (internal/entity_writes.h).
constexpr Family kOverwrittenFamilies[] = {Family::kMeta, Family::kPostings};

// Entries in the family's memtables, active and immutable.
uint64_t MemtableEntries(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* family) {
  uint64_t active = 0;
  uint64_t immutable = 0;
  db.GetIntProperty(family, rocksdb::DB::Properties::kNumEntriesActiveMemTable,
                    &active);
  db.GetIntProperty(family, rocksdb::DB::Properties::kNumEntriesImmMemTables,
                    &immutable);
  return active + immutable;
}

}  // namespace

absl::Status Store::CatchUp() {
  if (primary_) return absl::FailedPreconditionError("CatchUp on a primary");
  absl::MutexLock lock(&catch_up_mu_);
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  if (absl::Status caught_up = FromRocks(rocks->db->TryCatchUpWithPrimary(),
                                         "catch up with primary");
      !caught_up.ok()) {
    // A secondary reads the primary's live WAL while it is written: a
    // record the primary is still appending (a large batch spans many
    // blocks) can read as "Corruption: error in middle of record", and the
    // instance's log reader then stays stuck behind it. A fresh instance
    // replays the WAL from its start; a WAL that is really damaged fails
    // there too, and that error is returned.
    if (absl::IsDataLoss(caught_up)) return ReopenSecondary(*rocks);
    return caught_up;
  }
  // A new SST file in a family with overwritten keys means a flush (or a
  // compaction, which costs a needless reopen); if this instance holds
  // replayed entries of those families, some may now hide newer values.
  std::vector<uint64_t> newest = internal::NewestFiles(*rocks->db);
  bool changed = false;
  uint64_t entries = 0;
  for (Family family : kOverwrittenFamilies) {
    const size_t f = static_cast<size_t>(family);
    changed = changed || newest[f] > newest_file_[f];
    entries += MemtableEntries(*rocks->db, rocks->handle(family));
  }
  if (!changed || entries == 0) {
    newest_file_ = std::move(newest);
    return absl::OkStatus();
  }
  return ReopenSecondary(*rocks);
}

absl::Status Store::ReopenSecondary(const Rocks& current) {
  // The count of documents an instance shows: never fewer after a swap.
  auto count_in = [](const Rocks& rocks) -> absl::StatusOr<uint64_t> {
    std::string value;
    rocksdb::Status status =
        rocks.db->Get(rocksdb::ReadOptions(), rocks.handle(Family::kMeta),
                      ToSlice(kMetaNextSequence), &value);
    if (!status.ok()) return FromRocks(status, "read next sequence");
    uint64_t count = 0;
    if (!DecodeSequence(value, &count)) {
      return absl::DataLossError("meta next_sequence is not 8 bytes");
    }
    return count;
  };
  absl::StatusOr<uint64_t> shown = count_in(current);
  if (!shown.ok()) return shown.status();

  absl::StatusOr<std::shared_ptr<const Rocks>> fresh =
      OpenRocks(/*primary=*/false, path_, secondary_path_, options_, cache_);
  if (!fresh.ok()) return fresh.status();
  // Opening replays the live WAL files, but replays none of them when the
  // primary deletes one between listing and opening it; a catch-up lists
  // them again. A few tries, then keep the current instance until the
  // next catch-up.
  for (int attempt = 0;; ++attempt) {
    if (absl::Status caught_up =
            FromRocks((*fresh)->db->TryCatchUpWithPrimary(),
                      "catch up a reopened secondary");
        !caught_up.ok()) {
      return caught_up;
    }
    absl::StatusOr<uint64_t> count = count_in(**fresh);
    if (!count.ok()) return count.status();
    if (*count >= *shown) break;
    if (attempt == 2) {
      return absl::UnavailableError(
          absl::StrCat("reopened secondary of ", path_, " shows ", *count,
                       " documents, fewer than the ", *shown,
                       " shown before; keeping the current instance"));
    }
  }
  newest_file_ = internal::NewestFiles(*(*fresh)->db);
  {
    absl::WriterMutexLock lock(&rocks_mu_);
    rocks_ = *std::move(fresh);
  }
  ++reopens_;
  return absl::OkStatus();
}

}  // namespace accord::store
