// TermPhrases: phrases of the team's data (topic rules, event triggers)
// found in a document on the terms ingest builds for the index
// (index::DocumentTerms), so that no extractor passes over the text again.
//
// A phrase is analyzed once, with the index's analyzer in its own
// language; it matches every run of consecutive words of the title or of
// one paragraph of a document in that language whose terms are its terms:
// "signed" and "signing" for "sign", "информационной безопасности" for
// "информационная безопасность". Matching walks the document's sorted
// terms once beside every term of the language's phrases, sorted (no
// hashing), noting which of them the document has; a phrase whose first
// word is there then has its further words checked by their index in that
// list, with no search of the document's terms (a document meets a few
// hundred phrases whose first word it has, most of which miss on the
// second).
//
// Thread-safety: Add before use; Find may then run on any thread.
//
//   TermPhrases phrases(analyzer);
//   absl::StatusOr<size_t> id = phrases.Add("en", "joint statement");
//   for (const TermPhrases::Match& m : phrases.Find(terms, document)) ...
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_PHRASES_TERM_PHRASES_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_PHRASES_TERM_PHRASES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "accord/v1/document.pb.h"
#include "common/analysis/analyzer.h"
#include "common/index/document_terms.h"

namespace accord::extract {

class TermPhrases {
 public:
  // `analyzer` must outlive this and be the one the index's terms come
  // from.
  explicit TermPhrases(const analysis::Analyzer* analyzer)
      : analyzer_(analyzer) {}

  // Analyzes `text` in `language` (ISO 639-1) and returns the phrase's
  // index (0, 1, ... in the order of Add). InvalidArgument when it has no
  // run of indexed words (only punctuation, or a word too long to index).
  absl::StatusOr<size_t> Add(std::string_view language, std::string_view text);

  // The terms of phrase `phrase`.
  const std::vector<std::string>& terms(size_t phrase) const {
    return phrases_[phrase].terms;
  }
  size_t size() const { return phrases_.size(); }

  struct Match {
    size_t phrase = 0;
    // Word positions [start, end) in the document's terms.
    uint32_t start = 0;
    uint32_t end = 0;
    // TITLE or BODY (the paragraphs joined with "\n\n"); the dateline's
    // place is never matched.
    accord::v1::TextSpan span;
    // The matched text as written; points into `document`.
    std::string_view surface;
  };

  // Every match of a phrase of the document's language ("de-AT" uses
  // "de") in title and paragraphs, overlapping ones included, by start
  // position then phrase. `terms` must be BuildDocumentTerms of
  // `document`.
  std::vector<Match> Find(const index::DocumentTerms& terms,
                          const accord::v1::Document& document) const;

 private:
  struct Phrase {
    std::string language;
    std::vector<std::string> terms;
    // The terms' ids in their language (Language::sorted).
    std::vector<uint32_t> term_ids;
  };
  // One language's phrases.
  struct Language {
    // Every term of its phrases, each once, sorted by term, with its id
    // (0, 1, ... in the order first added): Find walks this beside the
    // document's sorted terms.
    std::vector<std::pair<std::string, uint32_t>> sorted;
    // By term id: the phrases that start with the term.
    std::vector<std::vector<uint32_t>> starting;
  };

  const analysis::Analyzer* const analyzer_;
  std::vector<Phrase> phrases_;
  absl::flat_hash_map<std::string, Language> languages_;
};

// The text a TEXT_PART_BODY span points into: the paragraphs joined with
// "\n\n", as their offsets say.
std::string BodyText(const accord::v1::Document& document);

// "de-AT" -> "de": data phrases are per primary language.
std::string PrimaryLanguage(std::string_view code);

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_PHRASES_TERM_PHRASES_H_
