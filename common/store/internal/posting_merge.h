// PostingMerge: the merge operator of the postings family.
//
// A commit appends each term's new postings to its chunk's key with
// rocksdb::WriteBatch::Merge, without reading what the key holds; RocksDB
// calls this operator when a flush or a compaction needs the key's value
// (Store's own reads take the operands as they are, GetMergeOperands), and
// it combines the runs with index::MergePostingValues
// (common/index/posting_value.h). Primary and secondary must both use it:
// any Get or iterator over the family merges with it.
#ifndef ACCORD_COMMON_STORE_INTERNAL_POSTING_MERGE_H_
#define ACCORD_COMMON_STORE_INTERNAL_POSTING_MERGE_H_

#include <deque>
#include <string>

#include "rocksdb/merge_operator.h"
#include "rocksdb/slice.h"

namespace accord::store::internal {

class PostingMerge final : public rocksdb::MergeOperator {
 public:
  const char* Name() const override { return "accord.PostingMerge"; }

  // False on a malformed value: RocksDB then reports the key as corrupt
  // (reads fail with DataLoss; a compaction stops and the store stops
  // writing) rather than losing postings silently.
  bool FullMergeV2(const MergeOperationInput& merge_in,
                   MergeOperationOutput* merge_out) const override;

  // Operands combine like values: the result is a canonical value.
  bool PartialMergeMulti(const rocksdb::Slice& key,
                         const std::deque<rocksdb::Slice>& operand_list,
                         std::string* new_value,
                         rocksdb::Logger* logger) const override;
};

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_POSTING_MERGE_H_
