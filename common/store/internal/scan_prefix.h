// ScanPrefix: every key of a column family under one prefix, in key order,
// with the call's deadline checked as the scan goes. The reads of entities,
// events and stories (store_entities.cc, store_events.cc) are such scans.
#ifndef ACCORD_COMMON_STORE_INTERNAL_SCAN_PREFIX_H_
#define ACCORD_COMMON_STORE_INTERNAL_SCAN_PREFIX_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/util/call_deadline.h"
#include "rocksdb/db.h"

namespace accord::store::internal {

// Calls visit(key, value) for each key of `family` that starts with
// `prefix` (which ends in NUL), in key order, until visit returns an error
// (returned as is). `what` names the scan in RocksDB and deadline errors.
absl::Status ScanPrefix(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* family,
    absl::string_view prefix, absl::string_view what,
    const CallDeadline& deadline,
    absl::FunctionRef<absl::Status(absl::string_view, absl::string_view)>
        visit);

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_SCAN_PREFIX_H_
