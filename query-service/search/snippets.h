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

#include "absl/container/flat_hash_map.h"
#include "accord/v1/document.pb.h"
#include "accord/v1/query_service.pb.h"
#include "common/analysis/analyzer.h"

namespace accord::query {

struct SnippetOptions {
  // Passages returned per hit. Default: 2.
  int max_snippets = 2;
  // A part longer than this (bytes) is cut to a window around its densest
  // run of matches (snapped to spaces and code points; widened to show one
  // matched word longer than the window). Default: 280.
  size_t max_snippet_bytes = 280;
  // Parts are analyzed in order; once this many bytes were read and some
  // passage matched, the rest is skipped, as it is once every wanted
  // passage holds every query word. Bounds the cost of a hit. Default: 4096.
  size_t scan_budget_bytes = 4096;
};

// Up to `options.max_snippets` passages of `document` containing query
// terms, best first (most distinct query words, then most matches, then
// earliest). `term_words` maps each term to the query word it stands for
// (alternatives of one word share a number, from 0). Parts without a match
// are never returned.
std::vector<accord::v1::Snippet> MakeSnippets(
    const analysis::Analyzer& analyzer, const accord::v1::Document& document,
    const absl::flat_hash_map<std::string, int>& term_words,
    const SnippetOptions& options = {});

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_SNIPPETS_H_
