#include "common/analysis/internal/folding.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <memory>

#include "common/analysis/internal/fast_words.h"

namespace accord::analysis::internal {
namespace {

bool IsDiacritic(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// Letters that are not decomposable but read as a base letter.
const char* ExplicitFold(UChar32 c) {
  switch (c) {
    case 0x0110:
    case 0x0111:
      return "d";  // Đ đ (Vietnamese)
    case 0x00D0:
    case 0x00F0:
      return "d";  // Ð ð
    case 0x00D8:
    case 0x00F8:
      return "o";  // Ø ø
    case 0x0141:
    case 0x0142:
      return "l";  // Ł ł
    case 0x00C6:
    case 0x00E6:
      return "ae";  // Æ æ
    case 0x0152:
    case 0x0153:
      return "oe";  // Œ œ
    case 0x0131:
      return "i";  // ı (dotless i)
    case 0x00DE:
    case 0x00FE:
      return "th";  // Þ þ
    case 0x0126:
    case 0x0127:
      return "h";  // Ħ ħ
    case 0x0166:
    case 0x0167:
      return "t";  // Ŧ ŧ
    default:
      return nullptr;
  }
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out->append(buffer, length);
}

// Folded form of code points below kTableLimit, computed once: the scripts
// with diacritics (Latin incl. Vietnamese, Greek, Cyrillic) all live there.
constexpr UChar32 kTableLimit = 0x2000;

struct FoldEntry {
  uint8_t length;  // bytes of `bytes` used
  char bytes[7];
};

std::string ComputeFold(UChar32 c, const icu::Normalizer2* nfd) {
  std::string out;
  if (const char* folded = ExplicitFold(c)) return folded;
  if (IsDiacritic(c)) return out;
  icu::UnicodeString decomposition;
  if (nfd == nullptr || !nfd->getDecomposition(c, decomposition)) {
    AppendUtf8(c, &out);
    return out;
  }
  for (int32_t i = 0; i < decomposition.length();) {
    UChar32 part = decomposition.char32At(i);
    i += U16_LENGTH(part);
    if (IsDiacritic(part)) continue;
    if (const char* folded = ExplicitFold(part)) {
      out += folded;
    } else {
      AppendUtf8(part, &out);
    }
  }
  return out;
}

const std::array<FoldEntry, kTableLimit>& FoldTable() {
  static const auto* table = [] {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
    if (U_FAILURE(error)) nfd = nullptr;
    auto* t = new std::array<FoldEntry, kTableLimit>();
    for (UChar32 c = 0; c < kTableLimit; ++c) {
      std::string folded =
          c < 0x80 ? std::string(1, static_cast<char>(c)) : ComputeFold(c, nfd);
      if (folded.size() > sizeof(FoldEntry::bytes)) {  // never, but be safe
        folded.clear();
        AppendUtf8(c, &folded);
      }
      (*t)[c].length = static_cast<uint8_t>(folded.size());
      std::memcpy((*t)[c].bytes, folded.data(), folded.size());
    }
    return t;
  }();
  return *table;
}

const icu::Normalizer2* NfkcCasefold() {
  static const icu::Normalizer2* normalizer = [] {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* n =
        icu::Normalizer2::getNFKCCasefoldInstance(error);
    return U_SUCCESS(error) ? n : nullptr;
  }();
  return normalizer;
}

// Elided forms, without the apostrophe, shortest first within a letter.
constexpr std::string_view kElisions[] = {
    // French
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu",
    "quoiqu",
    // Italian (l', d', c' are above)
    "all", "dall", "dell", "nell", "sull", "coll", "quell", "quest", "un",
    "sant"};

}  // namespace

void CaseFold(std::string_view word, std::string* out) {
  out->clear();
  if (IsAscii(word)) {
    out->resize(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
      char c = word[i];
      (*out)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return;
  }
  const icu::Normalizer2* normalizer = NfkcCasefold();
  if (normalizer == nullptr) {
    out->assign(word);
    return;
  }
  UErrorCode error = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(out, static_cast<int32_t>(word.size()));
  normalizer->normalizeUTF8(
      0, icu::StringPiece(word.data(), static_cast<int32_t>(word.size())), sink,
      nullptr, error);
  if (U_FAILURE(error)) {
    out->assign(word);
    return;
  }
  // U+2019 RIGHT SINGLE QUOTATION MARK -> '
  for (size_t at = out->find("\xE2\x80\x99"); at != std::string::npos;
       at = out->find("\xE2\x80\x99", at + 1)) {
    out->replace(at, 3, "'");
  }
}

size_t ElidedPrefixLength(std::string_view folded) {
  const size_t quote = folded.find('\'');
  if (quote == std::string_view::npos || quote == 0 || quote > 6 ||
      quote + 1 >= folded.size()) {
    return 0;
  }
  const unsigned char next = folded[quote + 1];
  // A letter must follow: ASCII letter or any non-ASCII lead byte.
  if (!((next >= 'a' && next <= 'z') || next >= 0xC0)) return 0;
  const std::string_view prefix = folded.substr(0, quote);
  for (std::string_view elision : kElisions) {
    if (prefix == elision) return quote + 1;
  }
  return 0;
}

void FoldDiacritics(std::string_view word, std::string* out) {
  out->clear();
  const auto& table = FoldTable();
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      out->push_back(static_cast<char>(p[i++]));
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {  // ill-formed: keep the bytes, the contract is UTF-8 in
      out->append(word.substr(start, i - start));
    } else if (c < kTableLimit) {
      out->append(table[c].bytes, table[c].length);
    } else if (!IsDiacritic(c)) {
      out->append(word.substr(start, i - start));
    }
  }
}

}  // namespace accord::analysis::internal
