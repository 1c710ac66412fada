// Fuzz target: posting values, DecodePostingValue and MergePostingValues
// (common/index/posting_value.h), what the store's merge operator and every
// postings read run on.
//
// Feeds "<limit: 4 bytes LE><flags: 1 byte><value>": the value is decoded
// as a read does (flags bit 0: with positions) and merged as a compaction
// does. The same bytes then describe postings to append in commits of
// uneven sizes (each byte pair a document delta and a frequency).
//
// Asserts, from the header's contract:
//  - a decoded value is sorted postings: documents strictly ascending and
//    below the limit, a frequency >= 1 each, positions consistent;
//  - refusals are DataLoss; a value that decodes merges;
//  - merging keeps the postings: merge(v) decodes to what v decodes to;
//  - merged values are canonical: merge(merge(v)) == merge(v), every run
//    but the last holds kMaxBlockDocuments documents;
//  - a value applied twice counts once: merge(v, v) == merge(v);
//  - postings appended in any split of commits merge to the same bytes as
//    one commit holding them all.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/index/posting_value.h"
#include "common/index/varint.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

using accord::index::DecodePostingValue;
using accord::index::kMaxBlockDocuments;
using accord::index::MergePostingValues;
using accord::index::PostingBlockBuilder;
using accord::index::PostingList;

void CheckList(const PostingList& list, uint32_t limit, bool with_positions,
               const std::string& context) {
  FUZZ_CHECK(list.freqs.size() == list.docs.size(),
             "freqs and docs differ" + context);
  for (size_t i = 0; i < list.size(); ++i) {
    FUZZ_CHECK(list.docs[i] < limit, "document past the limit" + context);
    FUZZ_CHECK(i == 0 || list.docs[i] > list.docs[i - 1],
               "documents not strictly ascending" + context);
    FUZZ_CHECK(list.freqs[i] >= 1, "frequency 0" + context);
  }
  if (!with_positions) {
    FUZZ_CHECK(!list.has_positions(), "positions without asking" + context);
    return;
  }
  FUZZ_CHECK(list.size() == 0 ||
                 (list.position_starts.size() == list.size() + 1 &&
                  list.position_starts.back() == list.positions.size()),
             "position_starts inconsistent" + context);
  for (size_t i = 0; i < list.size(); ++i) {
    FUZZ_CHECK(list.PositionsOf(i).size() == list.freqs[i],
               "positions != frequency" + context);
  }
}

bool SameList(const PostingList& a, const PostingList& b) {
  return a.docs == b.docs && a.freqs == b.freqs && a.positions == b.positions;
}

// The document count of each run of a value that decodes.
std::vector<uint32_t> RunSizes(absl::string_view value) {
  std::vector<uint32_t> sizes;
  while (!value.empty()) {
    uint32_t first_doc = 0, length = 0, count = 0;
    if (!accord::index::GetVarint32(&value, &first_doc) ||
        !accord::index::GetVarint32(&value, &length) || length > value.size() ||
        !accord::index::BlockCount(value.substr(0, length), &count).ok()) {
      return {};
    }
    sizes.push_back(count);
    value.remove_prefix(length);
  }
  return sizes;
}

std::string Merge(const std::vector<absl::string_view>& values,
                  absl::Status* status) {
  std::string out;
  *status = MergePostingValues(values, &out);
  return out;
}

// Commits of postings described by `bytes`: per document a delta byte (+1)
// and a frequency byte (1..4); a commit ends after a delta byte >= 0xF0.
std::vector<std::string> Commits(std::string_view bytes) {
  std::vector<std::string> commits;
  std::string value;
  PostingBlockBuilder block;
  uint32_t doc = 0;
  auto end_commit = [&] {
    if (block.size() > 0) accord::index::AppendRun(block, &value);
    block.Clear();
    if (!value.empty()) commits.push_back(std::move(value));
    value.clear();
  };
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    const uint8_t delta = static_cast<uint8_t>(bytes[i]);
    doc += delta + 1u;
    std::vector<uint32_t> positions;
    for (uint32_t p = 0; p <= static_cast<uint8_t>(bytes[i + 1]) % 4; ++p) {
      positions.push_back(p * 3 + delta % 5);
    }
    if (block.full()) {
      accord::index::AppendRun(block, &value);
      block.Clear();
    }
    block.Add(doc, positions);
    if (delta >= 0xF0) end_commit();
  }
  end_commit();
  return commits;
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  FuzzInput input(data, size);
  const uint32_t limit = input.U32();
  const bool with_positions = input.Byte() & 1;
  // A copy of exactly the value's size, so ASan sees any read past it.
  const std::string value(input.Rest());
  const std::string context =
      absl::StrCat("\n  limit ", limit, " positions ", with_positions,
                   "\n  value: ", Escape(value));

  PostingList list;
  absl::Status status = DecodePostingValue(value, limit, with_positions, &list);
  FUZZ_CHECK(status.ok() || absl::IsDataLoss(status),
             "refusal is not DataLoss: " + status.ToString() + context);
  if (status.ok()) CheckList(list, limit, with_positions, context);

  PostingList whole;
  const bool decodes = DecodePostingValue(value, UINT32_MAX, true, &whole).ok();
  absl::Status merged_status;
  const std::string merged = Merge({value}, &merged_status);
  FUZZ_CHECK(
      merged_status.ok() || absl::IsDataLoss(merged_status),
      "merge refusal is not DataLoss: " + merged_status.ToString() + context);
  if (decodes) {
    FUZZ_CHECK(merged_status.ok(), "a value that decodes does not merge: " +
                                       merged_status.ToString() + context);
  }
  if (merged_status.ok()) {
    PostingList after;
    FUZZ_CHECK(DecodePostingValue(merged, UINT32_MAX, true, &after).ok(),
               "a merged value does not decode" + context);
    if (decodes) {
      FUZZ_CHECK(SameList(whole, after), "merging changed postings" + context);
    }
    absl::Status again_status;
    FUZZ_CHECK(Merge({merged}, &again_status) == merged && again_status.ok(),
               "merging a merged value changed it" + context);
    FUZZ_CHECK(
        Merge({merged, merged}, &again_status) == merged && again_status.ok(),
        "a value applied twice counted twice" + context);
    const std::vector<uint32_t> runs = RunSizes(merged);
    for (size_t i = 0; i + 1 < runs.size(); ++i) {
      FUZZ_CHECK(runs[i] == kMaxBlockDocuments,
                 "a run but the last is not full" + context);
    }
  }

  // The bytes as postings: commits of any sizes merge to one canonical value.
  const std::vector<std::string> commits = Commits(value);
  if (!commits.empty()) {
    std::vector<absl::string_view> views(commits.begin(), commits.end());
    absl::Status split_status;
    const std::string split = Merge(views, &split_status);
    FUZZ_CHECK(split_status.ok(), "appended commits do not merge: " +
                                      split_status.ToString() + context);
    std::string all;
    for (const std::string& commit : commits) all += commit;
    absl::Status all_status;
    FUZZ_CHECK(Merge({all}, &all_status) == split && all_status.ok(),
               "commits split differently merge differently" + context);
  }
  return 0;
}
