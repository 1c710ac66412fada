#include "common/index/token_spans.h"

#include <limits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/index/varint.h"

namespace accord::index {
namespace {

absl::Status Malformed(absl::string_view what) {
  return absl::DataLossError(absl::StrCat("token spans: ", what));
}

// Reads spans one at a time, checking each against the layout.
class SpanReader {
 public:
  explicit SpanReader(absl::string_view value) : in_(value) {}

  absl::Status Start() {
    if (!GetVarint32(&in_, &remaining_)) return Malformed("bad count");
    // Every span takes at least four bytes.
    if (remaining_ > in_.size() / 4) return Malformed("count past the end");
    return absl::OkStatus();
  }
  bool done() const { return remaining_ == 0; }

  absl::Status Next(TokenSpan* span) {
    uint32_t position_delta = 0, part_delta = 0, begin_delta = 0, length = 0;
    if (!GetVarint32(&in_, &position_delta) ||
        !GetVarint32(&in_, &part_delta) || !GetVarint32(&in_, &begin_delta) ||
        !GetVarint32(&in_, &length)) {
      return Malformed("truncated span");
    }
    constexpr uint32_t kMax = std::numeric_limits<uint32_t>::max();
    if ((!first_ && position_delta == 0) || position_delta > kMax - position_ ||
        part_delta > kMax - part_ || length == 0) {
      return Malformed("spans out of order");
    }
    const uint32_t from = part_delta == 0 ? end_ : 0;
    if (begin_delta > kMax - from || length > kMax - from - begin_delta) {
      return Malformed("span past 4 GiB");
    }
    position_ += position_delta;
    part_ += part_delta;
    span->position = position_;
    span->part = part_;
    span->begin = from + begin_delta;
    span->end = span->begin + length;
    end_ = span->end;
    first_ = false;
    --remaining_;
    if (remaining_ == 0 && !in_.empty()) return Malformed("trailing bytes");
    return absl::OkStatus();
  }

 private:
  absl::string_view in_;
  uint32_t remaining_ = 0;
  bool first_ = true;
  uint32_t position_ = 0;
  uint32_t part_ = 0;
  uint32_t end_ = 0;  // of the previous span
};

}  // namespace

std::string EncodeTokenSpans(absl::Span<const TokenSpan> spans) {
  std::string out;
  out.reserve(1 + spans.size() * 4);
  PutVarint32(static_cast<uint32_t>(spans.size()), &out);
  uint32_t position = 0, part = 0, end = 0;
  for (const TokenSpan& span : spans) {
    PutVarint32(span.position - position, &out);
    PutVarint32(span.part - part, &out);
    PutVarint32(span.begin - (span.part == part ? end : 0), &out);
    PutVarint32(span.end - span.begin, &out);
    position = span.position;
    part = span.part;
    end = span.end;
  }
  return out;
}

absl::StatusOr<std::vector<TokenSpan>> DecodeTokenSpans(
    absl::string_view value) {
  SpanReader reader(value);
  if (absl::Status started = reader.Start(); !started.ok()) return started;
  std::vector<TokenSpan> spans;
  while (!reader.done()) {
    TokenSpan span;
    if (absl::Status read = reader.Next(&span); !read.ok()) return read;
    spans.push_back(span);
  }
  if (spans.empty() && value.size() != 1) return Malformed("trailing bytes");
  return spans;
}

absl::StatusOr<std::vector<TokenSpan>> FindTokenSpans(
    absl::string_view value, absl::Span<const uint32_t> positions) {
  SpanReader reader(value);
  if (absl::Status started = reader.Start(); !started.ok()) return started;
  std::vector<TokenSpan> found;
  size_t wanted = 0;
  while (wanted < positions.size() && !reader.done()) {
    TokenSpan span;
    if (absl::Status read = reader.Next(&span); !read.ok()) return read;
    while (wanted < positions.size() && positions[wanted] < span.position) {
      ++wanted;
    }
    if (wanted < positions.size() && positions[wanted] == span.position) {
      found.push_back(span);
      ++wanted;
    }
  }
  return found;
}

}  // namespace accord::index
