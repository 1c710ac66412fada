#include "ingest-service/normalize/text_util.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace accord::normalize {

char32_t NextCodePointSlow(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(*pos);
  const int32_t length = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_NEXT(p, i, length, c);
  *pos = static_cast<size_t>(i);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

char32_t PrevCodePoint(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(*pos);
  UChar32 c;
  U8_PREV(p, 0, i, c);
  *pos = static_cast<size_t>(i);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t pos = 0;
  return NextCodePoint(s, &pos);
}

char32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t pos = s.size();
  return PrevCodePoint(s, &pos);
}

size_t CountCodePoints(std::string_view s) {
  // In valid UTF-8 every code point has exactly one non-continuation byte.
  size_t count = 0;
  for (char c : s) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

bool IsUpperSlow(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) ||
         u_istitle(static_cast<UChar32>(c));
}
bool IsLowerSlow(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool IsLetterSlow(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool IsDigitSlow(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool IsSpaceSlow(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0xFEFF || c == 0x200B;
}
bool IsDash(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 ||
         c == 0x2014 || c == 0x2015 || c == 0x2212;
}
bool IsClosingMark(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 ||
         c == 0x201D || c == 0x00BB || c == 0x203A;
}

std::string ToLower(std::string_view s) {
  bool ascii = true;
  for (char ch : s) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    std::string out(s);
    for (char& ch : out) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

namespace {

// True when ToLower(s) == s, decided without lowercasing.
bool IsLowercase(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    const unsigned char byte = static_cast<unsigned char>(s[pos]);
    if (byte < 0x80) {
      if (byte >= 'A' && byte <= 'Z') return false;
      ++pos;
      continue;
    }
    const char32_t c = NextCodePointSlow(s, &pos);
    // U+FFFD may stand for invalid bytes, which ToLower replaces.
    if (c == 0xFFFD || u_hasBinaryProperty(static_cast<UChar32>(c),
                                           UCHAR_CHANGES_WHEN_LOWERCASED)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view ToLowerView(std::string_view s, std::string* buffer) {
  if (IsLowercase(s)) return s;
  *buffer = ToLower(s);
  return *buffer;
}

std::string_view Trim(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t next = begin;
    if (!IsSpace(NextCodePoint(s, &next))) break;
    begin = next;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t prev = end;
    if (!IsSpace(PrevCodePoint(s, &prev))) break;
    end = prev;
  }
  return s.substr(begin, end - begin);
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t pos = 0; pos < s.size();) {
    const unsigned char byte = static_cast<unsigned char>(s[pos]);
    if (byte > 0x20 && byte < 0x7F) {  // A run of printable ASCII at once.
      if (pending_space) out.push_back(' ');
      pending_space = false;
      size_t end = pos + 1;
      while (end < s.size() && static_cast<unsigned char>(s[end]) > 0x20 &&
             static_cast<unsigned char>(s[end]) < 0x7F) {
        ++end;
      }
      out.append(s.data() + pos, end - pos);
      pos = end;
      continue;
    }
    const size_t start = pos;
    const char32_t c = NextCodePoint(s, &pos);
    // Control characters other than white space carry no text; dropping
    // them keeps later passes from treating them as word characters.
    if (IsSpace(c) || (c < 0x20) || c == 0x7F) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(start, pos - start));
  }
  return out;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) words.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool EndsWithTerminalPunctuation(std::string_view s) {
  s = Trim(s);
  size_t pos = s.size();
  while (pos > 0) {
    const char32_t c = PrevCodePoint(s, &pos);
    if (IsClosingMark(c)) continue;
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002;
  }
  return false;
}

bool IsAllCapsWord(std::string_view s) {
  int letters = 0;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = NextCodePoint(s, &pos);
    if (!IsLetter(c)) return false;
    if (!IsUpper(c)) return false;
    ++letters;
  }
  return letters >= 2;
}

bool SameText(std::string_view a, std::string_view b) {
  return ToLower(CollapseWhitespace(a)) == ToLower(CollapseWhitespace(b));
}

}  // namespace accord::normalize
