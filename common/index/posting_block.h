// Posting blocks: the on-disk unit of a term's posting list.
//
// A term's postings (the documents that contain it, in ascending document
// number, each with its word positions) are cut into blocks of at most
// kMaxBlockDocuments documents. Blocks are the runs of a posting value
// (posting_value.h), one value per term and chunk of documents, so a term
// is read with one lookup per chunk and, once merged, no key holds a single
// posting.
//
// Value layout (all integers LEB128 varints):
//   count                                 1..kMaxBlockDocuments
//   count x (document delta, frequency)   delta from the previous document
//                                         (> 0); the first is 0: the run's
//                                         first document is the block's;
//                                         frequency > 0
//   for each document: frequency x position delta (the first from 0; the
//                      others > 0: positions ascend strictly)
// and nothing after. The encoding is canonical: a block that decodes
// re-encodes to the same bytes.
// Documents first, positions after: ranking without phrases skips the
// positions section.
#ifndef ACCORD_COMMON_INDEX_POSTING_BLOCK_H_
#define ACCORD_COMMON_INDEX_POSTING_BLOCK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace accord::index {

inline constexpr size_t kMaxBlockDocuments = 128;

// Decoded postings, possibly of several blocks in document order.
struct PostingList {
  std::vector<uint32_t> docs;  // ascending
  std::vector<uint32_t> freqs;
  // positions of docs[i] are positions[position_starts[i] ..
  // position_starts[i + 1]); empty when decoded without positions.
  std::vector<uint32_t> position_starts;
  std::vector<uint32_t> positions;

  size_t size() const { return docs.size(); }
  bool has_positions() const { return !position_starts.empty(); }
  absl::Span<const uint32_t> PositionsOf(size_t i) const {
    return absl::MakeConstSpan(positions).subspan(
        position_starts[i], position_starts[i + 1] - position_starts[i]);
  }
  void Clear();
};

// Builds one block.
class PostingBlockBuilder {
 public:
  // REQUIRES: `doc` greater than every document added before; `positions`
  // ascending and non-empty.
  void Add(uint32_t doc, absl::Span<const uint32_t> positions);
  // Adds entry `i` of `list` (decoded with positions).
  void AddFrom(const PostingList& list, size_t i) {
    Add(list.docs[i], list.PositionsOf(i));
  }
  size_t size() const { return docs_.size(); }
  bool full() const { return docs_.size() >= kMaxBlockDocuments; }
  // REQUIRES: size() > 0.
  uint32_t first_doc() const { return docs_.front(); }
  std::string Encode() const;
  void Clear();

 private:
  std::vector<uint32_t> docs_;
  std::vector<uint32_t> freqs_;
  std::vector<uint32_t> positions_;
};

// Appends to *out the postings of `block`, whose first document is
// `first_doc`, that are below `limit`. Positions are decoded only when
// `with_positions`; a list must be decoded consistently. DataLoss on
// malformed input: anything PostingBlockBuilder cannot write (trailing
// bytes are noticed only when the whole block is read, with positions and
// no document cut by `limit`); *out is then partly filled.
absl::Status DecodeBlock(absl::string_view block, uint32_t first_doc,
                         uint32_t limit, bool with_positions, PostingList* out);

// As DecodeBlock with positions, for the documents of `block` that are
// also in `wanted` (ascending): the positions of other documents are
// skipped, not decoded. Trailing bytes are noticed only when every document
// of the block is wanted.
absl::Status DecodeBlockOf(absl::string_view block, uint32_t first_doc,
                           uint32_t limit, absl::Span<const uint32_t> wanted,
                           PostingList* out);

// The number of documents in `block`, from its header. DataLoss on
// malformed input.
absl::Status BlockCount(absl::string_view block, uint32_t* count);

}  // namespace accord::index

#endif  // ACCORD_COMMON_INDEX_POSTING_BLOCK_H_
