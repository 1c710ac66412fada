// The date grammars' tokens: one pass over a text turns it into words,
// numbers and punctuation with their UTF-8 byte spans, so that every
// grammar matches token patterns and never rescans bytes.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_TOKENS_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_TOKENS_H_

#include <cstdint>
#include <deque>
#include <memory>
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
  // apostrophe "'". A view into the text when that is what the text says
  // (most words of a news text are lowercase already), else into
  // Tokens::forms.
  std::string_view lower;
  // Words: lowercase without accents (temporal::Fold): "decembre"; empty
  // when that is `lower`. Read it through fold().
  std::string_view folded;
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
  std::string_view fold() const { return folded.empty() ? lower : folded; }
  bool is_word() const { return kind == Kind::kWord; }
  bool is_number() const { return kind == Kind::kNumber; }
  bool is_punct() const { return kind == Kind::kPunct; }
};

// The tokens of a text. Their views point into the text, which must
// outlive them, and into `forms` and `ascii_lower`: the lowercase and
// folded forms that the text does not hold as such. Movable (a deque keeps
// its strings in place, and the buffers stay where they are).
struct Tokens {
  std::vector<Token> tokens;
  // The forms of words with letters beyond ASCII, one after another in a
  // few large strings, each filled only up to the capacity it was given
  // (so never reallocated under the views into it).
  std::deque<std::string> forms;
  // The lowercase forms of ASCII words with capitals, each at its word's
  // offset in the text (as long as the text; allocated for the first).
  std::unique_ptr<char[]> ascii_lower;
  // The bytes ascii_lower holds room for.
  size_t ascii_lower_capacity = 0;
};

// Words are runs of letters and combining marks; numbers runs of ASCII
// digits; every other character but white space is a punctuation token.
Tokens Tokenize(std::string_view text);
// The same into `out`, whose earlier tokens and forms are dropped and
// whose buffers are reused: a caller that tokenizes text after text in one
// Tokens writes into memory that is allocated and in the cache already.
void Tokenize(std::string_view text, Tokens* out);

}  // namespace accord::extract::dates

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_TOKENS_H_
