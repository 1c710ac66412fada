// Name tokens: the one way Accord cuts and folds text for name matching,
// shared by the entity extractor (ingest-service/extract) and by lookups
// of entities by alias (query-service).
//
// A token is a maximal run of letters, digits and combining marks; every
// other character (spaces, punctuation, hyphens, apostrophes) separates
// tokens, so "U.N." is "u n", "Russia's" is "russia s" and "Asia-Pacific"
// is "asia pacific". A token's fold is its lowercase form without
// diacritics: NFD, combining marks removed, case folded, and the letters
// that do not decompose mapped to ASCII (đ -> d, ß -> ss, ø -> o, æ -> ae,
// œ -> oe, ł -> l, ı -> i). "Trần Đại Quang", "Trân Dai Quang" and "TRAN
// DAI QUANG" fold alike. Cyrillic stays Cyrillic (ё -> е, й -> и).
//
// Changing the fold changes every stored alias key (Store's
// entity_aliases family): rebuild the store.
//
// Thread-safe; no state.
#ifndef ACCORD_COMMON_ALIAS_NAME_TOKENS_H_
#define ACCORD_COMMON_ALIAS_NAME_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::alias {

// How a token is written, for the case rules of gazetteer names.
enum class TokenCase : uint8_t {
  kLower,        // "président", "2019"
  kCapitalized,  // "Putin", "McDonald", "Việt"
  kUpper,        // "UN", "ONU", "ASEAN" (every letter uppercase, 2+ letters)
};

struct NameToken {
  // [begin, end): UTF-8 bytes of the token in the text.
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string fold;
  TokenCase token_case = TokenCase::kLower;
  // True when the token holds a letter (not only digits).
  bool has_letter = false;
};

// Cuts `text` into tokens, appending them to *out.
void TokenizeNames(std::string_view text, std::vector<NameToken>* out);

// True when `fold` (a NameToken's fold) begins with a Cyrillic letter.
inline bool IsCyrillicFold(std::string_view fold) {
  // U+0400-U+04FF lead with 0xD0-0xD3 in UTF-8.
  return !fold.empty() && static_cast<unsigned char>(fold[0]) >= 0xD0 &&
         static_cast<unsigned char>(fold[0]) <= 0xD3;
}

// The fold of every token of `name`, joined by single spaces: the key
// under which an alias is stored and looked up. "" when `name` has no
// token.
std::string AliasKey(std::string_view name);

// AliasKey of `name` written in Latin letters first (ICU "Any-Latin;
// Latin-ASCII"): "Путин" -> "putin", "Владимир Путин" -> "vladimir putin".
// Used to merge names across scripts; equal to AliasKey for Latin names.
std::string LatinAliasKey(std::string_view name);

// The key that merges one person's name across languages and scripts:
// LatinAliasKey with the spellings that transliteration systems disagree on
// reduced to one ("Nikolai" / "Nikolaj" / "Николай", "Patrushev" /
// "Патрушев" = "patrusev", "Lyukmanov" / "Liukmanov"): kh -> h, zh, sh,
// shch, sch -> s, ch, ts, tz -> c, j, y -> i, w -> v, ia/ya -> a, iu/yu -> u,
// doubled letters once; Russian soft and hard signs left out
// ("Колокольцев" = "Kolokoltsev"); a name that reads as Chinese is
// ChineseNameKey's Palladius writing instead ("Ван Лэй" = "Wang Lei"),
// one that reads as Vietnamese VietnameseNameKey's skeleton ("Нгуен Ван
// Лонг" = "Nguyen Van Long"). Only for names of people; lossy by
// design. Changing it changes the ids of unknown people
// (EntityExtractor::UnknownPersonId).
std::string PersonKey(std::string_view name);

namespace internal {
// TokenizeNames reads a code point's fold from a memo
// (common/util/code_point_memo.h) and its character class from a table,
// both below CodePointMemo::kLimit; tests check them against the ICU path
// for every code point.
std::string FoldCodePoint(char32_t c);
std::string FoldCodePointWithIcu(char32_t c);
uint8_t CodePointClass(char32_t c);
uint8_t CodePointClassWithIcu(char32_t c);
// PersonKey remembers its recent answers per thread; this one always
// computes it, for tests to check the remembered answers against.
std::string PersonKeyUnremembered(std::string_view name);
// LatinAliasKey remembers its recent answers per thread; this one always
// asks ICU, for tests to check the remembered answers against.
std::string LatinAliasKeyWithIcu(std::string_view name);
// True when LatinAliasKey(name) is AliasKey(name) without asking ICU:
// `name` is in Latin letters whose transliteration AliasKey's fold already
// does (a table ICU fills once per process).
bool LatinKeyIsAliasKey(std::string_view name);
}  // namespace internal

}  // namespace accord::alias

#endif  // ACCORD_COMMON_ALIAS_NAME_TOKENS_H_
