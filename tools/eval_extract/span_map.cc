#include "tools/eval_extract/span_map.h"

#include <string>

namespace accord::eval_extract {
namespace {

// Appends the non-space bytes of `text` to *dense and their offsets (plus
// `base`) to *offsets.
void Densify(std::string_view text, uint32_t base, std::string* dense,
             std::vector<uint32_t>* offsets) {
  for (size_t i = 0; i < text.size();) {
    if (size_t ws = WhiteSpaceLength(text.substr(i)); ws > 0) {
      i += ws;
      continue;
    }
    dense->push_back(text[i]);
    offsets->push_back(base + static_cast<uint32_t>(i));
    ++i;
  }
}

}  // namespace

size_t WhiteSpaceLength(std::string_view text) {
  if (text.empty()) return 0;
  const auto b = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  if (text[0] == ' ' || text[0] == '\t' || text[0] == '\n' || text[0] == '\r' ||
      text[0] == '\f' || text[0] == '\v') {
    return 1;
  }
  if (text.size() >= 2 && b(0) == 0xC2 && b(1) == 0xA0) return 2;  // NBSP
  if (text.size() >= 3 && b(0) == 0xE2 && b(1) == 0x80 &&
      ((b(2) >= 0x80 && b(2) <= 0x8B) || b(2) == 0xAF)) {
    return 3;  // U+2000..U+200B, U+202F
  }
  if (text.size() >= 3 && b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F)
    return 3;
  if (text.size() >= 3 && b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80)
    return 3;
  return 0;
}

SpanMap::SpanMap(std::string_view raw, const accord::v1::Document& document)
    : targets_(raw.size()) {
  Densify(raw, 0, &raw_dense_, &raw_offsets_);
  dense_byte_.assign(raw.size(), false);
  for (uint32_t offset : raw_offsets_) dense_byte_[offset] = true;
  Align(document.title(), accord::v1::TEXT_PART_TITLE, 0);
  Align(document.dateline().text(), accord::v1::TEXT_PART_DATELINE, 0);
  for (const accord::v1::Paragraph& paragraph : document.paragraphs()) {
    Align(paragraph.text(), accord::v1::TEXT_PART_BODY, paragraph.offset());
  }
}

void SpanMap::Align(std::string_view segment, accord::v1::TextPart part,
                    uint32_t part_offset) {
  std::string dense;
  std::vector<uint32_t> offsets;
  Densify(segment, part_offset, &dense, &offsets);
  if (dense.empty()) return;
  // In reading order first; a part the normalizer moved (a title found
  // after the stamp) anywhere.
  size_t at = raw_dense_.find(dense, cursor_);
  if (at == std::string::npos) at = raw_dense_.find(dense);
  if (at == std::string::npos) {
    ++unaligned_parts_;
    return;
  }
  for (size_t i = 0; i < dense.size(); ++i) {
    targets_[raw_offsets_[at + i]] = Target{part, offsets[i]};
  }
  cursor_ = at + dense.size();
}

std::optional<accord::v1::TextSpan> SpanMap::Map(uint32_t begin,
                                                 uint32_t end) const {
  if (begin >= end || end > targets_.size()) return std::nullopt;
  std::optional<accord::v1::TextSpan> span;
  for (uint32_t i = begin; i < end; ++i) {
    const Target& t = targets_[i];
    if (t.part == accord::v1::TEXT_PART_UNSPECIFIED) {
      // White space need not be kept; anything else must.
      if (dense_byte_[i]) return std::nullopt;
      continue;
    }
    if (!span.has_value()) {
      span.emplace();
      span->set_part(t.part);
      span->set_begin(t.offset);
    } else if (span->part() != t.part || t.offset < span->end()) {
      return std::nullopt;
    }
    span->set_end(t.offset + 1);
  }
  return span;
}

}  // namespace accord::eval_extract
