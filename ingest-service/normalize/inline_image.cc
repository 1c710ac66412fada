#include "ingest-service/normalize/inline_image.h"

#include "ingest-service/normalize/marker_words.h"
#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {
namespace {

// If `line[0, end)` ends with " <marker word>" (or is just the marker word),
// returns where the word starts; else npos. Compares the last code points
// case-insensitively, so "Ảnh", "ảnh" and "PHOTO" all match.
size_t MarkerWordStart(std::string_view line, size_t end) {
  for (std::string_view word : InlineImageWords()) {
    const size_t word_chars = CountCodePoints(word);
    size_t start = end;
    size_t taken = 0;
    while (start > 0 && taken < word_chars) {
      PrevCodePoint(line, &start);
      ++taken;
    }
    if (taken != word_chars) continue;
    if (ToLower(line.substr(start, end - start)) != word) continue;
    if (start == 0 || line[start - 1] == ' ') return start;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<InlineImage> FindInlineImage(std::string_view line) {
  for (size_t i = 1; i < line.size(); ++i) {
    // A marker number starts after a space: "<word> <digits>".
    if (line[i - 1] != ' ' || line[i] < '0' || line[i] > '9') continue;
    size_t digits_end = i;
    while (digits_end < line.size() && line[digits_end] >= '0' &&
           line[digits_end] <= '9') {
      ++digits_end;
    }
    if (digits_end - i > 2 || digits_end >= line.size()) continue;
    size_t after = digits_end;
    const char32_t next = NextCodePoint(line, &after);
    const bool caption_start = IsUpper(next) || next == '"' || next == 0x201C ||
                               next == 0x00AB || next == 0x201E;
    if (!caption_start) continue;
    const size_t word_start = MarkerWordStart(line, i - 1);
    if (word_start == std::string_view::npos) continue;
    InlineImage image;
    image.before = std::string(Trim(line.substr(0, word_start)));
    image.marker =
        std::string(line.substr(word_start, digits_end - word_start));
    image.caption = std::string(Trim(line.substr(digits_end)));
    return image;
  }
  return std::nullopt;
}

}  // namespace accord::normalize
