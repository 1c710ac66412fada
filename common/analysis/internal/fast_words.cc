#include "common/analysis/internal/ascii_words.h"

#include <array>
#include <cstring>

namespace accord::analysis::internal {
namespace {

// UAX #29 Word_Break classes of ASCII characters, as far as they matter.
enum Class : uint8_t {
  kOther = 0,
  kLetter,     // ALetter: A-Z a-z, and '@' in ICU's tailoring
  kDigit,      // Numeric: 0-9
  kExtendNum,  // ExtendNumLet: '_'
  kMidLetter,  // MidNumLet '.' and Single_Quote '\'' (join letters, digits)
  kMidNum,     // MidNum ',' ';' (join digits only)
};

constexpr std::array<uint8_t, 128> MakeClassTable() {
  std::array<uint8_t, 128> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigit;
  table['@'] = kLetter;  // ICU: "$ALetter = [\p{Word_Break = ALetter} @]"
  table['_'] = kExtendNum;
  table['.'] = kMidLetter;
  table['\''] = kMidLetter;
  table[','] = kMidNum;
  table[';'] = kMidNum;
  return table;
}

constexpr std::array<uint8_t, 128> kClass = MakeClassTable();

inline uint8_t ClassOf(char c) {
  return kClass[static_cast<unsigned char>(c) & 0x7f];
}

inline bool IsCore(uint8_t c) {
  return c == kLetter || c == kDigit || c == kExtendNum;
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

void FindAsciiWords(std::string_view text, uint32_t base,
                    std::vector<WordSpan>* out) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!IsCore(ClassOf(text[i]))) {
      ++i;
      continue;
    }
    const size_t start = i;
    bool alnum = false;
    uint8_t prev = kOther;
    while (i < n) {
      const uint8_t c = ClassOf(text[i]);
      if (IsCore(c)) {
        alnum |= c == kDigit || (c == kLetter && text[i] != '@');
        prev = c;
        ++i;
        continue;
      }
      // A middle character joins only between two letters or two digits
      // (WB6/7, WB11/12); after '_' it never does.
      if ((c == kMidLetter || c == kMidNum) && i + 1 < n &&
          (prev == kLetter || prev == kDigit) && ClassOf(text[i + 1]) == prev &&
          (c == kMidLetter || prev == kDigit)) {
        alnum |= text[i + 1] != '@';
        i += 2;
        continue;
      }
      break;
    }
    if (alnum) {
      out->push_back({static_cast<uint32_t>(base + start),
                      static_cast<uint32_t>(base + i)});
    }
  }
}

}  // namespace accord::analysis::internal
