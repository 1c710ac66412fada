// Vocabulary statistics of a generated corpus: documents, bytes, and the
// number of distinct terms Accord's analyzer makes of them
// (common/analysis/analyzer.h: casefolded, elided, stemmed in the
// document's language, folded). Distinct terms drive an index's per-term
// costs (dictionary size, postings lists opened per bundle), which is why
// the news profile is built to make them grow as real news does.
//
// Not thread-safe per object.
//
//   absl::StatusOr<std::vector<CorpusStats>> stats =
//       MeasureCorpus(*corpus, {10000, 50000, 100000}, 2, &std::cerr);
//   if (stats.ok()) PrintCorpusStats(corpus->options(), *stats, std::cout);
#ifndef ACCORD_BENCH_CORPUS_CORPUS_STATS_H_
#define ACCORD_BENCH_CORPUS_CORPUS_STATS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "bench/corpus/generator.h"
#include "common/analysis/analyzer.h"

namespace accord::bench {

// Counts the distinct analyzed terms of the documents added so far.
class DistinctTerms {
 public:
  // Fails when the analyzer cannot be created (ICU data missing).
  static absl::StatusOr<std::unique_ptr<DistinctTerms>> Create();

  void Add(const GeneratedDoc& doc);

  uint64_t count() const { return terms_.size(); }
  // Distinct terms holding a digit: numbers, dates, identifiers.
  uint64_t numeric_count() const { return numeric_terms_; }
  // Analyzed words (term occurrences) seen, for Heaps' law.
  uint64_t tokens() const { return tokens_seen_; }

 private:
  explicit DistinctTerms(std::unique_ptr<analysis::Analyzer> analyzer)
      : analyzer_(std::move(analyzer)) {}

  std::unique_ptr<analysis::Analyzer> analyzer_;
  absl::flat_hash_set<std::string> terms_;
  std::vector<analysis::Token> buffer_;
  uint64_t tokens_seen_ = 0;
  uint64_t numeric_terms_ = 0;
};

struct CorpusStats {
  uint64_t docs = 0;
  uint64_t bytes = 0;
  uint64_t tokens = 0;          // analyzed words
  uint64_t distinct_terms = 0;  // distinct analyzed terms, all languages
  uint64_t numeric_terms = 0;   // of which hold a digit
  std::map<std::string, uint64_t> docs_per_language;
  double generate_seconds = 0;  // wall time, on the generating threads
};

// Generates documents 0..max(sizes)-1 of `corpus` once, on `threads`
// threads, and returns the statistics of each prefix in `sizes`, in
// ascending order. `progress`, when not null, gets a line per size.
absl::StatusOr<std::vector<CorpusStats>> MeasureCorpus(
    const CorpusGenerator& corpus, std::vector<uint64_t> sizes, int threads,
    std::ostream* progress);

// A table: docs, MB, mean KB per document, analyzed words, distinct terms
// (and how many hold a digit), the local Heaps exponent between
// consecutive sizes, and the generation speed.
void PrintCorpusStats(const CorpusOptions& options,
                      const std::vector<CorpusStats>& stats, std::ostream& out);

}  // namespace accord::bench

#endif  // ACCORD_BENCH_CORPUS_CORPUS_STATS_H_
