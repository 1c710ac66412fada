// Fuzz target: posting blocks, DecodeBlock, BlockCount and
// PostingBlockBuilder (common/index/posting_block.h).
//
// Feeds "<first_doc: 4 bytes LE><limit: 4 bytes LE><flags: 1 byte><block>":
// the block is decoded as the store reads a term's postings (flags bit 0:
// with positions). The same bytes then describe postings to build: each
// byte pair is a document delta and a frequency.
//
// Asserts, from the header's layout and contract:
//  - a decoded list is what the header promises: documents strictly
//    ascending from first_doc, all below the limit, one frequency >= 1
//    each and, with positions, freq strictly ascending positions each,
//    position_starts consistent; BlockCount agrees with the decoded count;
//  - a block that decodes in full (with positions, no limit) is canonical:
//    the builder re-encodes the decoded list to exactly the same bytes
//    (so trailing garbage and alternative encodings are refused);
//  - decode(encode(postings)) == postings for postings built from the
//    input, with and without a limit and with and without positions;
//  - malformed input is DataLoss, never a read past the block.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/index/posting_block.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

using accord::index::PostingBlockBuilder;
using accord::index::PostingList;

void CheckList(const PostingList& list, uint32_t first_doc, uint32_t limit,
               bool with_positions, const std::string& context) {
  FUZZ_CHECK(list.freqs.size() == list.docs.size(),
             "freqs and docs differ" + context);
  FUZZ_CHECK(list.docs.size() <= accord::index::kMaxBlockDocuments,
             "more documents than a block holds" + context);
  for (size_t i = 0; i < list.size(); ++i) {
    FUZZ_CHECK(
        list.docs[i] >= first_doc && list.docs[i] < limit,
        absl::StrCat("document ", list.docs[i], " outside [first_doc, limit)") +
            context);
    FUZZ_CHECK(i == 0 || list.docs[i] > list.docs[i - 1],
               "documents not strictly ascending" + context);
    FUZZ_CHECK(list.freqs[i] >= 1, "frequency 0" + context);
  }
  if (!with_positions) {
    FUZZ_CHECK(!list.has_positions(), "positions without asking" + context);
    return;
  }
  FUZZ_CHECK(list.position_starts.size() == list.size() + 1 &&
                 list.position_starts.front() == 0 &&
                 list.position_starts.back() == list.positions.size(),
             "position_starts inconsistent" + context);
  for (size_t i = 0; i < list.size(); ++i) {
    FUZZ_CHECK(list.position_starts[i] <= list.position_starts[i + 1],
               "position_starts descend" + context);
    const auto positions = list.PositionsOf(i);
    FUZZ_CHECK(positions.size() == list.freqs[i],
               "positions != frequency" + context);
    for (size_t j = 1; j < positions.size(); ++j) {
      FUZZ_CHECK(positions[j] > positions[j - 1],
                 "positions not strictly ascending" + context);
    }
  }
}

bool SameList(const PostingList& a, const PostingList& b) {
  return a.docs == b.docs && a.freqs == b.freqs &&
         a.position_starts == b.position_starts && a.positions == b.positions;
}

// Postings described by `bytes`: per document a delta byte (+1) and a
// frequency byte (1..8), positions stepping by the following bytes (+1).
PostingList BuildFrom(std::string_view bytes, uint32_t first_doc) {
  PostingList list;
  list.position_starts.push_back(0);
  uint32_t doc = first_doc;
  size_t i = 0;
  while (i + 1 < bytes.size() &&
         list.size() < accord::index::kMaxBlockDocuments) {
    const uint32_t delta =
        list.size() == 0 ? 0 : static_cast<uint8_t>(bytes[i]) + 1u;
    if (delta > UINT32_MAX - doc) break;
    doc += delta;
    const uint32_t freq = static_cast<uint8_t>(bytes[i + 1]) % 8 + 1;
    i += 2;
    uint32_t position = 0;
    for (uint32_t j = 0; j < freq; ++j) {
      const uint32_t step =
          i < bytes.size() ? static_cast<uint8_t>(bytes[i++]) : 7;
      position += j == 0 ? step : step + 1;
      list.positions.push_back(position);
    }
    list.docs.push_back(doc);
    list.freqs.push_back(freq);
    list.position_starts.push_back(
        static_cast<uint32_t>(list.positions.size()));
  }
  return list;
}

// The entries of `list` below `limit`, without positions when asked.
PostingList Cut(const PostingList& list, uint32_t limit, bool with_positions) {
  PostingList cut;
  if (with_positions) cut.position_starts.push_back(0);
  for (size_t i = 0; i < list.size() && list.docs[i] < limit; ++i) {
    cut.docs.push_back(list.docs[i]);
    cut.freqs.push_back(list.freqs[i]);
    if (with_positions) {
      for (uint32_t p : list.PositionsOf(i)) cut.positions.push_back(p);
      cut.position_starts.push_back(
          static_cast<uint32_t>(cut.positions.size()));
    }
  }
  return cut;
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  using accord::index::DecodeBlock;
  FuzzInput input(data, size);
  const uint32_t first_doc = input.U32();
  const uint32_t limit = input.U32();
  const bool with_positions = input.Byte() & 1;
  const std::string_view block_view = input.Rest();
  // A copy of exactly the block's size, so ASan sees any read past it.
  const std::string block(block_view);
  const std::string context =
      absl::StrCat("\n  first_doc ", first_doc, " limit ", limit, " positions ",
                   with_positions, "\n  block: ", Escape(block));

  PostingList list;
  const absl::Status status =
      DecodeBlock(block, first_doc, limit, with_positions, &list);
  FUZZ_CHECK(status.ok() || absl::IsDataLoss(status),
             "refusal is not DataLoss: " + status.ToString() + context);
  if (status.ok()) {
    CheckList(list, first_doc, limit, with_positions, context);
    uint32_t count = 0;
    FUZZ_CHECK(
        accord::index::BlockCount(block, &count).ok() && count >= list.size(),
        "BlockCount disagrees" + context);
  }

  PostingList full;
  if (DecodeBlock(block, first_doc, UINT32_MAX, true, &full).ok()) {
    CheckList(full, first_doc, UINT32_MAX, true, context);
    uint32_t count = 0;
    FUZZ_CHECK(
        accord::index::BlockCount(block, &count).ok() && count >= full.size(),
        "BlockCount disagrees with a full decode" + context);
    // The limit is exclusive, so document UINT32_MAX is never read; a block
    // holding it is not read in full and cannot be compared.
    if (count != full.size()) {
      FUZZ_CHECK(count == full.size() + 1,
                 "a full decode dropped documents" + context);
      return 0;
    }
    PostingBlockBuilder builder;
    for (size_t i = 0; i < full.size(); ++i) builder.AddFrom(full, i);
    const std::string encoded = builder.Encode();
    FUZZ_CHECK(encoded == block, "decoded block re-encodes differently: " +
                                     Escape(encoded) + context);
    FUZZ_CHECK(full.docs.front() == first_doc,
               "a full block's first document is not its key's" + context);
  }

  const PostingList built = BuildFrom(block_view, first_doc);
  if (built.size() == 0) return 0;
  PostingBlockBuilder builder;
  for (size_t i = 0; i < built.size(); ++i) builder.AddFrom(built, i);
  const std::string encoded = builder.Encode();
  for (const bool positions : {true, false}) {
    for (const uint32_t cut : {UINT32_MAX, limit}) {
      PostingList decoded;
      const absl::Status round =
          DecodeBlock(encoded, first_doc, cut, positions, &decoded);
      FUZZ_CHECK(round.ok(),
                 "own block refused: " + round.ToString() + context);
      FUZZ_CHECK(
          SameList(decoded, Cut(built, cut, positions)),
          absl::StrCat("own block decodes differently (limit ", cut,
                       ", positions ", positions, "): ", Escape(encoded)) +
              context);
    }
  }
  return 0;
}
