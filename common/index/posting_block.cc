#include "common/index/posting_block.h"

#include "absl/strings/str_cat.h"
#include "common/index/varint.h"

namespace accord::index {
namespace {

absl::Status Malformed(absl::string_view what) {
  return absl::DataLossError(absl::StrCat("malformed posting block: ", what));
}

}  // namespace

void PostingList::Clear() {
  docs.clear();
  freqs.clear();
  position_starts.clear();
  positions.clear();
}

void PostingBlockBuilder::Add(uint32_t doc,
                              absl::Span<const uint32_t> positions) {
  docs_.push_back(doc);
  freqs_.push_back(static_cast<uint32_t>(positions.size()));
  positions_.insert(positions_.end(), positions.begin(), positions.end());
}

std::string PostingBlockBuilder::Encode() const {
  std::string out;
  out.reserve(docs_.size() * 3 + positions_.size() * 2 + 2);
  PutVarint32(static_cast<uint32_t>(docs_.size()), &out);
  uint32_t previous = docs_.empty() ? 0 : docs_.front();
  for (size_t i = 0; i < docs_.size(); ++i) {
    PutVarint32(docs_[i] - previous, &out);
    PutVarint32(freqs_[i], &out);
    previous = docs_[i];
  }
  size_t p = 0;
  for (uint32_t freq : freqs_) {
    uint32_t last = 0;
    for (uint32_t j = 0; j < freq; ++j, ++p) {
      PutVarint32(positions_[p] - last, &out);
      last = positions_[p];
    }
  }
  return out;
}

void PostingBlockBuilder::Clear() {
  docs_.clear();
  freqs_.clear();
  positions_.clear();
}

absl::Status BlockCount(absl::string_view block, uint32_t* count) {
  if (!GetVarint32(&block, count)) return Malformed("no count");
  return absl::OkStatus();
}

namespace {

// DecodeBlock and DecodeBlockOf: the documents of `block` below `limit`
// and, when `wanted` is given, in it, with positions when `with_positions`.
absl::Status DecodeBlockImpl(absl::string_view block, uint32_t first_doc,
                             uint32_t limit, bool with_positions,
                             const absl::Span<const uint32_t>* wanted,
                             PostingList* out) {
  uint32_t count = 0;
  if (!GetVarint32(&block, &count) || count == 0 ||
      count > kMaxBlockDocuments) {
    return Malformed("bad count");
  }
  uint32_t freqs[kMaxBlockDocuments];
  bool keep[kMaxBlockDocuments];
  uint32_t doc = first_doc;
  uint32_t kept = 0;
  uint32_t last_kept = 0;  // index of the last document kept, once kept > 0
  size_t next_wanted = 0;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t delta = 0;
    // The first document is the key's; the others ascend strictly, within
    // 32 bits.
    if (!GetVarint32(&block, &delta) || !GetVarint32(&block, &freqs[i]) ||
        freqs[i] == 0 || (i == 0) != (delta == 0) || delta > UINT32_MAX - doc) {
      return Malformed("bad document entry");
    }
    doc += delta;
    // Documents are ascending, so the rest of the block is past the limit
    // too; their entries are still read to reach the positions section.
    keep[i] = doc < limit;
    if (keep[i] && wanted != nullptr) {
      while (next_wanted < wanted->size() && (*wanted)[next_wanted] < doc) {
        ++next_wanted;
      }
      keep[i] = next_wanted < wanted->size() && (*wanted)[next_wanted] == doc;
    }
    if (keep[i]) {
      out->docs.push_back(doc);
      out->freqs.push_back(freqs[i]);
      ++kept;
      last_kept = i;
    }
  }
  if (!with_positions) return absl::OkStatus();
  if (out->position_starts.empty()) out->position_starts.push_back(0);
  for (uint32_t i = 0; kept > 0 && i <= last_kept; ++i) {
    uint32_t last = 0;
    for (uint32_t j = 0; j < freqs[i]; ++j) {
      uint32_t delta = 0;
      if (!GetVarint32(&block, &delta)) return Malformed("truncated positions");
      if ((j > 0 && delta == 0) || delta > UINT32_MAX - last) {
        return Malformed("positions not ascending");
      }
      last += delta;
      if (keep[i]) out->positions.push_back(last);
    }
    if (keep[i]) {
      out->position_starts.push_back(
          static_cast<uint32_t>(out->positions.size()));
    }
  }
  // Read to the end, a block is exactly what the builder wrote.
  if (kept == count && !block.empty()) return Malformed("trailing bytes");
  return absl::OkStatus();
}

}  // namespace

absl::Status DecodeBlock(absl::string_view block, uint32_t first_doc,
                         uint32_t limit, bool with_positions,
                         PostingList* out) {
  return DecodeBlockImpl(block, first_doc, limit, with_positions, nullptr, out);
}

absl::Status DecodeBlockOf(absl::string_view block, uint32_t first_doc,
                           uint32_t limit, absl::Span<const uint32_t> wanted,
                           PostingList* out) {
  return DecodeBlockImpl(block, first_doc, limit, /*with_positions=*/true,
                         &wanted, out);
}

}  // namespace accord::index
