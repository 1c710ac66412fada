// Word boundaries in pure ASCII text without ICU: the analyzer's fast path.
//
// FindAsciiWords() reproduces, for ASCII input, exactly the word tokens that
// ICU's root word BreakIterator (Unicode UAX #29 as tailored by ICU) reports
// with a word status and that contain a letter or a digit. For ASCII the
// rules reduce to: letters ('@' counts as one), digits and '_' join; '.' and
// '\'' join two letters ("U.S", "don't") or two digits ("3.5"); ',' and ';'
// join two digits
// ("1,000"); everything else (including ':' and '-') separates. A word
// must hold a letter or digit: "@" or "__" alone is not one.
// ascii_words_test.cc checks the equivalence against ICU on generated text.
#ifndef ACCORD_COMMON_ANALYSIS_INTERNAL_ASCII_WORDS_H_
#define ACCORD_COMMON_ANALYSIS_INTERNAL_ASCII_WORDS_H_

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

// Appends the words of `text` to `*out`, offset by `base`.
// REQUIRES: IsAscii(text).
void FindAsciiWords(std::string_view text, uint32_t base,
                    std::vector<WordSpan>* out);

}  // namespace accord::analysis::internal

#endif  // ACCORD_COMMON_ANALYSIS_INTERNAL_ASCII_WORDS_H_
