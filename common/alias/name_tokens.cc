#include "common/alias/name_tokens.h"

#include <memory>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "common/alias/chinese_name_key.h"
#include "common/alias/vietnamese_name_key.h"
#include "common/util/code_point_memo.h"
#include "unicode/normalizer2.h"
#include "unicode/translit.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace accord::alias {
namespace {

bool IsAsciiAlnum(UChar32 c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

bool IsMark(UChar32 c) {
  if (c < 0x80) return false;
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

// ASCII first: most of the text is, and ICU's property lookups are not
// free.
bool IsTokenChar(UChar32 c) {
  if (c < 0x80) return IsAsciiAlnum(c);
  return u_isalnum(c) || IsMark(c);
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error) out->append(buffer, static_cast<size_t>(length));
}

// Letters without a canonical decomposition that readers still see as a
// base letter with a mark (or a ligature).
bool AppendSpecialFold(UChar32 c, std::string* out) {
  switch (c) {
    case 0x0111:  // đ
    case 0x0110:  // Đ
      out->push_back('d');
      return true;
    case 0x00DF:  // ß
    case 0x1E9E:  // ẞ
      out->append("ss");
      return true;
    case 0x00F8:  // ø
    case 0x00D8:
      out->push_back('o');
      return true;
    case 0x00E6:  // æ
    case 0x00C6:
      out->append("ae");
      return true;
    case 0x0153:  // œ
    case 0x0152:
      out->append("oe");
      return true;
    case 0x0142:  // ł
    case 0x0141:
      out->push_back('l');
      return true;
    case 0x0131:  // dotless ı
      out->push_back('i');
      return true;
    default:
      return false;
  }
}

void AppendFoldWithIcu(UChar32 c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return;
  }
  if (AppendSpecialFold(c, out)) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposition;
  if (U_SUCCESS(status) && nfd->getDecomposition(c, decomposition)) {
    for (int32_t i = 0; i < decomposition.length();) {
      const UChar32 part = decomposition.char32At(i);
      i += U16_LENGTH(part);
      if (IsMark(part)) continue;
      const UChar32 folded = u_foldCase(part, U_FOLD_CASE_DEFAULT);
      if (!AppendSpecialFold(folded, out)) AppendUtf8(folded, out);
    }
    return;
  }
  if (IsMark(c)) return;
  const UChar32 folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  if (!AppendSpecialFold(folded, out)) AppendUtf8(folded, out);
}

// What TokenizeNames asks of a code point, as bits.
enum : uint8_t {
  kTokenChar = 1,  // a letter, digit or mark: part of a token
  kMark = 2,       // a combining mark: never starts a token
  kAlpha = 4,      // a letter (u_isalpha)
  kUpper = 8,      // uppercase or titlecase
};

uint8_t ClassWithIcu(UChar32 c) {
  uint8_t bits = 0;
  if (IsTokenChar(c)) bits |= kTokenChar;
  if (IsMark(c)) bits |= kMark;
  if (c < 0x80) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      bits |= kAlpha;
      if (c <= 'Z') bits |= kUpper;
    }
  } else if (u_isalpha(c)) {
    bits |= kAlpha;
    if (u_isupper(c) || u_istitle(c)) bits |= kUpper;
  }
  return bits;
}

// The fold for the alphabets below CodePointMemo::kLimit, and the class
// in a table of a byte per code point: ICU's property and normalization
// lookups were a fifth of the entity extractor's time on Russian and
// Vietnamese text, and the class is asked of every character.
const CodePointMemo& FoldMemo() {
  static const CodePointMemo* const kMemo = new CodePointMemo([](char32_t c) {
    std::string out;
    if (c < 0xD800 || c > 0xDFFF) {
      AppendFoldWithIcu(static_cast<UChar32>(c), &out);
    }
    return out;
  });
  return *kMemo;
}

const uint8_t* ClassTable() {
  static const uint8_t* const kTable = [] {
    auto* table = new uint8_t[CodePointMemo::kLimit];
    for (char32_t c = 0; c < CodePointMemo::kLimit; ++c) {
      table[c] = ClassWithIcu(static_cast<UChar32>(c));
    }
    return table;
  }();
  return kTable;
}

void AppendFold(UChar32 c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return;
  }
  if (!FoldMemo().Append(static_cast<char32_t>(c), out)) {
    AppendFoldWithIcu(c, out);
  }
}

// `table` is ClassTable().
uint8_t Class(const uint8_t* table, UChar32 c) {
  if (CodePointMemo::Covers(static_cast<char32_t>(c))) return table[c];
  return ClassWithIcu(c);
}

}  // namespace

namespace internal {
std::string FoldCodePoint(char32_t c) {
  std::string out;
  AppendFold(static_cast<UChar32>(c), &out);
  return out;
}
std::string FoldCodePointWithIcu(char32_t c) {
  std::string out;
  AppendFoldWithIcu(static_cast<UChar32>(c), &out);
  return out;
}
uint8_t CodePointClass(char32_t c) {
  return Class(ClassTable(), static_cast<UChar32>(c));
}
uint8_t CodePointClassWithIcu(char32_t c) {
  return ClassWithIcu(static_cast<UChar32>(c));
}
}  // namespace internal

void TokenizeNames(std::string_view text, std::vector<NameToken>* out) {
  const uint8_t* const classes = ClassTable();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  // About a token per six bytes of news text.
  out->reserve(out->size() + text.size() / 6 + 1);
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    uint8_t bits = Class(classes, c);
    if ((bits & (kTokenChar | kMark)) != kTokenChar) continue;
    NameToken& token = out->emplace_back();
    token.begin = static_cast<uint32_t>(start);
    int letters = 0;
    int upper = 0;
    bool first_upper = false;
    int32_t end = i;
    // Each code point is classified once: `bits` is the class of `d`.
    for (UChar32 d = c;;) {
      if ((bits & kAlpha) != 0) {
        const bool is_upper = (bits & kUpper) != 0;
        if (letters == 0) first_upper = is_upper;
        ++letters;
        if (is_upper) ++upper;
      }
      AppendFold(d, &token.fold);
      end = i;
      if (i >= length) break;
      int32_t next = i;
      UChar32 e;
      U8_NEXT(bytes, next, length, e);
      if (e < 0) break;
      bits = Class(classes, e);
      if ((bits & kTokenChar) == 0) break;
      i = next;
      d = e;
    }
    token.end = static_cast<uint32_t>(end);
    token.has_letter = letters > 0;
    if (letters > 0 && upper == letters) {
      token.token_case = TokenCase::kUpper;
    } else if (first_upper) {
      token.token_case = TokenCase::kCapitalized;
    }
    if (token.fold.empty()) out->pop_back();
  }
}

std::string AliasKey(std::string_view name) {
  std::vector<NameToken> tokens;
  TokenizeNames(name, &tokens);
  std::string key;
  for (const NameToken& token : tokens) {
    if (!key.empty()) key.push_back(' ');
    key += token.fold;
  }
  return key;
}

namespace {
// ICU's "Any-Latin; Latin-ASCII", one per thread (a transliterator keeps
// per-call state); null when ICU has none.
icu::Transliterator* ToLatin() {
  thread_local std::unique_ptr<icu::Transliterator> to_latin = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return to_latin.get();
}

// The code points the Latin fast path knows: Latin-1 Supplement, Latin
// Extended-A and -B, combining diacritics, Latin Extended Additional
// (Vietnamese) and general punctuation (’ “ ” – —).
bool InLatinRanges(UChar32 c) {
  return (c >= 0x80 && c < 0x250) || (c >= 0x300 && c < 0x370) ||
         (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2000 && c < 0x2070);
}
constexpr UChar32 kLatinRangesEnd = 0x2070;

// Whether ICU's transliteration `latin` of `c` leaves AliasKey what `c`
// gives it: a letter becomes ASCII letters or digits that fold as `c`
// does (é -> e, ß -> ss, Đ -> D), and a separator only ASCII separators
// (not nothing: a soft hyphen removed would join two tokens). A combining
// mark that folds to nothing agrees whatever ICU makes of it: Latin-ASCII
// drops it after a Latin letter and keeps it elsewhere, and AliasKey
// drops it in a token and never starts one with it.
bool TransliteratesAsItFolds(UChar32 c, std::string_view latin) {
  const uint8_t bits = ClassWithIcu(c);
  if ((bits & kMark) != 0) return internal::FoldCodePoint(c).empty();
  if (latin.empty()) return false;
  const bool token_char = (bits & kTokenChar) != 0;
  std::string lower;
  for (char l : latin) {
    if (static_cast<unsigned char>(l) >= 0x80 ||
        IsAsciiAlnum(l) != token_char) {
      return false;
    }
    lower.push_back(static_cast<char>(l >= 'A' && l <= 'Z' ? l + 32 : l));
  }
  return !token_char || lower == internal::FoldCodePoint(c);
}

// For each code point below kLatinRangesEnd, 1 when it is in the Latin
// ranges and TransliteratesAsItFolds. ICU transliterates them all at
// once, a line each (a call per code point cost what the fast path saves).
const std::vector<uint8_t>& LatinAgreement() {
  static const std::vector<uint8_t>* const kTable = [] {
    auto* table = new std::vector<uint8_t>(kLatinRangesEnd, 0);
    icu::Transliterator* to_latin = ToLatin();
    if (to_latin == nullptr) return table;
    std::vector<UChar32> asked;
    icu::UnicodeString text;
    for (UChar32 c = 0x80; c < kLatinRangesEnd; ++c) {
      if (!InLatinRanges(c)) continue;
      asked.push_back(c);
      text.append(c).append(static_cast<UChar32>('\n'));
    }
    to_latin->transliterate(text);
    std::string latin;
    text.toUTF8String(latin);
    std::vector<std::string_view> lines;
    for (size_t from = 0; from < latin.size();) {
      const size_t end = latin.find('\n', from);
      if (end == std::string::npos) break;
      lines.push_back(std::string_view(latin).substr(from, end - from));
      from = end + 1;
    }
    if (lines.size() != asked.size()) return table;  // no fast path
    for (size_t k = 0; k < asked.size(); ++k) {
      (*table)[asked[k]] = TransliteratesAsItFolds(asked[k], lines[k]) ? 1 : 0;
    }
    return table;
  }();
  return *kTable;
}

}  // namespace

namespace internal {
// Every code point of `name` is ASCII or one the LatinAgreement table
// holds: then Any-Latin leaves the name as it is (it has no other script)
// and Latin-ASCII changes nothing AliasKey does not.
bool LatinKeyIsAliasKey(std::string_view name) {
  const std::vector<uint8_t>& agreement = LatinAgreement();
  const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
  const int32_t length = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && c < 0x80) continue;
    if (c < 0 || c >= kLatinRangesEnd || agreement[c] == 0) return false;
  }
  return true;
}

std::string LatinAliasKeyWithIcu(std::string_view name) {
  icu::Transliterator* to_latin = ToLatin();
  if (to_latin == nullptr) return AliasKey(name);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  to_latin->transliterate(text);
  std::string latin;
  text.toUTF8String(latin);
  return AliasKey(latin);
}
}  // namespace internal

namespace {
// compute(name), remembered: the same names come back document after
// document (the people in the news), so each thread keeps its recent
// answers, one table per Tag, forgetting them all when it holds
// kRecentNames (a bound, not an order of use).
template <typename Tag>
std::string Remembered(std::string_view name,
                       std::string (*compute)(std::string_view)) {
  constexpr size_t kRecentNames = 1024;
  thread_local absl::flat_hash_map<std::string, std::string> recent;
  const absl::string_view key(name.data(), name.size());
  if (const auto it = recent.find(key); it != recent.end()) return it->second;
  std::string answer = compute(name);
  if (recent.size() >= kRecentNames) recent.clear();
  recent.emplace(key, answer);
  return answer;
}
}  // namespace

std::string LatinAliasKey(std::string_view name) {
  bool ascii = true;
  for (char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return AliasKey(name);
  // Names in Latin letters with diacritics ("Trần Đại Quang", "Jürgen"):
  // most of a gazetteer's load went to transliterating them to what
  // AliasKey gives anyway.
  if (internal::LatinKeyIsAliasKey(name)) return AliasKey(name);
  // Transliteration is most of what a name written in another script or
  // with diacritics costs.
  return Remembered<struct LatinAliasKeyTag>(name,
                                             internal::LatinAliasKeyWithIcu);
}

std::string PersonKey(std::string_view name) {
  // Each key costs a tokenization, a Vietnamese reading and a
  // transliteration.
  return Remembered<struct PersonKeyTag>(name, internal::PersonKeyUnremembered);
}

namespace internal {
std::string PersonKeyUnremembered(std::string_view name) {
  // Chinese first: "Ли Цян" also reads as a Vietnamese skeleton ("li
  // can"), while Vietnamese names almost never read as pinyin or
  // Palladius (nh, th, tr, ph, đ, ng- have no place there).
  if (std::optional<std::string> chinese = ChineseNameKey(name)) {
    return *std::move(chinese);
  }
  if (std::optional<std::string> vietnamese = VietnameseNameKey(name)) {
    return *std::move(vietnamese);
  }
  // Russian soft and hard signs transliterate to a prime, which cuts the
  // word in two ("Колокольцев" -> "kolokol cev"); Latin spellings leave
  // them out ("Kolokoltsev").
  std::string without_signs;
  for (size_t i = 0; i < name.size(); ++i) {
    const bool sign = i + 1 < name.size() &&
                      ((name[i] == '\xD1' &&
                        (name[i + 1] == '\x8C' || name[i + 1] == '\x8A')) ||
                       (name[i] == '\xD0' &&
                        (name[i + 1] == '\xAC' || name[i + 1] == '\xAA')));
    if (sign) {
      ++i;
      continue;
    }
    without_signs.push_back(name[i]);
  }
  const std::string latin = LatinAliasKey(without_signs);
  std::string key;
  key.reserve(latin.size());
  for (size_t i = 0; i < latin.size(); ++i) {
    const char c = latin[i];
    const char next = i + 1 < latin.size() ? latin[i + 1] : '\0';
    char out = c;
    if (c == 's' && next == 'c' && i + 2 < latin.size() &&
        latin[i + 2] == 'h') {
      out = 's';  // German "sch"
      i += 2;
    } else if ((c == 'k' || c == 'z' || c == 's') && next == 'h') {
      out = c == 'k' ? 'h' : 's';
      ++i;
      if (c == 's' && latin.compare(i + 1, 3, "tch") == 0) i += 3;
    } else if ((c == 'c' && next == 'h') ||
               (c == 't' && (next == 's' || next == 'z'))) {
      out = 'c';
      ++i;
    } else if ((c == 'i' || c == 'y' || c == 'j') &&
               (next == 'a' || next == 'u')) {
      continue;  // "ya", "iu": the vowel alone
    } else if (c == 'j' || c == 'y') {
      out = 'i';
    } else if (c == 'w') {
      out = 'v';
    }
    if (!key.empty() && key.back() == out && out != ' ') continue;
    key.push_back(out);
  }
  return key;
}
}  // namespace internal

}  // namespace accord::alias
