// AppendSortedByFamilyAndKey: a write batch's operations appended to
// another in column family and key order, with the same effect when
// written.
//
// RocksDB inserts a batch into each family's memtable (a skip list) one
// operation at a time, searching from where the previous insert into that
// list ended: operations in key order find their place a step or two on,
// in any other order a search from the top. A bundle's commit writes its
// entity and event records document by document, keyed by entity, event,
// participant or date, so in no order: in key order the memtable inserts
// of the whole-layer load took about a quarter to a third less time in
// profiles (docs/PERFORMANCE.md).
#ifndef ACCORD_COMMON_STORE_INTERNAL_SORTED_BATCH_H_
#define ACCORD_COMMON_STORE_INTERNAL_SORTED_BATCH_H_

#include <vector>

#include "absl/status/status.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"

namespace accord::store::internal {

// Appends the operations of `from` to `to` ordered by column family id,
// then key; the operations on one key keep their order, so later puts
// still win and merge operands still apply in order. `handles` must hold
// a handle for every family `from` writes. Point operations only (put,
// merge, delete, single delete): InvalidArgument for a range deletion or
// anything else, whose reordering would change what the batch does;
// InvalidArgument too when `to` is `from`. On error `to` is as it was.
// REQUIRES: the families compare keys bytewise (equal bytes, equal keys)
// and have no user-defined timestamps, as every Accord family does.
absl::Status AppendSortedByFamilyAndKey(
    const rocksdb::WriteBatch& from,
    const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
    rocksdb::WriteBatch* to);

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_SORTED_BATCH_H_
