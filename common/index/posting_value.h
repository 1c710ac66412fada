// Posting values: what the store keeps under one postings key, a term's
// postings within one chunk of kChunkDocuments documents.
//
// A commit never reads posting data. It appends each of its terms' new
// postings as runs with a RocksDB merge (common/store/internal/
// posting_merge.h); flushes and compactions merge the runs with
// MergePostingValues, and reads decode a key's runs as they are
// (DecodePostingOperands), never merging. So a commit costs the same whether
// the store holds a thousand terms or ten million, and after merging a
// term's chunk is one value again, read with one lookup.
//
// Value layout: a sequence of runs, each
//   varint32 first_doc        the run's first document
//   varint32 length           bytes of the block that follows
//   block                     a posting block (posting_block.h) whose first
//                             document is first_doc
// with documents ascending across runs: a run's first document is greater
// than the previous run's last. Chunks are keyed by their first document
// (chunk = doc / kChunkDocuments), so every run of a value lies in one
// chunk, and a term's chunks are read in document order.
//
// Merged values are canonical: every run but the last holds
// kMaxBlockDocuments documents, so merging a merged value again changes
// nothing and a store that merged late equals one that merged early.
//
//   std::string value;
//   PostingBlockBuilder block;            // for each new document ...
//   block.Add(doc, positions);            // ... up to kMaxBlockDocuments
//   AppendRun(block, &value);
//   // later, RocksDB hands the merge operator the values, oldest first:
//   std::string merged;
//   absl::Status ok = MergePostingValues({older, value}, &merged);
#ifndef ACCORD_COMMON_INDEX_POSTING_VALUE_H_
#define ACCORD_COMMON_INDEX_POSTING_VALUE_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/index/posting_block.h"

namespace accord::index {

// Documents per chunk: bounds a value (the merge rewrites the tail of one
// value, and a read stops at the snapshot's limit chunk by chunk) while
// keeping most terms, which are rare, to one key.
inline constexpr uint32_t kChunkDocuments = uint32_t{1} << 16;

// The first document of `doc`'s chunk.
inline uint32_t ChunkOf(uint32_t doc) { return doc & ~(kChunkDocuments - 1); }

// Appends `block` (REQUIRES: size() > 0) as one run.
void AppendRun(const PostingBlockBuilder& block, std::string* value);

// Appends to *out the postings of `value` below `limit`, positions only
// when `with_positions`. Reading without positions skips them. DataLoss on
// anything AppendRun and MergePostingValues cannot write; *out is then
// partly filled.
absl::Status DecodePostingValue(absl::string_view value, uint32_t limit,
                                bool with_positions, PostingList* out);

// Appends to *out the postings, with positions, of the documents of
// `value` below `limit` that are in `wanted` (ascending). Runs without a
// wanted document are skipped undecoded, and the positions of unwanted
// documents in the others are skipped, so the cost follows `wanted`, not
// the term's document frequency. DataLoss as DecodePostingValue, for the
// runs it reads.
absl::Status DecodePostingValueOf(absl::string_view value, uint32_t limit,
                                  absl::Span<const uint32_t> wanted,
                                  PostingList* out);

// As DecodePostingValue and DecodePostingValueOf, over the merge operands
// of one key, oldest first (RocksDB's GetMergeOperands: the merged value
// if any, then the runs appended since), without merging them: reading
// never re-encodes postings. A document not above every document decoded
// before it is dropped, as MergePostingValues drops it.
absl::Status DecodePostingOperands(absl::Span<const absl::string_view> operands,
                                   uint32_t limit, bool with_positions,
                                   PostingList* out);
absl::Status DecodePostingOperandsOf(
    absl::Span<const absl::string_view> operands, uint32_t limit,
    absl::Span<const uint32_t> wanted, PostingList* out);

// The canonical value holding the postings of `values` (oldest first) in
// document order. A document not above every document before it is
// dropped: runs only ever append, so it can only be a run applied twice
// (a RocksDB secondary replays write-ahead-log entries that a flush it
// reads later already holds). DataLoss on a malformed value.
absl::Status MergePostingValues(absl::Span<const absl::string_view> values,
                                std::string* out);

}  // namespace accord::index

#endif  // ACCORD_COMMON_INDEX_POSTING_VALUE_H_
