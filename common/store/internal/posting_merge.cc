#include "common/store/internal/posting_merge.h"

#include <vector>

#include "absl/strings/string_view.h"
#include "common/index/posting_value.h"
#include "rocksdb/env.h"

namespace accord::store::internal {
namespace {

absl::string_view View(const rocksdb::Slice& slice) {
  return absl::string_view(slice.data(), slice.size());
}

bool Merge(const std::vector<absl::string_view>& values, std::string* out,
           rocksdb::Logger* logger, const rocksdb::Slice& key) {
  absl::Status merged = index::MergePostingValues(values, out);
  if (merged.ok()) return true;
  if (logger != nullptr) {
    // The key is a term and a chunk number: no control bytes but the NUL.
    rocksdb::Log(rocksdb::InfoLogLevel::ERROR_LEVEL, logger,
                 "accord.PostingMerge: key of %zu bytes: %s", key.size(),
                 std::string(merged.message()).c_str());
  }
  return false;
}

}  // namespace

bool PostingMerge::FullMergeV2(const MergeOperationInput& merge_in,
                               MergeOperationOutput* merge_out) const {
  std::vector<absl::string_view> values;
  values.reserve(merge_in.operand_list.size() + 1);
  if (merge_in.existing_value != nullptr) {
    values.push_back(View(*merge_in.existing_value));
  }
  for (const rocksdb::Slice& operand : merge_in.operand_list) {
    values.push_back(View(operand));
  }
  return Merge(values, &merge_out->new_value, merge_in.logger, merge_in.key);
}

bool PostingMerge::PartialMergeMulti(
    const rocksdb::Slice& key, const std::deque<rocksdb::Slice>& operand_list,
    std::string* new_value, rocksdb::Logger* logger) const {
  std::vector<absl::string_view> values;
  values.reserve(operand_list.size());
  for (const rocksdb::Slice& operand : operand_list) {
    values.push_back(View(operand));
  }
  return Merge(values, new_value, logger, key);
}

}  // namespace accord::store::internal
