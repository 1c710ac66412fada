#include "common/temporal/text_fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "common/util/code_point_memo.h"

namespace accord::temporal {

char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(*pos);
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  *pos = static_cast<size_t>(i);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

void AppendUtf8(char32_t c, std::string* out) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH,
            static_cast<UChar32>(c), error);
  if (error) return;
  out->append(buffer, static_cast<size_t>(length));
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(c));
}

bool IsCombiningMark(char32_t c) {
  if (c < 0x300) return false;
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0xFEFF || c == 0x200B;
}

namespace {

bool IsAscii(std::string_view s) {
  for (char ch : s) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  return true;
}

// Folds one code point of lowercase text: decomposes it and drops the
// combining marks.
void AppendFoldedWithIcu(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
    return;
  }
  if (c == U'đ') {  // No canonical decomposition.
    out->push_back('d');
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_FAILURE(status) ||
      !nfd->getDecomposition(static_cast<UChar32>(c), decomposed)) {
    if (!IsCombiningMark(c)) AppendUtf8(c, out);
    return;
  }
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 part = decomposed.char32At(i);
    i += U16_LENGTH(part);
    if (!IsCombiningMark(static_cast<char32_t>(part))) {
      AppendUtf8(static_cast<char32_t>(part), out);
    }
  }
}

std::string Utf8Of(char32_t c) {
  std::string s;
  AppendUtf8(c, &s);
  return s;
}

// Root-locale lowercasing is context-free except for capital sigma
// (final form), and a lone surrogate is not a character: those code points
// are never memoized answers.
bool LowerIsContextFree(char32_t c) {
  return c != 0x03A3 && !(c >= 0xD800 && c <= 0xDFFF);
}

const CodePointMemo& LowerMemo() {
  static const CodePointMemo* const kMemo = new CodePointMemo(
      [](char32_t c) { return internal::LowerWithIcu(Utf8Of(c)); });
  return *kMemo;
}

const CodePointMemo& FoldMemo() {
  static const CodePointMemo* const kMemo = new CodePointMemo([](char32_t c) {
    std::string out;
    AppendFoldedWithIcu(c, &out);
    return out;
  });
  return *kMemo;
}

}  // namespace

namespace internal {

std::string LowerWithIcu(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string FoldLowercaseWithIcu(std::string_view lower) {
  std::string out;
  out.reserve(lower.size());
  size_t pos = 0;
  while (pos < lower.size()) {
    AppendFoldedWithIcu(DecodeUtf8(lower, &pos), &out);
  }
  return out;
}

}  // namespace internal

void AppendLower(std::string_view s, std::string* out) {
  if (IsAscii(s)) {
    for (const char ch : s) {
      out->push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a')
                                            : ch);
    }
    return;
  }
  const CodePointMemo& memo = LowerMemo();
  const size_t start = out->size();
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t c = DecodeUtf8(s, &pos);
    // Invalid UTF-8 decodes as U+FFFD, beyond the memo: ICU decides.
    if (!CodePointMemo::Covers(c) || !LowerIsContextFree(c)) {
      out->resize(start);
      out->append(internal::LowerWithIcu(s));
      return;
    }
    memo.Append(c, out);
  }
}

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendLower(s, &out);
  return out;
}

std::string Fold(std::string_view s) { return FoldLowercase(Lower(s)); }

void AppendFoldLowercase(std::string_view lower, std::string* out) {
  if (IsAscii(lower)) {
    out->append(lower);
    return;
  }
  const CodePointMemo& memo = FoldMemo();
  size_t pos = 0;
  while (pos < lower.size()) {
    const char32_t c = DecodeUtf8(lower, &pos);
    if (!memo.Append(c, out)) AppendFoldedWithIcu(c, out);
  }
}

std::string FoldLowercase(std::string_view lower) {
  std::string out;
  out.reserve(lower.size());
  AppendFoldLowercase(lower, &out);
  return out;
}

std::string NameKey(std::string_view s) {
  const std::string folded = Fold(s);
  std::string out;
  bool gap = false;
  size_t pos = 0;
  while (pos < folded.size()) {
    const size_t start = pos;
    const char32_t c = DecodeUtf8(folded, &pos);
    if (IsLetter(c) || (c >= '0' && c <= '9')) {
      if (gap && !out.empty()) out.push_back(' ');
      gap = false;
      out.append(folded, start, pos - start);
    } else {
      gap = true;
    }
  }
  return out;
}

}  // namespace accord::temporal
