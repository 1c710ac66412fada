// TermPrefix: RocksDB prefix extractor of the postings family.
//
// Every postings key starts with `term \0`; that prefix is what a search
// seeks, so prefix bloom filters built on it let RocksDB skip files that
// hold nothing of the term.
#ifndef ACCORD_COMMON_STORE_INTERNAL_TERM_PREFIX_H_
#define ACCORD_COMMON_STORE_INTERNAL_TERM_PREFIX_H_

#include "rocksdb/slice.h"
#include "rocksdb/slice_transform.h"

namespace accord::store::internal {

class TermPrefix final : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "accord.TermPrefix"; }
  // The key up to and including its first NUL.
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    const void* nul = memchr(key.data(), '\0', key.size());
    return rocksdb::Slice(key.data(),
                          static_cast<const char*>(nul) - key.data() + 1);
  }
  bool InDomain(const rocksdb::Slice& key) const override {
    return memchr(key.data(), '\0', key.size()) != nullptr;
  }
};

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_TERM_PREFIX_H_
