#include "common/analysis/query_parser.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace accord::analysis {
namespace {

bool IsQuote(UChar32 c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB ||
         c == 0x00BB;
}

bool IsOperator(UChar32 c) { return c == '+' || c == '-'; }

class Parser {
 public:
  Parser(const Analyzer& analyzer, std::string_view query,
         absl::Span<const std::string> languages,
         const QueryParserOptions& options)
      : analyzer_(analyzer),
        query_(query),
        languages_(languages),
        options_(options) {}

  absl::StatusOr<ParsedQuery> Run();

 private:
  // The code point at byte `at` (U+FFFD past the end); `*next` after it.
  UChar32 At(size_t at, size_t* next) const {
    if (at >= query_.size()) {
      *next = at;
      return U_SENTINEL;
    }
    const auto* p = reinterpret_cast<const uint8_t*>(query_.data());
    int32_t i = static_cast<int32_t>(at);
    UChar32 c;
    U8_NEXT(p, i, static_cast<int32_t>(query_.size()), c);
    *next = static_cast<size_t>(i);
    return c;
  }

  bool SpaceAt(size_t at) const {
    size_t next;
    UChar32 c = At(at, &next);
    return c >= 0 && u_isUWhiteSpace(c);
  }

  // 1-based character (code point) position of byte offset `at`.
  size_t Position(size_t at) const {
    size_t chars = 0;
    for (size_t i = 0; i < at && i < query_.size(); ++i) {
      if ((static_cast<unsigned char>(query_[i]) & 0xC0) != 0x80) ++chars;
    }
    return chars + 1;
  }

  // "<what> at position <N><rest>"
  absl::Status Error(size_t at, const std::string& what,
                     const std::string& rest = "") const {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " at position ", Position(at), rest));
  }

  const Analyzer& analyzer_;
  const std::string_view query_;
  const absl::Span<const std::string> languages_;
  const QueryParserOptions& options_;
};

absl::StatusOr<ParsedQuery> Parser::Run() {
  if (query_.size() > options_.max_query_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("query is ", query_.size(),
                                                   " bytes; the limit is ",
                                                   options_.max_query_bytes));
  }
  for (size_t i = 0, next; i < query_.size(); i = next) {
    if (At(i, &next) < 0) return Error(i, "query is not valid UTF-8");
  }
  ParsedQuery parsed;
  bool saw_clause_text = false;
  size_t i = 0;
  const size_t n = query_.size();
  while (true) {
    while (i < n && SpaceAt(i)) At(i, &i);
    if (i == n) break;
    saw_clause_text = true;
    const size_t clause_start = i;
    Occur occur = Occur::kShould;
    size_t next;
    UChar32 c = At(i, &next);
    if (IsOperator(c)) {
      const std::string op(1, static_cast<char>(c));
      occur = c == '+' ? Occur::kMust : Occur::kMustNot;
      i = next;
      UChar32 after = At(i, &next);
      if (i == n || SpaceAt(i)) {
        // A sign standing alone is punctuation, as in a pasted headline
        // "Vietnam - Russia": ignored like any punctuation-only clause.
        continue;
      }
      if (IsOperator(after)) {
        return Error(
            clause_start, absl::StrCat("'", op, "'"),
            absl::StrCat(" is followed by another operator '",
                         std::string(1, static_cast<char>(after)), "'"));
      }
      c = after;
    }
    const size_t body_start = i;
    bool quoted = false;
    std::string_view words_text;
    if (IsQuote(c)) {
      quoted = true;
      i = next;
      const size_t inner_start = i;
      while (i < n && !IsQuote(At(i, &next))) i = next;
      if (i == n) return Error(body_start, "unclosed quote");
      words_text = query_.substr(inner_start, i - inner_start);
      At(i, &i);  // past the closing quote
    } else {
      while (i < n && !SpaceAt(i) && !IsQuote(At(i, &next))) i = next;
      words_text = query_.substr(body_start, i - body_start);
    }
    std::vector<std::vector<std::string>> words =
        analyzer_.QueryTerms(words_text, languages_);
    const std::string_view typed = query_.substr(body_start, i - body_start);
    if (words.empty()) {
      if (quoted) {
        return Error(body_start, "phrase", " has no searchable words");
      }
      if (occur != Occur::kShould) {
        return Error(
            clause_start,
            absl::StrCat(
                "'", std::string(query_.substr(clause_start, i - clause_start)),
                "'"),
            " has no searchable words");
      }
      continue;  // stray punctuation such as "&" or "—"
    }
    if (parsed.clauses.size() == options_.max_clauses) {
      return Error(
          clause_start,
          absl::StrCat("too many clauses (the limit is ", options_.max_clauses,
                       "): clause ", options_.max_clauses + 1, " starts"));
    }
    parsed.clauses.push_back(
        Clause{occur, std::move(words), std::string(typed)});
  }
  if (!saw_clause_text) return absl::InvalidArgumentError("query is empty");
  if (parsed.clauses.empty()) {
    return absl::InvalidArgumentError("query has no searchable words");
  }
  if (std::all_of(parsed.clauses.begin(), parsed.clauses.end(),
                  [](const Clause& clause) {
                    return clause.occur == Occur::kMustNot;
                  })) {
    return absl::InvalidArgumentError(
        "query only excludes ('-'); add a word or phrase to search for");
  }
  return parsed;
}

}  // namespace

std::string ParsedQuery::DebugString() const {
  std::vector<std::string> parts;
  for (const Clause& clause : clauses) {
    std::vector<std::string> words;
    for (const std::vector<std::string>& alternatives : clause.words) {
      words.push_back(absl::StrJoin(alternatives, "|"));
    }
    std::string part = clause.occur == Occur::kMust      ? "+"
                       : clause.occur == Occur::kMustNot ? "-"
                                                         : "";
    if (clause.is_phrase()) {
      absl::StrAppend(&part, "\"", absl::StrJoin(words, " "), "\"");
    } else {
      absl::StrAppend(&part, words.front());
    }
    parts.push_back(std::move(part));
  }
  return absl::StrJoin(parts, " ");
}

absl::StatusOr<ParsedQuery> ParseQuery(const Analyzer& analyzer,
                                       std::string_view query,
                                       absl::Span<const std::string> languages,
                                       const QueryParserOptions& options) {
  return Parser(analyzer, query, languages, options).Run();
}

}  // namespace accord::analysis
