// The date grammars' tokens: one pass over a text turns it into words,
// numbers and punctuation with their UTF-8 byte spans, so that every
// grammar matches token patterns and never rescans bytes.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_TOKENS_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::extract::dates {

struct Token {
  enum class Kind { kWord, kNumber, kPunct };
  Kind kind = Kind::kPunct;
  // [begin, end) in bytes of the text.
  uint32_t begin = 0;
  uint32_t end = 0;
  // Words: lowercase, accents kept ("décembre"). Numbers: the digits.
  // Punctuation: the character, with every dash written "-" and every
  // apostrophe "'".
  std::string lower;
  // Words: lowercase without accents (temporal::Fold): "decembre"; empty
  // when that is `lower` (an ASCII word). Read it through fold().
  std::string folded;
  // Numbers: the value (capped at 9 digits) and the digit count.
  int value = 0;
  int digits = 0;
  // White space between the previous token and this one.
  bool space_before = false;
  // A line break between the previous token and this one: no pattern
  // spans it.
  bool break_before = false;
  // Words: the first letter is uppercase.
  bool capitalized = false;

  // Words: lowercase without accents.
  const std::string& fold() const { return folded.empty() ? lower : folded; }
  bool is_word() const { return kind == Kind::kWord; }
  bool is_number() const { return kind == Kind::kNumber; }
  bool is_punct() const { return kind == Kind::kPunct; }
};

// Words are runs of letters and combining marks; numbers runs of ASCII
// digits; every other character but white space is a punctuation token.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace accord::extract::dates

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_TOKENS_H_
