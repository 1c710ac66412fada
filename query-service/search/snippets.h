// Snippets: the passages of a hit that show why it matched.
//
// The document's title and paragraphs are analyzed again with the same
// analyzer as the index, so a passage marks exactly the words whose terms
// matched the query, in whatever form they were written ("Poutine" for a
// search of putin, "Cyberkriminalität" for cyberkriminalitat).
#ifndef ACCORD_QUERY_SERVICE_SEARCH_SNIPPETS_H_
#define ACCORD_QUERY_SERVICE_SEARCH_SNIPPETS_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "accord/v1/document.pb.h"
#include "accord/v1/query_service.pb.h"
#include "common/analysis/analyzer.h"

namespace accord::query {

struct SnippetOptions {
  // Passages returned per hit. Default: 2.
  int max_snippets = 2;
  // A part longer than this (bytes) is cut to a window around its densest
  // run of matches. Default: 280.
  size_t max_snippet_bytes = 280;
};

// Up to `options.max_snippets` passages of `document` containing `terms`,
// best first (most distinct terms, then most matches, then earliest).
// Parts without a match are never returned.
std::vector<accord::v1::Snippet> MakeSnippets(
    const analysis::Analyzer& analyzer, const accord::v1::Document& document,
    const absl::flat_hash_set<std::string>& terms,
    const SnippetOptions& options = {});

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_SNIPPETS_H_
