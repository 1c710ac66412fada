// Case and accent folding for matching calendar words, shared by the month
// and weekday tables (calendar_names.h) and the date grammars that look
// words up in them.
//
// Folding is lowercase (ICU root locale) followed by removing combining
// marks after canonical decomposition, so "Décembre", "DECEMBRE" and
// "décembre" all fold to "decembre", "Jänner" to "janner", "трёх" to "трех"
// and "Thứ Năm" to "thu nam". "đ" folds to "d" (it has no decomposition).
// Inputs are expected to be valid UTF-8; invalid bytes fold to U+FFFD.
// All functions are stateless and thread-safe.
#ifndef ACCORD_COMMON_TEMPORAL_TEXT_FOLD_H_
#define ACCORD_COMMON_TEMPORAL_TEXT_FOLD_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace accord::temporal {

// Decodes the code point at byte `*pos` and advances `*pos` past it;
// invalid UTF-8 decodes as U+FFFD. REQUIRES: *pos < s.size().
char32_t DecodeUtf8(std::string_view s, size_t* pos);
// Appends `c` to `out` as UTF-8.
void AppendUtf8(char32_t c, std::string* out);

// ICU character classes: letters (u_isalpha), combining marks (general
// category M*), white space (u_isUWhiteSpace, plus U+FEFF and U+200B).
bool IsLetter(char32_t c);
bool IsCombiningMark(char32_t c);
bool IsSpace(char32_t c);

// Lowercase in the root locale; accents kept ("Décembre" -> "décembre").
std::string Lower(std::string_view s);
// Lowercase without accents: the key every calendar-word lookup uses.
std::string Fold(std::string_view s);
// Fold(s) for an `s` that Lower() already returned: removes the accents
// only (a copy of `lower` when it is ASCII).
std::string FoldLowercase(std::string_view lower);
// Lower(s) and FoldLowercase(lower) appended to `*out`, whose earlier
// contents stay: a caller that reuses one buffer allocates nothing per word.
void AppendLower(std::string_view s, std::string* out);
void AppendFoldLowercase(std::string_view lower, std::string* out);
// Fold(s) with every run of characters that are neither letters nor digits
// turned into one space and the ends trimmed: "janv." -> "janv",
// "segunda-feira" -> "segunda feira", "Thg 11" -> "thg 11".
std::string NameKey(std::string_view s);

namespace internal {
// The ICU paths that Lower() and FoldLowercase() read from a per-code-point
// memo (common/util/code_point_memo.h) for most alphabets; tests check the
// two agree.
std::string LowerWithIcu(std::string_view s);
std::string FoldLowercaseWithIcu(std::string_view lower);
}  // namespace internal

}  // namespace accord::temporal

#endif  // ACCORD_COMMON_TEMPORAL_TEXT_FOLD_H_
