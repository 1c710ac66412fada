// Invariants of the analyzer's tokens and of a document's index terms,
// shared by the fuzz targets that analyze text (document_terms_fuzzer.cc,
// stored_document_fuzzer.cc). Each check aborts through FUZZ_CHECK.
#ifndef ACCORD_TESTS_FUZZ_ANALYSIS_CHECKS_H_
#define ACCORD_TESTS_FUZZ_ANALYSIS_CHECKS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "accord/v1/document.pb.h"
#include "common/analysis/analyzer.h"
#include "common/index/document_terms.h"
#include "common/index/posting_block.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {

// A term as the store keys it: non-empty, no NUL (schema.h: "terms never
// hold NUL"), and valid UTF-8 when the analyzed text is.
inline void CheckTerm(const std::string& term, bool utf8_text,
                      const std::string& context) {
  FUZZ_CHECK(!term.empty(), "empty term" + context);
  FUZZ_CHECK(term.find('\0') == std::string::npos,
             "term holds NUL: " + Escape(term) + context);
  if (utf8_text) {
    FUZZ_CHECK(IsValidUtf8(term),
               "term is not UTF-8: " + Escape(term) + context);
  }
}

// Analyzer::Analyze's Token contract for `text`: positions strictly
// ascending, spans [begin, end) non-empty, ascending, inside the text and
// on code point boundaries.
inline void CheckTokens(std::string_view text,
                        const std::vector<accord::analysis::Token>& tokens,
                        const std::string& context) {
  const bool utf8 = IsValidUtf8(text);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const accord::analysis::Token& t = tokens[i];
    const std::string where =
        absl::StrCat(" (token ", i, " [", t.begin, ", ", t.end, ") position ",
                     t.position, " term ", Escape(t.term), ")") +
        context;
    CheckTerm(t.term, utf8, where);
    FUZZ_CHECK(t.begin < t.end && t.end <= text.size(),
               "span outside the text" + where);
    if (utf8) {
      FUZZ_CHECK(IsBoundary(text, t.begin) && IsBoundary(text, t.end),
                 "span cuts a code point" + where);
    }
    if (i > 0) {
      FUZZ_CHECK(t.position > tokens[i - 1].position,
                 "positions not ascending" + where);
      FUZZ_CHECK(t.begin >= tokens[i - 1].end,
                 "spans overlap or go back" + where);
    }
  }
}

inline bool SameTokens(const std::vector<accord::analysis::Token>& a,
                       const std::vector<accord::analysis::Token>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].term != b[i].term || a[i].position != b[i].position ||
        a[i].begin != b[i].begin || a[i].end != b[i].end) {
      return false;
    }
  }
  return true;
}

// BuildDocumentTerms's contract (document_terms.h): the title, dateline
// place and paragraphs analyzed in the document's language, positions
// running on with a gap of one between parts; terms distinct and sorted,
// positions ascending, length the number of words that yield a term. And
// each term's positions survive a posting block round trip, as the store
// writes and reads them.
inline void CheckDocumentTerms(const accord::analysis::Analyzer& analyzer,
                               const accord::v1::Document& doc,
                               const accord::index::DocumentTerms& terms,
                               const std::string& context) {
  std::map<std::string, std::vector<uint32_t>> expected;
  uint32_t next = 0, words = 0;
  bool utf8 = true;
  std::vector<accord::analysis::Token> tokens;
  auto part = [&](const std::string& text) {
    utf8 = utf8 && IsValidUtf8(text);
    analyzer.Analyze(text, doc.language().code(), &tokens);
    CheckTokens(text, tokens, "\n  part: " + Escape(text) + context);
    for (const auto& t : tokens) expected[t.term].push_back(next + t.position);
    if (!tokens.empty()) {
      words += static_cast<uint32_t>(tokens.size());
      next += tokens.back().position + 2;
    }
  };
  part(doc.title());
  part(doc.dateline().place());
  for (const auto& p : doc.paragraphs()) part(p.text());

  FUZZ_CHECK(
      terms.length == words,
      absl::StrCat("length ", terms.length, " != words ", words) + context);
  FUZZ_CHECK(terms.terms.size() == expected.size(),
             "term count differs" + context);
  size_t i = 0;
  for (const auto& [term, positions] : expected) {
    const auto& [got_term, got_positions] = terms.terms[i++];
    FUZZ_CHECK(
        got_term == term &&
            std::vector<uint32_t>(got_positions.begin(), got_positions.end()) ==
                positions,
        "terms are not the parts' tokens in order: " +
            Escape(std::string(got_term)) + " vs " + Escape(term) + context);
    CheckTerm(std::string(got_term), utf8, context);
    for (size_t k = 1; k < got_positions.size(); ++k) {
      FUZZ_CHECK(got_positions[k] > got_positions[k - 1],
                 "positions not ascending for " + Escape(got_term) + context);
    }
  }

  // The store's posting format keeps every term's positions.
  accord::index::PostingBlockBuilder builder;
  uint32_t doc_number = 7;
  for (const auto& [term, positions] : terms.terms) {
    if (builder.full()) break;
    builder.Add(doc_number++, positions);
  }
  if (builder.size() == 0) return;
  accord::index::PostingList list;
  FUZZ_CHECK(
      accord::index::DecodeBlock(builder.Encode(), 7, UINT32_MAX, true, &list)
          .ok(),
      "a block of this document's terms does not decode" + context);
  for (size_t k = 0; k < list.size(); ++k) {
    const auto positions = terms.terms[k].positions;
    const auto decoded = list.PositionsOf(k);
    FUZZ_CHECK(std::vector<uint32_t>(decoded.begin(), decoded.end()) ==
                   std::vector<uint32_t>(positions.begin(), positions.end()),
               "positions of " + Escape(std::string(terms.terms[k].term)) +
                   " change in a posting block" + context);
  }
}

}  // namespace accord::fuzz

#endif  // ACCORD_TESTS_FUZZ_ANALYSIS_CHECKS_H_
