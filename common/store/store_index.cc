// Store's search-index reads and the postings half of a bundle commit.
#include <algorithm>
#include <memory>
#include <string>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "common/index/posting_value.h"
#include "common/store/internal/rocks.h"
#include "common/store/rocks_status.h"
#include "common/store/store.h"

namespace accord::store {

absl::Status Store::ForEachPostingChunk(
    absl::string_view term, uint32_t from_doc, uint32_t limit,
    absl::FunctionRef<absl::Status(absl::Span<const absl::string_view>)> decode)
    const {
  if (from_doc >= limit) return absl::OkStatus();
  uint64_t end = limit;
  if (index::ChunkOf(limit - 1) != index::ChunkOf(from_doc)) {
    // Chunks are probed one by one: stop at the store's last.
    absl::StatusOr<uint64_t> count = DocumentCount();
    if (!count.ok()) return count.status();
    end = std::min<uint64_t>(end, *count);
  }
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  rocksdb::ColumnFamilyHandle* postings = rocks->handle(Family::kPostings);
  // A key holds its merged value and the runs appended since it was last
  // merged; they are read as they are, not merged (which would decode and
  // re-encode them at every read until a compaction merges them for good).
  thread_local std::vector<rocksdb::PinnableSlice> operands(16);
  std::vector<absl::string_view> views;
  for (uint64_t chunk = index::ChunkOf(from_doc); chunk < end;
       chunk += index::kChunkDocuments) {
    const std::string key = PostingKey(term, static_cast<uint32_t>(chunk));
    rocksdb::GetMergeOperandsOptions options;
    options.expected_max_number_of_operands = static_cast<int>(operands.size());
    int count = 0;
    rocksdb::Status status =
        rocks->db->GetMergeOperands(rocksdb::ReadOptions(), postings, key,
                                    operands.data(), &options, &count);
    // More operands than ever before on this thread: room for them all,
    // and some to spare, since a commit (or a secondary's catch-up) may
    // add more between two reads; a few tries.
    for (int attempt = 0; attempt < 4 && status.IsIncomplete() &&
                          count > options.expected_max_number_of_operands;
         ++attempt) {
      for (auto& operand : operands) operand.Reset();
      operands.resize(static_cast<size_t>(count) * 2);
      options.expected_max_number_of_operands =
          static_cast<int>(operands.size());
      status =
          rocks->db->GetMergeOperands(rocksdb::ReadOptions(), postings, key,
                                      operands.data(), &options, &count);
    }
    // Pinned operands hold blocks of the store: released before the next
    // key, and before the store can close.
    absl::Cleanup release = [&] {
      for (auto& operand : operands) operand.Reset();
    };
    if (status.IsNotFound()) continue;
    if (!status.ok()) {
      return FromRocks(status, absl::StrCat("read postings of ", term));
    }
    views.clear();
    for (int i = 0; i < count; ++i) {
      views.emplace_back(operands[i].data(), operands[i].size());
    }
    absl::Status decoded = decode(views);
    if (!decoded.ok()) {
      return absl::DataLossError(
          absl::StrCat("postings of \"", term, "\": ", decoded.message()));
    }
  }
  return absl::OkStatus();
}

absl::Status Store::ReadPostings(absl::string_view term, uint32_t limit,
                                 bool with_positions,
                                 index::PostingList* out) const {
  return ForEachPostingChunk(term, /*from_doc=*/0, limit,
                             [&](absl::Span<const absl::string_view> operands) {
                               return index::DecodePostingOperands(
                                   operands, limit, with_positions, out);
                             });
}

absl::Status Store::ReadPostingsOf(absl::string_view term, uint32_t limit,
                                   absl::Span<const uint32_t> docs,
                                   index::PostingList* out) const {
  if (out->position_starts.empty()) out->position_starts.push_back(0);
  if (docs.empty()) return absl::OkStatus();
  return ForEachPostingChunk(term, docs.front(), limit,
                             [&](absl::Span<const absl::string_view> operands) {
                               return index::DecodePostingOperandsOf(
                                   operands, limit, docs, out);
                             });
}

std::vector<absl::StatusOr<std::string>> Store::GetTokenSpans(
    const std::vector<uint64_t>& sequences) const {
  return MultiGetBySequence(Family::kTokenSpans, sequences, "token spans");
}

absl::Status Store::ReadDocAttributes(
    uint64_t from, uint64_t to, std::vector<index::DocAttributes>* out) const {
  if (from >= to) return absl::OkStatus();
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  const std::string upper = EncodeSequence(to);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(
      rocks->db->NewIterator(options, rocks->handle(Family::kDocAttributes)));
  uint64_t expected = from;
  for (it->Seek(EncodeSequence(from)); it->Valid(); it->Next(), ++expected) {
    uint64_t sequence = 0;
    if (!DecodeSequence(absl::string_view(it->key().data(), it->key().size()),
                        &sequence) ||
        sequence != expected) {
      return absl::DataLossError(
          absl::StrCat("document attributes missing for sequence ", expected));
    }
    absl::StatusOr<index::DocAttributes> attributes =
        index::DecodeDocAttributes(
            absl::string_view(it->value().data(), it->value().size()));
    if (!attributes.ok()) return attributes.status();
    out->push_back(*std::move(attributes));
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "read document attributes");
  }
  if (expected != to) {
    return absl::DataLossError(
        absl::StrCat("document attributes missing for sequence ", expected));
  }
  return absl::OkStatus();
}

std::vector<absl::StatusOr<std::string>> Store::GetDocumentIds(
    const std::vector<uint64_t>& sequences) const {
  return MultiGetBySequence(Family::kDocSequence, sequences, "document");
}

std::vector<absl::StatusOr<std::string>> Store::MultiGetBySequence(
    Family family, const std::vector<uint64_t>& sequences,
    absl::string_view what) const {
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  std::vector<std::string> keys;
  keys.reserve(sequences.size());
  for (uint64_t sequence : sequences) keys.push_back(EncodeSequence(sequence));
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  rocks->db->MultiGet(rocksdb::ReadOptions(), rocks->handle(family),
                      slices.size(), slices.data(), values.data(),
                      statuses.data());
  std::vector<absl::StatusOr<std::string>> found;
  found.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].ok()) {
      found.push_back(values[i].ToString());
    } else {
      found.push_back(FromRocks(
          statuses[i], absl::StrCat(what, " of sequence ", sequences[i])));
    }
  }
  return found;
}

void Store::AppendPostings(
    const Rocks& rocks, absl::string_view term,
    const std::vector<std::pair<uint32_t, absl::Span<const uint32_t>>>&
        postings,
    rocksdb::WriteBatch* batch) {
  // One merge operand per chunk the new documents fall in (a bundle's
  // documents are consecutive, so nearly always one), each a run of at
  // most kMaxBlockDocuments documents per block.
  index::PostingBlockBuilder block;
  std::string value;
  uint32_t chunk = index::ChunkOf(postings.front().first);
  auto flush_chunk = [&] {
    if (block.size() > 0) index::AppendRun(block, &value);
    block.Clear();
    batch->Merge(rocks.handle(Family::kPostings), PostingKey(term, chunk),
                 value);
    value.clear();
  };
  for (const auto& [doc, positions] : postings) {
    if (index::ChunkOf(doc) != chunk) {
      flush_chunk();
      chunk = index::ChunkOf(doc);
    }
    if (block.full()) {
      index::AppendRun(block, &value);
      block.Clear();
    }
    block.Add(doc, positions);
  }
  flush_chunk();
}

}  // namespace accord::store
