#include "common/util/untrusted_text.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_format.h"
#include "unicode/utf8.h"

namespace accord {
namespace {

// Appends `text` escaped, reading at most `max_bytes` of it. `quoting`
// also escapes `\` and `"` (the text goes between quotes).
void Append(absl::string_view text, size_t max_bytes, bool quoting,
            std::string* out) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  // ICU's UTF-8 macros index with int32_t; longer input is cut anyway.
  const int32_t length =
      static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (static_cast<size_t>(i) > max_bytes) {
      i = start;
      break;
    }
    if (c < 0) {
      // Invalid: show each byte U8_NEXT consumed.
      for (int32_t b = start; b < i; ++b) {
        absl::StrAppendFormat(out, "\\x%02X", bytes[b]);
      }
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\r') {
      out->append("\\r");
    } else if (c == '\t') {
      out->append("\\t");
    } else if (c < 0x20 || c == 0x7F) {
      absl::StrAppendFormat(out, "\\x%02X", c);
    } else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
      absl::StrAppendFormat(out, "\\u{%04X}", c);
    } else if (quoting && (c == '\\' || c == '"')) {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else {
      out->append(text.data() + start, static_cast<size_t>(i - start));
    }
  }
  if (static_cast<size_t>(i) < text.size()) out->append("…");
}

}  // namespace

bool IsValidUtf8(absl::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length =
      static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return text.size() <= INT32_MAX;
}

std::string EscapeUntrusted(absl::string_view text, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 8);
  Append(text, max_bytes, /*quoting=*/true, &out);
  return out;
}

std::string EscapeControl(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  Append(text, text.size(), /*quoting=*/false, &out);
  return out;
}

}  // namespace accord
