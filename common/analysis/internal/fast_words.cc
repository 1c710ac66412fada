#include "common/analysis/internal/fast_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>

namespace accord::analysis::internal {
namespace {

// The Word_Break classes that matter here.
enum Class : uint8_t {
  kOther = 0,
  kLetter,     // ALetter
  kDigit,      // Numeric
  kExtendNum,  // ExtendNumLet
  kMidLetter,  // MidLetter: joins letters only
  kMidNum,     // MidNum: joins digits only
  kMidBoth,    // MidNumLet, Single_Quote: joins letters or digits
  kAttach,     // Extend, Format: belongs to the character before (WB4)
  kUnsupported,
};

struct AsciiInfo {
  uint8_t word_class;
  bool alnum;
};

constexpr std::array<AsciiInfo, 128> MakeAsciiTable() {
  std::array<AsciiInfo, 128> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = {kLetter, true};
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = {kLetter, true};
  for (int c = '0'; c <= '9'; ++c) table[c] = {kDigit, true};
  table['@'] = {kLetter, false};  // ICU: $ALetter = [\p{WB=ALetter} @]
  table['_'] = {kExtendNum, false};
  table['.'] = {kMidBoth, false};
  table['\''] = {kMidBoth, false};
  table[','] = {kMidNum, false};
  table[';'] = {kMidNum, false};
  // ':' is MidLetter in UAX #29, but ICU's root rules remove it.
  return table;
}

constexpr std::array<AsciiInfo, 128> kAscii = MakeAsciiTable();

bool IsDiacriticMark(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF);
}

constexpr UChar32 kTableLimit = 0x2100;

// Class of a code point below kTableLimit, from ICU's properties.
uint8_t ComputeClass(UChar32 c, bool* alnum) {
  *alnum = false;
  // Thai, Lao, Khmer, Myanmar, Tai scripts: ICU segments them by dictionary.
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) {
    return kUnsupported;
  }
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      *alnum = u_isalnum(c);
      return kLetter;
    case U_WB_NUMERIC:
      *alnum = u_isalnum(c);
      return kDigit;
    case U_WB_EXTENDNUMLET:
      return kExtendNum;
    case U_WB_MIDLETTER:
      return kMidLetter;
    case U_WB_MIDNUM:
      return kMidNum;
    case U_WB_MIDNUMLET:
      return kMidBoth;
    case U_WB_FORMAT:
      return kAttach;
    case U_WB_EXTEND:
      return IsDiacriticMark(c) ? kAttach : kUnsupported;
    case U_WB_WSEGSPACE:
      return kOther;
    case U_WB_OTHER:
      // Letters of class Other (Han, Hiragana) need dictionaries.
      return u_isalnum(c) ? kUnsupported : kOther;
    default:  // Hebrew_Letter, Katakana, ZWJ, Regional_Indicator, newlines
      return kUnsupported;
  }
}

// Class (low 7 bits) and alnum (high bit) of every code point below
// kTableLimit, computed once: three ICU property lookups per character
// would cost more than ICU's own break iterator.
const std::array<uint8_t, kTableLimit>& ClassTable() {
  static const auto* table = [] {
    auto* t = new std::array<uint8_t, kTableLimit>();
    for (UChar32 c = 0; c < kTableLimit; ++c) {
      bool alnum;
      uint8_t word_class = ComputeClass(c, &alnum);
      if (c < 0x80) {
        word_class = kAscii[c].word_class;
        alnum = kAscii[c].alnum;
      }
      (*t)[c] = static_cast<uint8_t>(word_class | (alnum ? 0x80 : 0));
    }
    return t;
  }();
  return *table;
}

// Class of a non-ASCII code point; sets *alnum.
inline uint8_t ClassOf(UChar32 c, bool* alnum) {
  if (c < 0 || c >= kTableLimit) {
    *alnum = false;
    return kUnsupported;
  }
  const uint8_t entry = ClassTable()[c];
  *alnum = (entry & 0x80) != 0;
  return entry & 0x7f;
}

// One "effective" character (UAX #29 WB4): a code point and the Extend and
// Format characters after it.
struct Char {
  uint8_t word_class;
  bool alnum;
  bool attached;  // has Extend or Format characters after it
  size_t end;     // byte offset after it
};

// The effective character at byte `at` (< text.size()).
Char CharAt(std::string_view text, size_t at) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = static_cast<int32_t>(at);
  Char result;
  result.attached = false;
  if (p[i] < 0x80) {
    result.word_class = kAscii[p[i]].word_class;
    result.alnum = kAscii[p[i]].alnum;
    ++i;
  } else {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    result.word_class = ClassOf(c, &result.alnum);
    // At the start of a chunk Extend and Format stand alone (WB4 excepts
    // sot); after whitespace they attach to it: not a word either way.
    if (result.word_class == kAttach) result.word_class = kOther;
  }
  while (i < n && p[i] >= 0x80) {
    int32_t next = i;
    UChar32 c;
    U8_NEXT(p, next, n, c);
    bool alnum;
    const uint8_t attached = ClassOf(c, &alnum);
    if (attached == kUnsupported) {
      result.word_class = kUnsupported;
      break;
    }
    if (attached != kAttach) break;
    result.attached = true;
    i = next;
  }
  result.end = static_cast<size_t>(i);
  return result;
}

inline bool IsCore(uint8_t c) {
  return c == kLetter || c == kDigit || c == kExtendNum;
}

// Whether `mid` between `before` and `after` keeps a word together
// (WB6/7: letters; WB11/12: digits).
inline bool Joins(uint8_t before, uint8_t mid, uint8_t after) {
  if (before != after) return false;
  if (before == kLetter) return mid == kMidLetter || mid == kMidBoth;
  if (before == kDigit) return mid == kMidNum || mid == kMidBoth;
  return false;
}

// FindFastWords() for ASCII text: the same rules on bytes, several times
// faster than going through CharAt().
void FindAsciiWords(std::string_view text, uint32_t base,
                    std::vector<WordSpan>* out) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!IsCore(kAscii[static_cast<unsigned char>(text[i])].word_class)) {
      ++i;
      continue;
    }
    const size_t start = i;
    bool alnum = false;
    uint8_t previous = kOther;
    while (i < n) {
      const AsciiInfo& c = kAscii[static_cast<unsigned char>(text[i])];
      if (IsCore(c.word_class)) {
        alnum |= c.alnum;
        previous = c.word_class;
        ++i;
        continue;
      }
      if (i + 1 < n) {
        const AsciiInfo& after =
            kAscii[static_cast<unsigned char>(text[i + 1])];
        if (Joins(previous, c.word_class, after.word_class)) {
          alnum |= after.alnum;
          i += 2;
          continue;
        }
      }
      break;
    }
    if (alnum) {
      out->push_back({static_cast<uint32_t>(base + start),
                      static_cast<uint32_t>(base + i)});
    }
  }
}

}  // namespace

bool IsAscii(std::string_view text) {
  const char* p = text.data();
  size_t n = text.size();
  size_t i = 0;
  // Eight bytes at a time: most text is mostly ASCII.
  for (; i + 8 <= n; i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, p + i, 8);
    if (chunk & 0x8080808080808080ULL) return false;
  }
  for (; i < n; ++i) {
    if (static_cast<unsigned char>(p[i]) & 0x80) return false;
  }
  return true;
}

bool IsFastText(std::string_view text) {
  if (IsAscii(text)) return true;
  for (size_t i = 0; i < text.size();) {
    Char c = CharAt(text, i);
    if (c.word_class == kUnsupported) return false;
    i = c.end;
  }
  return true;
}

bool FindFastWords(std::string_view text, uint32_t base,
                   std::vector<WordSpan>* out) {
  if (IsAscii(text)) {
    FindAsciiWords(text, base, out);
    return true;
  }
  const size_t first_new = out->size();
  const size_t n = text.size();
  size_t i = 0;
  Char c = {kOther, false, false, 0};
  if (n > 0) c = CharAt(text, 0);
  while (i < n) {
    if (c.word_class == kUnsupported) {
      out->resize(first_new);
      return false;
    }
    if (!IsCore(c.word_class)) {
      i = c.end;
      if (i < n) c = CharAt(text, i);
      continue;
    }
    const size_t start = i;
    bool alnum = false;
    uint8_t previous = kOther;
    bool previous_attached = false;
    while (true) {
      // `c` is a core character of the word: take it.
      alnum |= c.alnum;
      previous = c.word_class;
      previous_attached = c.attached;
      i = c.end;
      if (i == n) break;
      c = CharAt(text, i);
      if (IsCore(c.word_class)) continue;
      if (c.word_class == kMidLetter || c.word_class == kMidNum ||
          c.word_class == kMidBoth) {
        if (c.end < n) {
          Char after = CharAt(text, c.end);
          if (Joins(previous, c.word_class, after.word_class)) {
            c = after;  // the middle character is part of the word
            continue;
          }
        }
      }
      break;
    }
    // ICU 72 quirk: a word that ends in a connector with Extend or Format
    // characters after it ("a_\u00AD") gets no word status.
    if (alnum && !(previous == kExtendNum && previous_attached)) {
      out->push_back({static_cast<uint32_t>(base + start),
                      static_cast<uint32_t>(base + i)});
    }
  }
  return true;
}

}  // namespace accord::analysis::internal
