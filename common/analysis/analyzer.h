// The analyzer: turns text into index terms, the same way at ingest and at
// query time. ingest-service indexes the Tokens of Analyze(); the query
// parser (query_parser.h) looks words up with QueryTerms(). Any change to
// the term contract below changes the index format: reindex.
//
// Term contract
// -------------
// 1. Words. The text is split with ICU's root word BreakIterator (UAX #29,
//    plus ICU's dictionaries for Chinese, Japanese, Thai, Lao, Khmer,
//    Burmese). A word is a token with a word status that holds a letter or
//    a digit; spaces, punctuation, symbols and emoji are not words.
//    Vietnamese splits into syllables; "cyber-security" into two words;
//    "U.S.", "don't", "3.5" and "1,000" stay one word each.
// 2. Positions. Words are numbered 0, 1, 2, ... in text order; phrase
//    search relies on consecutive positions. A word that yields no term
//    (too long, see AnalyzerOptions) still takes its position.
// 3. Term of a word w in a document of language L:
//        term = fold(stem_L(elide(casefold(w))))
//    casefold: Unicode NFKC_Casefold ("Straße" -> "strasse", final sigma,
//              fullwidth and ligatures), U+2019 apostrophe -> '\''.
//    elide:    a leading French/Italian elided article is dropped
//              ("l'Union" -> "union", "qu'il" -> "il"), in every language.
//    stem_L:   the Snowball stemmer of L (libstemmer: en, fr, de, es, ru,
//              it, pt, nl, sv, da, no, fi, el, tr, ar, ...); identity when
//              Snowball has none (vi, zh, ja, th, ko, ...) or L is "".
//              Stemming precedes folding: stemmers expect their accents.
//    fold:     diacritics removed after NFD, and explicit letters
//              (đ->d, ø->o, ł->l, æ->ae, œ->oe, ı->i, þ->th): "Trân" ->
//              "tran", "Đà Nẵng" -> "da", "nang".
//    Examples: de "Cyberkriminalitäten" -> "cyberkriminalitat",
//              fr "cybercriminalité" -> "cybercriminal",
//              en "cybercrimes" -> "cybercrim".
// 4. Query side. A query's language is unknown, so each query word w has
//    the alternatives {fold(elide(casefold(w)))} ∪ {term of w in L : L in
//    languages}, deduplicated; the searcher ORs them. `languages` is the
//    query's language filter when given, else the languages of the corpus.
//
// Thread safety: an Analyzer is immutable; one instance serves all threads.
// Per-thread state (ICU break iterator clone, Snowball stemmers, term
// caches, buffers) lives in thread_local storage, is created on a thread's
// first call and freed when the thread ends.
//
// Usage:
//   absl::StatusOr<std::unique_ptr<Analyzer>> analyzer = Analyzer::Create();
//   std::vector<Token> tokens;
//   (*analyzer)->Analyze(body, "de", &tokens);
//   for (const Token& t : tokens) index.Add(t.term, t.position);
#ifndef ACCORD_COMMON_ANALYSIS_ANALYZER_H_
#define ACCORD_COMMON_ANALYSIS_ANALYZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace accord::analysis {

// One indexed word.
struct Token {
  std::string term;   // see the term contract above
  uint32_t position;  // word number in the analyzed text, from 0
  // UTF-8 byte offsets [begin, end) of the word in the analyzed text, for
  // snippets and evidence. An elided article is not part of the span.
  uint32_t begin;
  uint32_t end;
};

struct AnalyzerOptions {
  // ----- Affect the terms (changing them requires a reindex) -----

  // A word whose case-folded form is longer than this many bytes yields no
  // term (base64 blobs, hashes glued into text); it keeps its position.
  // Default: 64. REQUIRES: > 0.
  size_t max_word_bytes = 64;

  // ----- Affect performance only -----

  // Text in simple scripts (ASCII, Latin incl. Vietnamese, Greek,
  // Cyrillic; see internal/fast_words.h) is split without ICU's
  // BreakIterator, with identical results. Default: true.
  bool fast_word_breaks = true;

  // Each thread remembers the terms of 4096 recent short words per
  // document language (about 300 KB), skipping casefold and stemming for
  // repeats. Default: true.
  bool term_cache = true;
};

class Analyzer {
 public:
  // Fails with FailedPrecondition when ICU's data (break rules,
  // normalization) cannot be loaded, or InvalidArgument for bad options.
  static absl::StatusOr<std::unique_ptr<Analyzer>> Create(
      const AnalyzerOptions& options = {});

  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Replaces `*out` with the tokens of `utf8_text`, a document (or field)
  // in `language` (a BCP 47 / ISO 639 tag such as "en", "de-AT", "fra";
  // unknown or "" means no stemming). Reuses the strings already in `*out`:
  // pass the same vector again to avoid allocation.
  // REQUIRES: valid UTF-8 (invalid bytes never crash, but their words are
  // unspecified). Text past 2^31 - 1 bytes is ignored.
  void Analyze(std::string_view utf8_text, std::string_view language,
               std::vector<Token>* out) const;

  // Query side of the contract (point 4): for each word of `word_text`, in
  // order, its alternative terms, the unstemmed one first. Words that
  // yield no term are left out. Empty when `word_text` has no words.
  std::vector<std::vector<std::string>> QueryTerms(
      std::string_view word_text,
      absl::Span<const std::string> languages) const;

  const AnalyzerOptions& options() const { return options_; }

 private:
  explicit Analyzer(const AnalyzerOptions& options) : options_(options) {}

  const AnalyzerOptions options_;
};

// Whether Snowball stems `language` (same tag rules as Analyze).
bool HasStemmer(std::string_view language);

}  // namespace accord::analysis

#endif  // ACCORD_COMMON_ANALYSIS_ANALYZER_H_
