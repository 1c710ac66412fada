// Glue between RocksDB and Abseil: the one place where RocksDB statuses
// become absl::Status values, and string views become Slices.
#ifndef ACCORD_COMMON_STORE_ROCKS_STATUS_H_
#define ACCORD_COMMON_STORE_ROCKS_STATUS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"

namespace accord::store {

// Maps `status` to the most specific absl code; `context` prefixes the
// message ("get document 12ab...: ...").
absl::Status FromRocks(const rocksdb::Status& status,
                       absl::string_view context);

inline rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_ROCKS_STATUS_H_
