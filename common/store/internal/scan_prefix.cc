#include "common/store/internal/scan_prefix.h"

#include <memory>
#include <string>

#include "common/store/rocks_status.h"
#include "rocksdb/iterator.h"

namespace accord::store::internal {
namespace {

// The deadline is checked once per this many keys scanned.
constexpr size_t kKeysPerDeadlineCheck = 1024;

}  // namespace

absl::Status ScanPrefix(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* family,
    absl::string_view prefix, absl::string_view what,
    const CallDeadline& deadline,
    absl::FunctionRef<absl::Status(absl::string_view, absl::string_view)>
        visit) {
  // Every key with the prefix sorts below the prefix with its last byte
  // (NUL) raised to 1.
  std::string upper(prefix);
  upper.back() = '\1';
  const rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(options, family));
  size_t scanned = 0;
  for (it->Seek(ToSlice(prefix)); it->Valid(); it->Next()) {
    if (++scanned % kKeysPerDeadlineCheck == 0) {
      if (absl::Status go_on = deadline.Check(what); !go_on.ok()) {
        return go_on;
      }
    }
    if (absl::Status visited =
            visit(absl::string_view(it->key().data(), it->key().size()),
                  absl::string_view(it->value().data(), it->value().size()));
        !visited.ok()) {
      return visited;
    }
  }
  return FromRocks(it->status(), what);
}

}  // namespace accord::store::internal
