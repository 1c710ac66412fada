// Searcher: QueryService.SearchDocuments without the network.
//
// A search reads one snapshot of the store, the first `snapshot` documents
// by sequence, so its ranking and its pages stay the same while documents
// arrive; the snapshot travels in the page token. Ranking is BM25 over the
// query's clauses (common/analysis/query_parser.h):
//
//   score(d) = sum over matched non-excluded clauses c of
//              idf(c) * f(c,d) * (k1 + 1) / (f(c,d) + k1 * (1 - b + b * |d| / avgdl))
//   idf(c)   = ln(1 + (N - n(c) + 0.5) / (n(c) + 0.5))
//
// with N and avgdl over the snapshot, n(c) the documents matching clause c
// and f(c,d) its frequency in d (ClauseMatcher). Ties go to the older
// document, so the order is total and pages are stable.
//
// Thread-safe; one Searcher serves all threads.
#ifndef ACCORD_QUERY_SERVICE_SEARCH_SEARCHER_H_
#define ACCORD_QUERY_SERVICE_SEARCH_SEARCHER_H_

#include <optional>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "accord/v1/query_service.pb.h"
#include "common/analysis/analyzer.h"
#include "common/analysis/query_parser.h"
#include "common/store/follower.h"
#include "common/util/call_deadline.h"
#include "query-service/search/doc_table.h"
#include "query-service/search/facets.h"
#include "query-service/search/snippets.h"

namespace accord::query {

struct SearcherOptions {
  // BM25 term-frequency saturation. Default: 1.2.
  double k1 = 1.2;
  // BM25 length normalization. Default: 0.75.
  double b = 0.75;
  // Hits per page when the request says 0. Default: 10.
  int default_page_size = 10;
  // Larger page sizes are lowered to this (AIP-158). Default: 100.
  int max_page_size = 100;
  analysis::QueryParserOptions parser;
  SnippetOptions snippets;
};

class Searcher {
 public:
  // The pointers must outlive the Searcher. `follower` may be null when
  // only Rank() is used.
  Searcher(const store::Follower* follower, const analysis::Analyzer* analyzer,
           SearcherOptions options = {});

  // InvalidArgument (with an ErrorInfo reason: INVALID_QUERY,
  // INVALID_PAGE_TOKEN, INVALID_FILTER, INVALID_FACETS) for a bad request,
  // NotFound (STORY_NOT_FOUND) for a story filter naming no story, Unavailable
  // while there is no store, DeadlineExceeded or Cancelled once `deadline`
  // says the caller no longer waits (checked between clauses and before
  // the page's snippets).
  absl::StatusOr<accord::v1::SearchDocumentsResponse> Search(
      const accord::v1::SearchDocumentsRequest& request,
      const CallDeadline& deadline = CallDeadline()) const;

  // The ranked page of document sequence numbers, without documents or
  // snippets: the search core, for benchmarks and tests.
  struct Ranked {
    std::vector<uint32_t> docs;
    std::vector<double> scores;
    uint64_t total = 0;
    uint32_t snapshot = 0;
    uint64_t offset = 0;
    // Empty without words (a listing by filters).
    analysis::ParsedQuery query;
    // The requested facets over all `total` matches, without labels.
    std::vector<accord::v1::Facet> facets;
  };
  absl::StatusOr<Ranked> Rank(
      const accord::v1::SearchDocumentsRequest& request,
      const store::Store& store,
      const CallDeadline& deadline = CallDeadline()) const;

  // Runs `read` under a read lock of the document table, caught up with
  // the first `snapshot` documents of `store` (ListStories reads it too).
  absl::Status ReadTable(
      const store::Store& store, uint32_t snapshot,
      absl::FunctionRef<void(const DocTable::ReadLock&)> read) const;

  // QueryService.GetStats: facets over every document the store holds now.
  // InvalidArgument (INVALID_FACETS) for a bad field or max_values,
  // Unavailable while there is no store.
  absl::StatusOr<accord::v1::GetStatsResponse> Stats(
      const accord::v1::GetStatsRequest& request) const;

  // Documents [begin, end) of a store, by sequence.
  struct Window {
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  struct WindowMatch {
    uint32_t sequence = 0;
    accord::v1::SearchHit hit;
  };
  // The documents of `window` that match `request`'s words and filters
  // (without words, every document the filters pass; without either,
  // every document), in store order, as hits with snippets and score 0;
  // for WatchDocuments. Reads only the postings chunks of the window's
  // documents. `request`'s page fields and facets are ignored. Errors as
  // Search's.
  absl::StatusOr<std::vector<WindowMatch>> MatchWindow(
      const accord::v1::SearchDocumentsRequest& request,
      const store::Store& store, Window window,
      const CallDeadline& deadline = CallDeadline()) const;

 private:
  absl::StatusOr<Ranked> RankIn(
      const accord::v1::SearchDocumentsRequest& request,
      const store::Store& store, std::optional<Window> window,
      const CallDeadline& deadline) const;
  // The hits of `ranked`'s page: documents read, snippets cut.
  absl::StatusOr<std::vector<accord::v1::SearchHit>> HitsOf(
      const store::Store& store, const Ranked& ranked,
      const CallDeadline& deadline) const;
  // For each document of `ranked`'s page, in page order, where the query's
  // words occur in it: positions from the postings, spans from the store.
  absl::StatusOr<std::vector<std::vector<SnippetMatch>>> PageMatches(
      const store::Store& store, const Ranked& ranked) const;

  const store::Follower* const follower_;
  const analysis::Analyzer* const analyzer_;
  const SearcherOptions options_;
  mutable DocTable table_;
  mutable FacetLabels labels_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_SEARCHER_H_
