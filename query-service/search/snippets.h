// Snippets: the passages of a hit that show why it matched.
//
// Nothing is analyzed again: the positions of the query's terms in a hit
// come from the postings (Store::ReadPostingsOf), and the document's token
// spans (common/index/token_spans.h), written at ingest, say where each of
// those words was written. So a passage marks exactly the words whose terms
// matched the query, in whatever form they were written ("Poutine" for a
// search of putin, "Cyberkriminalität" for cyberkriminalitat), and a page of
// hits costs a few reads, not an analysis of each hit's text.
#ifndef ACCORD_QUERY_SERVICE_SEARCH_SNIPPETS_H_
#define ACCORD_QUERY_SERVICE_SEARCH_SNIPPETS_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "accord/v1/document.pb.h"
#include "accord/v1/query_service.pb.h"

namespace accord::query {

struct SnippetOptions {
  // Passages returned per hit. Default: 2.
  int max_snippets = 2;
  // A part longer than this (bytes) is cut to a window around its densest
  // run of matches (snapped to spaces and code points; widened to show one
  // matched word longer than the window). Default: 280.
  size_t max_snippet_bytes = 280;
};

// One occurrence of a query word in a hit.
struct SnippetMatch {
  uint32_t part = 0;   // index::kTitlePart, ... (token_spans.h)
  uint32_t begin = 0;  // UTF-8 byte range in the part's text
  uint32_t end = 0;
  int word = 0;  // which query word (alternatives of one word share it)
};

// The matches at `position_words` (position in the document, query word;
// ascending by position, one entry per position) according to the
// document's encoded token spans. DataLoss when the spans are malformed.
absl::StatusOr<std::vector<SnippetMatch>> MatchesFromSpans(
    absl::Span<const std::pair<uint32_t, int>> position_words,
    absl::string_view token_spans);

// Up to `options.max_snippets` passages of `document` around `matches`,
// best first: most distinct query words, then most matches, then the
// earliest part (the title before the paragraphs). Matches in the dateline,
// in parts the document lacks, or not on code point boundaries of their
// part (spans that do not belong to this document) are left out. Parts
// without a match are never returned.
std::vector<accord::v1::Snippet> MakeSnippets(
    const accord::v1::Document& document,
    absl::Span<const SnippetMatch> matches, const SnippetOptions& options = {});

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_SNIPPETS_H_
