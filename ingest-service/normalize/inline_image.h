// Finds an inline image marker glued into a line of text.
//
// When a crawler flattens a page, an image becomes its alt text, a marker
// such as "hình ảnh 1" / "ảnh 2" / "Photo 3", and its caption, all on one
// line and with the caption glued to the number:
//
//   "... at Russia meeting hinh anh 1Deputy Minister ... (Photo: VNA)"
//
// The marker is a word from InlineImageWords() (marker_words.h), a space, a
// number, and directly after the number an uppercase letter (or an opening
// quote) that starts the caption. Stateless and thread-safe.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_INLINE_IMAGE_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_INLINE_IMAGE_H_

#include <optional>
#include <string>
#include <string_view>

namespace accord::normalize {

struct InlineImage {
  // Text before the marker, trimmed; may be empty.
  std::string before;
  // The marker as written ("hinh anh 1").
  std::string marker;
  // Text after the marker (the caption), trimmed; never empty.
  std::string caption;
};

// The first inline image marker in `line`, if any.
std::optional<InlineImage> FindInlineImage(std::string_view line);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_INLINE_IMAGE_H_
