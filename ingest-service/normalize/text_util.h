// UTF-8 helpers shared by the normalizer's passes.
//
// The normalizer reasons about letters, case and punctuation in any script,
// so every check here goes through ICU's character properties instead of
// ASCII tests. Inputs are expected to be valid UTF-8; invalid bytes decode as
// U+FFFD so that no helper can read out of bounds or loop forever.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_TEXT_UTIL_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_TEXT_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"

namespace accord::normalize {

// Debian's abseil has its own string_view type; hash containers keyed by
// std::string take it, not std::string_view, for heterogeneous lookup.
inline absl::string_view AsAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// Decodes the code point starting at byte `*pos` and advances `*pos` past it.
// REQUIRES: *pos < s.size().
char32_t NextCodePointSlow(std::string_view s, size_t* pos);
inline char32_t NextCodePoint(std::string_view s, size_t* pos) {
  const unsigned char lead = static_cast<unsigned char>(s[*pos]);
  if (lead < 0x80) {  // Inline ASCII path: most agency copy is ASCII.
    ++*pos;
    return lead;
  }
  // Inline two-byte path: accented Latin and Cyrillic.
  if (lead >= 0xC2 && lead <= 0xDF && *pos + 1 < s.size()) {
    const unsigned char trail = static_cast<unsigned char>(s[*pos + 1]);
    if ((trail & 0xC0) == 0x80) {
      *pos += 2;
      return (char32_t{lead} & 0x1F) << 6 | (trail & 0x3F);
    }
  }
  return NextCodePointSlow(s, pos);
}
// Decodes the code point ending just before byte `*pos` and moves `*pos` to
// its first byte. REQUIRES: *pos > 0.
char32_t PrevCodePoint(std::string_view s, size_t* pos);
// First / last code point of `s`, or 0 when `s` is empty.
char32_t FirstCodePoint(std::string_view s);
char32_t LastCodePoint(std::string_view s);
size_t CountCodePoints(std::string_view s);
// CountCodePoints(s) > n, without counting when the byte length decides
// (a code point is one to four bytes): the line-level checks ask this of
// every line, most of which are far longer than their limits.
inline bool HasMoreCodePointsThan(std::string_view s, size_t n) {
  if (s.size() <= n) return false;
  if (n <= SIZE_MAX / 4 && s.size() > 4 * n) return true;
  return CountCodePoints(s) > n;
}

// ICU property lookups. The inline functions below answer ASCII, and the
// Latin-1, Cyrillic and Vietnamese letters of the languages Accord mostly
// sees, themselves: the calls into ICU dominated the normalizer's profile
// otherwise. text_util_test checks every fast answer against ICU.
bool IsUpperSlow(char32_t c);
bool IsLowerSlow(char32_t c);
bool IsLetterSlow(char32_t c);
bool IsDigitSlow(char32_t c);
bool IsSpaceSlow(char32_t c);

namespace internal {
// À..Þ and ß..ÿ but × and ÷; Cyrillic Ѐ..я and ѐ..џ; Vietnamese Ạ..ỹ.
inline bool IsLatin1Letter(char32_t c) {
  return c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7;
}
inline bool IsBasicCyrillic(char32_t c) { return c >= 0x400 && c <= 0x45F; }
inline bool IsVietnamese(char32_t c) { return c >= 0x1EA0 && c <= 0x1EF9; }
}  // namespace internal

// Uppercase or titlecase letter.
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (internal::IsLatin1Letter(c)) return c <= 0xDE;
  if (internal::IsBasicCyrillic(c)) return c <= 0x42F;
  if (internal::IsVietnamese(c)) return (c & 1) == 0;
  return IsUpperSlow(c);
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (internal::IsLatin1Letter(c)) return c >= 0xDF;
  if (internal::IsBasicCyrillic(c)) return c >= 0x430;
  if (internal::IsVietnamese(c)) return (c & 1) == 1;
  return IsLowerSlow(c);
}
inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (internal::IsLatin1Letter(c) || internal::IsBasicCyrillic(c) ||
      internal::IsVietnamese(c)) {
    return true;
  }
  return IsLetterSlow(c);
}
inline bool IsDigit(char32_t c) {
  return c < 0x80 ? c >= '0' && c <= '9' : IsDigitSlow(c);
}
// Any Unicode white space, including NBSP.
inline bool IsSpace(char32_t c) {
  return c < 0x80 ? c == ' ' || (c >= 0x09 && c <= 0x0D) : IsSpaceSlow(c);
}
// Hyphen-minus and the dashes used in datelines and signatures.
bool IsDash(char32_t c);
// Closing quotes and brackets that may follow a sentence's final period.
bool IsClosingMark(char32_t c);

// Lowercases with the root locale (ASCII fast path).
std::string ToLower(std::string_view s);
// ToLower(s) without a copy when `s` is already lowercase, which most words
// are: returns `s` itself, else ToLower(s) stored in `*buffer`.
std::string_view ToLowerView(std::string_view s, std::string* buffer);
// Trims white space at both ends.
std::string_view Trim(std::string_view s);
// Trims, and turns every run of white space into one ASCII space.
std::string CollapseWhitespace(std::string_view s);
// Splits on ASCII spaces (as left by CollapseWhitespace); no empty words.
std::vector<std::string_view> SplitWords(std::string_view s);
// True when `s` ends a sentence: '.', '!', '?', '…' (after closing quotes).
bool EndsWithTerminalPunctuation(std::string_view s);
// True when every letter of `s` is uppercase and there are at least two.
bool IsAllCapsWord(std::string_view s);
// Case-insensitive equality after whitespace collapsing.
bool SameText(std::string_view a, std::string_view b);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_TEXT_UTIL_H_
