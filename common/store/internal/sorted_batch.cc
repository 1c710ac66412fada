#include "common/store/internal/sorted_batch.h"

#include <algorithm>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace accord::store::internal {
namespace {

enum class Kind { kPut, kMerge, kDelete, kSingleDelete };

struct Operation {
  uint32_t family;
  Kind kind;
  rocksdb::Slice key;
  rocksdb::Slice value;
};

// Collects the batch's operations as views into its bytes.
struct Collector : public rocksdb::WriteBatch::Handler {
  std::vector<Operation> operations;
  // Set by the first operation that cannot be reordered.
  rocksdb::Status refused;

  rocksdb::Status PutCF(uint32_t family, const rocksdb::Slice& key,
                        const rocksdb::Slice& value) override {
    operations.push_back({family, Kind::kPut, key, value});
    return rocksdb::Status::OK();
  }
  rocksdb::Status MergeCF(uint32_t family, const rocksdb::Slice& key,
                          const rocksdb::Slice& value) override {
    operations.push_back({family, Kind::kMerge, key, value});
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteCF(uint32_t family,
                           const rocksdb::Slice& key) override {
    operations.push_back({family, Kind::kDelete, key, {}});
    return rocksdb::Status::OK();
  }
  rocksdb::Status SingleDeleteCF(uint32_t family,
                                 const rocksdb::Slice& key) override {
    operations.push_back({family, Kind::kSingleDelete, key, {}});
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteRangeCF(uint32_t, const rocksdb::Slice&,
                                const rocksdb::Slice&) override {
    return Refuse("a range deletion");
  }
  rocksdb::Status PutBlobIndexCF(uint32_t, const rocksdb::Slice&,
                                 const rocksdb::Slice&) override {
    return Refuse("a blob index");
  }
  rocksdb::Status PutEntityCF(uint32_t, const rocksdb::Slice&,
                              const rocksdb::Slice&) override {
    return Refuse("a wide-column entity");
  }
  // Cannot stop the iteration: noted, the rest still read.
  void LogData(const rocksdb::Slice&) override { Refuse("log data"); }
  rocksdb::Status MarkBeginPrepare(bool) override {
    return Refuse("a transaction marker");
  }
  rocksdb::Status MarkEndPrepare(const rocksdb::Slice&) override {
    return Refuse("a transaction marker");
  }
  rocksdb::Status MarkCommit(const rocksdb::Slice&) override {
    return Refuse("a transaction marker");
  }
  rocksdb::Status MarkRollback(const rocksdb::Slice&) override {
    return Refuse("a transaction marker");
  }
  rocksdb::Status MarkNoop(bool) override {
    return Refuse("a transaction marker");
  }

  rocksdb::Status Refuse(const char* what) {
    if (refused.ok()) refused = rocksdb::Status::InvalidArgument(what);
    return refused;
  }
};

}  // namespace

absl::Status AppendSortedByFamilyAndKey(
    const rocksdb::WriteBatch& from,
    const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
    rocksdb::WriteBatch* to) {
  if (to == &from) {
    // Appending would move the bytes the collected views point into.
    return absl::InvalidArgumentError(
        "cannot append a write batch to itself in another order");
  }
  Collector collector;
  collector.operations.reserve(from.Count());
  rocksdb::Status read = from.Iterate(&collector);
  if (read.ok()) read = collector.refused;
  if (!read.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot reorder a write batch: ", read.ToString()));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> by_id;
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    if (handle->GetID() >= by_id.size()) by_id.resize(handle->GetID() + 1);
    by_id[handle->GetID()] = handle;
  }
  for (const Operation& operation : collector.operations) {
    if (operation.family >= by_id.size() ||
        by_id[operation.family] == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("a write batch writes column family ", operation.family,
                       ", which has no handle"));
    }
  }
  std::stable_sort(collector.operations.begin(), collector.operations.end(),
                   [](const Operation& a, const Operation& b) {
                     if (a.family != b.family) return a.family < b.family;
                     return a.key.compare(b.key) < 0;
                   });

  to->SetSavePoint();
  for (const Operation& operation : collector.operations) {
    rocksdb::ColumnFamilyHandle* family = by_id[operation.family];
    rocksdb::Status added;
    switch (operation.kind) {
      case Kind::kPut:
        added = to->Put(family, operation.key, operation.value);
        break;
      case Kind::kMerge:
        added = to->Merge(family, operation.key, operation.value);
        break;
      case Kind::kDelete:
        added = to->Delete(family, operation.key);
        break;
      case Kind::kSingleDelete:
        added = to->SingleDelete(family, operation.key);
        break;
    }
    if (!added.ok()) {
      to->RollbackToSavePoint().PermitUncheckedError();
      return absl::InternalError(
          absl::StrCat("appending to a write batch: ", added.ToString()));
    }
  }
  return to->PopSavePoint().ok()
             ? absl::OkStatus()
             : absl::InternalError("appending to a write batch: no save point");
}

}  // namespace accord::store::internal
