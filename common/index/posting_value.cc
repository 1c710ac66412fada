#include "common/index/posting_value.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/index/varint.h"

namespace accord::index {
namespace {

absl::Status Malformed(absl::string_view what) {
  return absl::DataLossError(absl::StrCat("malformed posting value: ", what));
}

struct Run {
  uint32_t first_doc = 0;
  absl::string_view block;
};

// Reads the run at the front of *value. False when the header or the
// block's length does not fit, and for a run at document UINT32_MAX: no
// read limit reaches it, so a reader would skip it unchecked while the merge
// checked it; both refuse it instead (the store numbers documents below it).
bool NextRun(absl::string_view* value, Run* run) {
  uint32_t length = 0;
  if (!GetVarint32(value, &run->first_doc) || run->first_doc == UINT32_MAX ||
      !GetVarint32(value, &length) || length == 0 || length > value->size()) {
    return false;
  }
  run->block = value->substr(0, length);
  value->remove_prefix(length);
  return true;
}

}  // namespace

void AppendRun(const PostingBlockBuilder& block, std::string* value) {
  const std::string encoded = block.Encode();
  PutVarint32(block.first_doc(), value);
  PutVarint32(static_cast<uint32_t>(encoded.size()), value);
  value->append(encoded);
}

absl::Status DecodePostingValue(absl::string_view value, uint32_t limit,
                                bool with_positions, PostingList* out) {
  Run run;
  while (!value.empty()) {
    if (!NextRun(&value, &run)) return Malformed("bad run header");
    if (!out->docs.empty() && run.first_doc <= out->docs.back()) {
      return Malformed("runs out of document order");
    }
    // Runs ascend: nothing after this one is below the limit either.
    if (run.first_doc >= limit) break;
    if (absl::Status decoded =
            DecodeBlock(run.block, run.first_doc, limit, with_positions, out);
        !decoded.ok()) {
      return decoded;
    }
  }
  return absl::OkStatus();
}

absl::Status DecodePostingValueOf(absl::string_view value, uint32_t limit,
                                  absl::Span<const uint32_t> wanted,
                                  PostingList* out) {
  if (out->position_starts.empty()) out->position_starts.push_back(0);
  Run run;
  bool have_run = !value.empty();
  if (have_run && !NextRun(&value, &run)) return Malformed("bad run header");
  size_t next_wanted = 0;
  while (have_run) {
    // The next run's first document bounds this run's documents: a run
    // without a wanted document below it is skipped without decoding.
    Run next;
    const bool have_next = !value.empty();
    if (have_next) {
      if (!NextRun(&value, &next)) return Malformed("bad run header");
      if (next.first_doc <= run.first_doc) {
        return Malformed("runs out of document order");
      }
    }
    if (run.first_doc >= limit) break;
    while (next_wanted < wanted.size() && wanted[next_wanted] < run.first_doc) {
      ++next_wanted;
    }
    if (next_wanted == wanted.size()) break;
    const uint32_t bound = have_next ? std::min(limit, next.first_doc) : limit;
    if (wanted[next_wanted] < bound) {
      if (absl::Status decoded =
              DecodeBlockOf(run.block, run.first_doc, bound,
                            wanted.subspan(next_wanted), out);
          !decoded.ok()) {
        return decoded;
      }
    }
    run = next;
    have_run = have_next;
  }
  return absl::OkStatus();
}

namespace {

// Decodes `operands` in order with decode(value, list), dropping documents
// that do not ascend (a run applied twice).
template <typename DecodeOne>
absl::Status DecodeOperands(absl::Span<const absl::string_view> operands,
                            PostingList* out, DecodeOne decode) {
  PostingList late;
  for (absl::string_view operand : operands) {
    if (operand.empty()) continue;
    absl::string_view header = operand;
    uint32_t first_doc = 0;
    if (!GetVarint32(&header, &first_doc)) return Malformed("bad run header");
    if (out->docs.empty() || first_doc > out->docs.back()) {
      if (absl::Status decoded = decode(operand, out); !decoded.ok()) {
        return decoded;
      }
      continue;
    }
    late.Clear();
    if (absl::Status decoded = decode(operand, &late); !decoded.ok()) {
      return decoded;
    }
    const uint32_t last = out->docs.back();
    for (size_t i = 0; i < late.size(); ++i) {
      if (late.docs[i] <= last) continue;
      out->docs.push_back(late.docs[i]);
      out->freqs.push_back(late.freqs[i]);
      if (late.has_positions()) {
        absl::Span<const uint32_t> positions = late.PositionsOf(i);
        out->positions.insert(out->positions.end(), positions.begin(),
                              positions.end());
        out->position_starts.push_back(
            static_cast<uint32_t>(out->positions.size()));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status DecodePostingOperands(absl::Span<const absl::string_view> operands,
                                   uint32_t limit, bool with_positions,
                                   PostingList* out) {
  return DecodeOperands(
      operands, out, [&](absl::string_view value, PostingList* into) {
        return DecodePostingValue(value, limit, with_positions, into);
      });
}

absl::Status DecodePostingOperandsOf(
    absl::Span<const absl::string_view> operands, uint32_t limit,
    absl::Span<const uint32_t> wanted, PostingList* out) {
  if (out->position_starts.empty()) out->position_starts.push_back(0);
  return DecodeOperands(
      operands, out, [&](absl::string_view value, PostingList* into) {
        return DecodePostingValueOf(value, limit, wanted, into);
      });
}

absl::Status MergePostingValues(absl::Span<const absl::string_view> values,
                                std::string* out) {
  out->clear();
  PostingBlockBuilder pending;  // documents not yet in a full run
  PostingList decoded;
  bool any = false;
  uint32_t last_doc = 0;  // the last document kept, once `any`
  for (absl::string_view value : values) {
    Run run;
    while (!value.empty()) {
      if (!NextRun(&value, &run)) return Malformed("bad run header");
      uint32_t count = 0;
      if (absl::Status counted = BlockCount(run.block, &count); !counted.ok()) {
        return counted;
      }
      decoded.Clear();
      const bool copy_whole = pending.size() == 0 &&
                              count == kMaxBlockDocuments &&
                              (!any || run.first_doc > last_doc);
      // A full run after full runs is copied as it is, not re-encoded. It
      // is still decoded whole: a merge never passes a malformed run on
      // (reads would fail on it later, far from the cause).
      if (absl::Status read = DecodeBlock(run.block, run.first_doc, UINT32_MAX,
                                          /*with_positions=*/true, &decoded);
          !read.ok()) {
        return read;
      }
      if (copy_whole) {
        PutVarint32(run.first_doc, out);
        PutVarint32(static_cast<uint32_t>(run.block.size()), out);
        out->append(run.block.data(), run.block.size());
        last_doc = decoded.docs.back();
        any = true;
        continue;
      }
      for (size_t i = 0; i < decoded.size(); ++i) {
        if (any && decoded.docs[i] <= last_doc) continue;  // applied twice
        pending.AddFrom(decoded, i);
        last_doc = decoded.docs[i];
        any = true;
        if (pending.full()) {
          AppendRun(pending, out);
          pending.Clear();
        }
      }
    }
  }
  if (pending.size() > 0) AppendRun(pending, out);
  return absl::OkStatus();
}

}  // namespace accord::index
