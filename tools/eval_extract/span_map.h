// SpanMap: where a byte range of a document's raw text landed in its
// normalized parts. Gold annotations are located in the file as written
// (FORMAT.md: the k-th occurrence of the surface); the extractor's spans
// point into the title, the dateline or the body (paragraphs joined with
// "\n\n"), which the normalizer cut out of the file, rejoined, and may
// have re-spaced (glued words separated, lines joined).
//
// The map aligns each part with the raw text on its non-space characters:
// the title, then the dateline, then each paragraph is found, in this
// order, in the raw text with white space removed. A raw byte that no
// part kept (a publication stamp, a caption, a teaser) maps nowhere.
//
// Thread-safety: immutable after construction.
#ifndef ACCORD_TOOLS_EVAL_EXTRACT_SPAN_MAP_H_
#define ACCORD_TOOLS_EVAL_EXTRACT_SPAN_MAP_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "accord/v1/document.pb.h"
#include "accord/v1/understanding.pb.h"

namespace accord::eval_extract {

class SpanMap {
 public:
  // Keeps offsets only: neither argument need outlive the map.
  SpanMap(std::string_view raw, const accord::v1::Document& document);

  // The span in one part that [begin, end) of the raw text became; nullopt
  // when some of its non-space bytes were kept by no part or by two parts.
  std::optional<accord::v1::TextSpan> Map(uint32_t begin, uint32_t end) const;

  // Parts (title, dateline, paragraphs) that could not be found in the
  // raw text: their spans map nowhere. 0 when the normalizer only cut and
  // re-spaced.
  int unaligned_parts() const { return unaligned_parts_; }

 private:
  struct Target {
    accord::v1::TextPart part = accord::v1::TEXT_PART_UNSPECIFIED;
    uint32_t offset = 0;
  };
  void Align(std::string_view segment, accord::v1::TextPart part,
             uint32_t part_offset);

  std::string raw_dense_;              // raw text without white space
  std::vector<uint32_t> raw_offsets_;  // raw offset of each dense byte
  std::vector<Target> targets_;        // per raw byte
  std::vector<bool> dense_byte_;       // per raw byte: not white space
  size_t cursor_ = 0;                  // in raw_dense_
  int unaligned_parts_ = 0;
};

// The length of the white-space character at the start of `text` (ASCII
// spaces, NBSP, the Unicode spaces U+2000..U+200B, U+202F, U+205F,
// U+3000); 0 when it starts with something else.
size_t WhiteSpaceLength(std::string_view text);

}  // namespace accord::eval_extract

#endif  // ACCORD_TOOLS_EVAL_EXTRACT_SPAN_MAP_H_
