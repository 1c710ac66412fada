// Splits UTF-8 text into the words the analyzer turns into terms.
//
// A word is a token that ICU's root word BreakIterator (UAX #29, with ICU's
// dictionaries for CJK, Thai, Lao, Khmer and Burmese) reports with a word
// status and that holds at least one letter or digit. Vietnamese splits into
// syllables, as it is written.
//
// Speed: UAX #29 always breaks at ASCII whitespace, so the text is cut there;
// chunks of simple scripts (ASCII, Latin, Greek, Cyrillic: see
// fast_words.h) go through FindFastWords() without ICU, the rest through a
// BreakIterator over the UTF-8 bytes (no UTF-16 copy).
//
// Not thread-safe: each thread owns one WordBreaker (see analyzer.cc).
#ifndef ACCORD_COMMON_ANALYSIS_INTERNAL_WORD_BREAKER_H_
#define ACCORD_COMMON_ANALYSIS_INTERNAL_WORD_BREAKER_H_

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "common/analysis/internal/fast_words.h"

namespace accord::analysis::internal {

class WordBreaker {
 public:
  WordBreaker();
  ~WordBreaker();
  WordBreaker(const WordBreaker&) = delete;
  WordBreaker& operator=(const WordBreaker&) = delete;

  // Replaces `*out` with the words of `text`, in order.
  // `fast_word_breaks` = false sends everything through ICU (tests compare).
  // REQUIRES: text.size() < 2^31 (ICU indexes are int32_t).
  void Split(std::string_view text, bool fast_word_breaks,
             std::vector<WordSpan>* out);

  // Whether ICU's word break rules could be loaded (missing ICU data).
  static absl::Status CheckAvailable();

 private:
  void SplitWithIcu(std::string_view text, uint32_t base,
                    std::vector<WordSpan>* out);

  std::unique_ptr<icu::BreakIterator> iterator_;  // null if ICU data missing
  UText text_ = UTEXT_INITIALIZER;
};

}  // namespace accord::analysis::internal

#endif  // ACCORD_COMMON_ANALYSIS_INTERNAL_WORD_BREAKER_H_
