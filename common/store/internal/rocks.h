// Store::Rocks: one open RocksDB instance and its column family handles.
//
// Store reaches RocksDB only through a Rocks it holds by shared_ptr, so a
// secondary can swap in a fresh instance (Store::CatchUp) while reads that
// started on the old one finish there. The last holder closes it.
#ifndef ACCORD_COMMON_STORE_INTERNAL_ROCKS_H_
#define ACCORD_COMMON_STORE_INTERNAL_ROCKS_H_

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "common/store/schema.h"
#include "common/store/store.h"
#include "rocksdb/db.h"

namespace accord::store {

struct Store::Rocks {
  Rocks(std::unique_ptr<rocksdb::DB> db_in,
        std::vector<rocksdb::ColumnFamilyHandle*> handles_in)
      : db(std::move(db_in)), handles(std::move(handles_in)) {}
  Rocks(const Rocks&) = delete;
  Rocks& operator=(const Rocks&) = delete;
  ~Rocks() {
    for (rocksdb::ColumnFamilyHandle* h : handles) {
      db->DestroyColumnFamilyHandle(h);
    }
    db->Close();
  }

  rocksdb::ColumnFamilyHandle* handle(Family family) const {
    return handles[static_cast<int>(family)];
  }

  // RocksDB's methods are not const; the pointer is.
  const std::unique_ptr<rocksdb::DB> db;
  // Indexed by Family.
  const std::vector<rocksdb::ColumnFamilyHandle*> handles;
};

namespace internal {

// For each family (indexed by Family), the number of its newest SST file.
// It grows when the primary flushes or compacts the family. Defined in
// store_secondary.cc.
std::vector<uint64_t> NewestFiles(rocksdb::DB& db);

}  // namespace internal
}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_INTERNAL_ROCKS_H_
