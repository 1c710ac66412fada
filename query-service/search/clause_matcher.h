// ClauseMatcher: the documents that match one query clause, with how often.
//
// A word clause matches a document when any of the word's alternative terms
// (analyzer.h, query side) occurs in it; its frequency is the sum over the
// alternatives, as for a synonym. A phrase clause matches where its words
// occur at consecutive positions; its frequency is the number of such
// occurrences. Only documents below the search's snapshot are considered,
// and, when the matcher is given a window, only the documents in it.
// A phrase reads positions only for the documents that hold all its words.
#ifndef ACCORD_QUERY_SERVICE_SEARCH_CLAUSE_MATCHER_H_
#define ACCORD_QUERY_SERVICE_SEARCH_CLAUSE_MATCHER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "common/analysis/query_parser.h"
#include "common/index/posting_block.h"
#include "common/store/store.h"

namespace accord::query {

struct ClauseMatches {
  std::vector<uint32_t> docs;  // ascending
  std::vector<uint32_t> freqs;
  size_t size() const { return docs.size(); }
};

class ClauseMatcher {
 public:
  // `store` must outlive the matcher.
  ClauseMatcher(const store::Store* store, uint32_t snapshot)
      : store_(store), snapshot_(snapshot) {}
  // Matches among `window` (ascending, below `snapshot`) only, reading
  // just the postings chunks that hold them: new documents for a watch.
  // `window` must outlive the matcher.
  ClauseMatcher(const store::Store* store, uint32_t snapshot,
                absl::Span<const uint32_t> window)
      : store_(store), snapshot_(snapshot), window_(window), windowed_(true) {}

  absl::Status Match(const analysis::Clause& clause, ClauseMatches* out) const;

 private:
  // The union of the postings of `alternatives`: without positions when
  // `candidates` is null, else with positions for those documents only.
  absl::Status ReadWord(const std::vector<std::string>& alternatives,
                        const std::vector<uint32_t>* candidates,
                        index::PostingList* out) const;

  const store::Store* const store_;
  const uint32_t snapshot_;
  const absl::Span<const uint32_t> window_;
  const bool windowed_ = false;
};

// The union of posting lists (the alternatives of one word) into *out:
// frequencies summed, or, when every list has positions, positions merged.
void UnionPostings(absl::Span<const index::PostingList* const> lists,
                   index::PostingList* out);
// The same for two lists; for tests.
index::PostingList UnionPostings(const index::PostingList& a,
                                 const index::PostingList& b);

// Exposed for tests: documents where words[0..n) occur at consecutive
// positions, with the number of occurrences.
ClauseMatches MatchPhrase(const std::vector<index::PostingList>& words);

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_CLAUSE_MATCHER_H_
