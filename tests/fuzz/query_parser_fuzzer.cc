// Fuzz target: the search query parser, ParseQuery
// (common/analysis/query_parser.h), over the shared Analyzer.
//
// Feeds "<languages>\n<query>": the first line is the comma-separated
// language filter ("en,fr,de"; at most 8 tags), the rest the query.
//
// Asserts, from the header's grammar and error contract:
//  - a parsed query has 1..max_clauses clauses, not all excluded; every
//    clause has words, every word alternatives, every term is non-empty
//    valid UTF-8 without NUL (terms are store keys, schema.h);
//  - each clause's text is the query's text, in query order, and its words
//    are exactly Analyzer::QueryTerms of that text (the quotes removed);
//  - printing the parsed query back ("+text", "-text", "text" joined with
//    spaces) and parsing that gives the same clauses;
//  - a refusal is InvalidArgument with a message that is valid UTF-8 when
//    the query is, and "at position N" is a 1-based character position
//    inside the query (N <= characters + 1) that names the character the
//    message talks about: a quote for an unclosed quote or an empty phrase,
//    an operator for "'+' is followed by another operator" and for a signed
//    clause without searchable words;
//  - valid UTF-8 within max_query_bytes is never refused for its size or
//    encoding.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/analysis/analyzer.h"
#include "common/analysis/query_parser.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

using accord::analysis::Clause;
using accord::analysis::Occur;
using accord::analysis::ParsedQuery;

const accord::analysis::Analyzer& SharedAnalyzer() {
  static const auto* analyzer =
      accord::analysis::Analyzer::Create().value().release();
  return *analyzer;
}

// Byte offsets of the code points of valid UTF-8 `s`.
std::vector<size_t> CodePointStarts(std::string_view s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsBoundary(s, i)) starts.push_back(i);
  }
  return starts;
}

bool IsQuoteAt(std::string_view s, size_t at) {
  for (std::string_view q :
       {"\"", "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"}) {
    if (s.substr(at, q.size()) == q) return true;
  }
  return false;
}

size_t QuoteLength(std::string_view s, size_t at) {
  return static_cast<unsigned char>(s[at]) < 0x80 ? 1 : s[at] == '\xC2' ? 2 : 3;
}

std::string Render(const ParsedQuery& parsed) {
  std::vector<std::string> parts;
  for (const Clause& clause : parsed.clauses) {
    const char* sign = clause.occur == Occur::kMust      ? "+"
                       : clause.occur == Occur::kMustNot ? "-"
                                                         : "";
    parts.push_back(sign + clause.text);
  }
  return absl::StrJoin(parts, " ");
}

void CheckParsed(std::string_view query,
                 const std::vector<std::string>& languages,
                 const ParsedQuery& parsed) {
  const std::string context = "\n  query: " + Escape(query) +
                              "\n  parsed: " + Escape(parsed.DebugString());
  const accord::analysis::QueryParserOptions defaults;
  FUZZ_CHECK(
      !parsed.clauses.empty() && parsed.clauses.size() <= defaults.max_clauses,
      "clause count outside 1..max_clauses" + context);
  bool searches = false;
  size_t cursor = 0;
  for (const Clause& clause : parsed.clauses) {
    searches |= clause.occur != Occur::kMustNot;
    FUZZ_CHECK(!clause.text.empty() && IsValidUtf8(clause.text),
               "clause text empty or not UTF-8" + context);
    const size_t at = query.find(clause.text, cursor);
    FUZZ_CHECK(at != std::string_view::npos,
               "clause text is not the query's, in order: " +
                   Escape(clause.text) + context);
    cursor = at + clause.text.size();
    FUZZ_CHECK(!clause.words.empty(), "clause without words" + context);
    for (const auto& alternatives : clause.words) {
      FUZZ_CHECK(!alternatives.empty(), "word without alternatives" + context);
      for (const std::string& term : alternatives) {
        FUZZ_CHECK(!term.empty() && IsValidUtf8(term) &&
                       term.find('\0') == std::string::npos,
                   "bad term " + Escape(term) + context);
      }
    }
    std::string_view words_text = clause.text;
    if (IsQuoteAt(words_text, 0)) {
      words_text.remove_prefix(QuoteLength(words_text, 0));
      size_t last = words_text.size();
      while (last > 0 && !IsBoundary(words_text, --last)) {
      }
      FUZZ_CHECK(IsQuoteAt(words_text, last),
                 "phrase text without its closing quote" + context);
      words_text = words_text.substr(0, last);
    }
    FUZZ_CHECK(
        SharedAnalyzer().QueryTerms(words_text, languages) == clause.words,
        "clause words are not QueryTerms of its text " + Escape(clause.text) +
            context);
  }
  FUZZ_CHECK(searches, "only excluded clauses" + context);

  // Printing adds a space where a quote ended a word (cyber"crime"), so
  // the printed query may pass the byte limit the original kept.
  const std::string rendered = Render(parsed);
  accord::analysis::QueryParserOptions roomy;
  roomy.max_query_bytes = 2 * rendered.size();
  absl::StatusOr<ParsedQuery> again = accord::analysis::ParseQuery(
      SharedAnalyzer(), rendered, languages, roomy);
  FUZZ_CHECK(again.ok(), "printed query " + Escape(rendered) + " is refused: " +
                             std::string(again.status().message()) + context);
  FUZZ_CHECK(again->clauses.size() == parsed.clauses.size(),
             "printed query " + Escape(rendered) + " parses differently: " +
                 Escape(again->DebugString()) + context);
  for (size_t i = 0; i < parsed.clauses.size(); ++i) {
    const Clause& a = parsed.clauses[i];
    const Clause& b = again->clauses[i];
    FUZZ_CHECK(a.occur == b.occur && a.words == b.words && a.text == b.text,
               "printed query " + Escape(rendered) + " parses differently: " +
                   Escape(again->DebugString()) + context);
  }
}

void CheckRefused(std::string_view query, const absl::Status& status) {
  const std::string message(status.message());
  const std::string context =
      "\n  query: " + Escape(query) + "\n  error: " + Escape(message);
  FUZZ_CHECK(absl::IsInvalidArgument(status), "not InvalidArgument" + context);
  const accord::analysis::QueryParserOptions defaults;
  if (!IsValidUtf8(query)) {
    return;
  }
  FUZZ_CHECK(IsValidUtf8(message), "message is not UTF-8" + context);
  if (query.size() <= defaults.max_query_bytes) {
    FUZZ_CHECK(!absl::StartsWith(message, "query is ") ||
                   !absl::StrContains(message, " bytes;"),
               "refused for its size within the limit" + context);
    FUZZ_CHECK(!absl::StrContains(message, "not valid UTF-8"),
               "valid UTF-8 refused as invalid" + context);
  }
  constexpr std::string_view kAt = " at position ";
  const size_t at = message.rfind(kAt);
  if (at == std::string::npos) return;
  std::string_view digits = std::string_view(message).substr(at + kAt.size());
  digits = digits.substr(0, digits.find_first_not_of("0123456789"));
  size_t position = 0;
  FUZZ_CHECK(absl::SimpleAtoi(absl::string_view(digits.data(), digits.size()),
                              &position),
             "position is not a number" + context);
  const std::vector<size_t> starts = CodePointStarts(query);
  FUZZ_CHECK(position >= 1 && position <= starts.size() + 1,
             "position outside the query" + context);
  const size_t byte =
      position <= starts.size() ? starts[position - 1] : query.size();
  const bool names_quote = byte < query.size() && IsQuoteAt(query, byte);
  const bool names_operator =
      byte < query.size() && (query[byte] == '+' || query[byte] == '-');
  if (absl::StartsWith(message, "unclosed quote") ||
      absl::StartsWith(message, "phrase at")) {
    FUZZ_CHECK(names_quote, "position does not name a quote" + context);
  }
  if (absl::StrContains(message, "is followed by another operator") ||
      (absl::StartsWith(message, "'") &&
       absl::StrContains(message, "has no searchable words"))) {
    FUZZ_CHECK(names_operator, "position does not name an operator" + context);
  }
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  FuzzInput input(data, size);
  const std::string_view language_line = input.Line();
  std::vector<std::string> languages;
  for (absl::string_view tag : absl::StrSplit(
           absl::string_view(language_line.data(), language_line.size()), ',',
           absl::SkipEmpty())) {
    if (languages.size() == 8) break;
    languages.emplace_back(tag);
  }
  const std::string_view query = input.Rest();
  absl::StatusOr<accord::analysis::ParsedQuery> parsed =
      accord::analysis::ParseQuery(SharedAnalyzer(), query, languages);
  if (parsed.ok()) {
    CheckParsed(query, languages, *parsed);
  } else {
    CheckRefused(query, parsed.status());
  }
  return 0;
}
