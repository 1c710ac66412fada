// The search query language: an analyst's query string -> ParsedQuery, the
// structure query-service's searcher executes. Words are looked up through
// Analyzer::QueryTerms (analyzer.h), so the query sees the index's terms.
//
// Syntax
// ------
//   cyber security           words: OR'ed and ranked (kShould)
//   "information security"   phrase: the words at consecutive positions
//   +word  +"a phrase"       required (kMust)
//   -word  -"a phrase"       excluded (kMustNot)
// Clauses are separated by white space. A '+' or '-' standing alone
// ("Vietnam - Russia") is punctuation and is ignored. Quotes are " “ ” „ « »; a
// phrase runs from one quote to the next, and a quote also ends a word
// (cyber"crime" is two clauses). '+' and '-' are operators only at the
// start of a clause; inside a word they are punctuation. A word that
// analysis splits into several (cyber-security, U.S.-Russia, 网络安全) is
// searched as a phrase, as Xapian does. Other punctuation is not searchable:
// an unsigned clause made only of it ("&", "—") is ignored.
//
// Matching (what the searcher implements): a document matches when it
// matches every kMust clause, no kMustNot clause, and, if there is no kMust
// clause, at least one kShould clause. kShould clauses rank the results
// either way. Within a clause, a position matches any of its alternatives.
//
// Errors: InvalidArgument, with the 1-based character position of the
// problem, for: an empty query; a query over max_query_bytes or invalid
// UTF-8; an unclosed quote; '+' or '-' followed by another operator
// ("+-x"); a signed clause or phrase with no searchable word
// ("+&", "\"!!\""); no searchable word at all; only excluded clauses; more
// than max_clauses clauses.
//
// Thread-safe (stateless; the Analyzer is thread-safe).
//
//   absl::StatusOr<ParsedQuery> query =
//       ParseQuery(*analyzer, "+Putin \"information security\" -ASEAN",
//                  {"en", "fr", "de"});
#ifndef ACCORD_COMMON_ANALYSIS_QUERY_PARSER_H_
#define ACCORD_COMMON_ANALYSIS_QUERY_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "common/analysis/analyzer.h"

namespace accord::analysis {

enum class Occur { kShould, kMust, kMustNot };

struct Clause {
  Occur occur = Occur::kShould;
  // One entry per word position, each the word's alternative terms
  // (Analyzer::QueryTerms, never empty). size() > 1 means a phrase.
  std::vector<std::vector<std::string>> words;
  // The clause as typed, without its operator, for messages and logs.
  std::string text;

  bool is_phrase() const { return words.size() > 1; }
};

struct ParsedQuery {
  // In query order; never empty; at least one clause is not kMustNot.
  std::vector<Clause> clauses;

  // A compact form for logs and tests: +"information|inform security|secur"
  // -asean putin|putin.
  std::string DebugString() const;
};

struct QueryParserOptions {
  // Longer queries are refused. Default: 1024 bytes.
  size_t max_query_bytes = 1024;
  // Queries with more clauses are refused. Default: 64.
  size_t max_clauses = 64;
};

// Parses `query` (UTF-8). `languages` as for Analyzer::QueryTerms: the
// language filter of the search when given, else the corpus's languages.
absl::StatusOr<ParsedQuery> ParseQuery(const Analyzer& analyzer,
                                       std::string_view query,
                                       absl::Span<const std::string> languages,
                                       const QueryParserOptions& options = {});

}  // namespace accord::analysis

#endif  // ACCORD_COMMON_ANALYSIS_QUERY_PARSER_H_
