// Word boundaries without ICU's BreakIterator: the analyzer's fast path.
//
// FindFastWords() reproduces exactly the words that ICU's root word
// BreakIterator (UAX #29 as tailored by ICU) reports with a word status and
// that hold a letter or a digit, for text made of "simple" characters:
// ASCII, and below U+2100 the characters of classes ALetter (Latin incl.
// Vietnamese, Greek, Cyrillic, Armenian, Georgian, Arabic letters...),
// Numeric, ExtendNumLet, MidLetter, MidNum, MidNumLet, Format, WSegSpace,
// Other (if not a letter or digit), and Extend if a combining diacritical
// mark (U+0300-036F, U+1AB0-1AFF, U+1DC0-1DFF, U+20D0-20FF). Everything
// else (CJK, Thai and other Line_Break=Complex_Context scripts that ICU
// segments by dictionary, Hebrew, Katakana, Indic and
// Arabic combining marks, ZWJ and emoji sequences, fullwidth forms) makes it
// return false, and the caller uses ICU.
//
// For such text the rules are: letters, digits and connectors (ExtendNumLet:
// '_', U+202F) join; MidLetter (U+00B7) and MidNumLet ('.', '\'', U+2019)
// join two letters; MidNum (',', ';') and MidNumLet join two digits;
// Format and Extend characters belong to the character before them (WB4);
// everything else separates. ICU's tailoring adds '@' to the letters and
// removes ':' from MidLetter, and ICU 72 gives no word status to a word
// that ends in a connector followed by Extend or Format characters
// ("a_\u00AD"). fast_words_test.cc checks the equivalence
// against ICU on generated text.
#ifndef ACCORD_COMMON_ANALYSIS_INTERNAL_FAST_WORDS_H_
#define ACCORD_COMMON_ANALYSIS_INTERNAL_FAST_WORDS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace accord::analysis::internal {

// A word as UTF-8 byte offsets [begin, end) into the analyzed text.
struct WordSpan {
  uint32_t begin;
  uint32_t end;
};

// True when every byte of `text` is ASCII.
bool IsAscii(std::string_view text);

// Whether FindFastWords() handles `text`.
bool IsFastText(std::string_view text);

// Appends the words of `text` to `*out`, offset by `base`, and returns true;
// or returns false, `*out` unchanged, if `text` holds a character the fast
// path does not handle. REQUIRES: valid UTF-8 (ill-formed bytes: false).
bool FindFastWords(std::string_view text, uint32_t base,
                   std::vector<WordSpan>* out);

}  // namespace accord::analysis::internal

#endif  // ACCORD_COMMON_ANALYSIS_INTERNAL_FAST_WORDS_H_
