// Fuzz target: stored document records as the store and its readers use
// them: the accord.v1.Document parse of Store::GetDocument(s)
// (common/store/store.cc), then what query-service builds from a record:
// the GetDocument response, a SearchHit with its snippets (MakeSnippets,
// query-service/search/snippets.h), and the record's index terms.
//
// Feeds the whole input as a stored value of the documents column family.
// The query terms for snippets are drawn from the record's own terms (and
// one that matches nothing), as a search that found the record would have.
//
// Asserts:
//  - a record that parses has valid UTF-8 in every string (proto3), and
//    serializes and parses back equal; the GetDocument response and a
//    SearchHit built from it serialize and parse back (gRPC can send them);
//  - snippets, computed as a search does (the terms' positions looked up in
//    the record's token spans), with the default options and with a small
//    window: some snippet when a searched word is in the title or a
//    paragraph; at most
//    max_snippets, each from an existing part (-1 the title), valid UTF-8,
//    the whole part when it fits, else a window of the part of at most
//    max_snippet_bytes (+3 bytes at each end to finish a code point; wider
//    only to show one matched word longer than that) with "…" exactly where
//    it was cut; highlights non-empty, in order, inside
//    the text, on code point boundaries, each a word of the part whose term
//    was searched; marked_text is text with <mark></mark> at the highlights;
//  - the record's index terms keep BuildDocumentTerms's contract
//    (analysis_checks.h);
//  - the input read as token spans of the record: DataLoss, or snippets
//    of existing parts in valid UTF-8.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "accord/v1/query_service.pb.h"
#include "common/analysis/analyzer.h"
#include "common/index/document_terms.h"
#include "common/index/token_spans.h"
#include "query-service/search/snippets.h"
#include "tests/fuzz/analysis_checks.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

constexpr std::string_view kEllipsis = "…";

const accord::analysis::Analyzer& SharedAnalyzer() {
  static const auto* analyzer =
      accord::analysis::Analyzer::Create().value().release();
  return *analyzer;
}

template <typename Message>
void CheckWireRoundTrip(const Message& message, const std::string& what) {
  std::string bytes;
  FUZZ_CHECK(message.SerializeToString(&bytes), what + " does not serialize");
  Message parsed;
  FUZZ_CHECK(parsed.ParseFromString(bytes),
             what + " does not parse back (invalid UTF-8?): " +
                 message.ShortDebugString());
  // Compared as bytes: a NaN float is not equal to itself.
  FUZZ_CHECK(parsed.SerializeAsString() == bytes,
             what + " changes in a round trip: " + message.ShortDebugString());
}

// Whether `text` is `part`, or a window of it with "…" where it was cut, of
// at most `max_bytes` (+ 3 at each end to finish a code point).
bool IsWindowOf(std::string_view text, std::string_view part,
                size_t max_bytes) {
  if (text == part) return true;
  for (const bool lead : {false, true}) {
    for (const bool trail : {false, true}) {
      std::string_view core = text;
      if (lead) {
        if (!absl::StartsWith(AsAbsl(core), AsAbsl(kEllipsis))) continue;
        core.remove_prefix(kEllipsis.size());
      }
      if (trail) {
        if (!absl::EndsWith(AsAbsl(core), AsAbsl(kEllipsis))) continue;
        core.remove_suffix(kEllipsis.size());
      }
      if (core.size() > max_bytes + 6) continue;
      for (size_t at = part.find(core); at != std::string_view::npos;
           at = part.find(core, at + 1)) {
        if ((at > 0) == lead && (at + core.size() < part.size()) == trail)
          return true;
      }
    }
  }
  return false;
}

// The (position, query word) pairs of the searched terms in `terms`, as a
// search reads them from the postings.
std::vector<std::pair<uint32_t, int>> PositionWords(
    const accord::index::DocumentTerms& terms,
    const absl::flat_hash_map<std::string, int>& term_words) {
  std::vector<std::pair<uint32_t, int>> position_words;
  for (const auto& [term, positions] : terms.terms) {
    auto it = term_words.find(std::string(term));
    if (it == term_words.end()) continue;
    for (uint32_t p : positions) position_words.emplace_back(p, it->second);
  }
  std::sort(position_words.begin(), position_words.end());
  return position_words;
}

void CheckSnippets(const accord::v1::Document& doc,
                   const accord::index::DocumentTerms& terms,
                   const absl::flat_hash_map<std::string, int>& term_words,
                   const accord::query::SnippetOptions& options) {
  const std::string context =
      absl::StrCat("\n  max_snippet_bytes ", options.max_snippet_bytes,
                   "\n  document: ", doc.ShortDebugString());
  absl::StatusOr<std::vector<accord::query::SnippetMatch>> matches =
      accord::query::MatchesFromSpans(
          PositionWords(terms, term_words),
          accord::index::EncodeTokenSpans(terms.spans));
  FUZZ_CHECK(matches.ok(), "the document's own token spans do not decode: " +
                               matches.status().ToString() + context);
  const std::vector<accord::v1::Snippet> snippets =
      accord::query::MakeSnippets(doc, *matches, options);
  FUZZ_CHECK(snippets.size() <= static_cast<size_t>(options.max_snippets),
             "too many snippets" + context);
  std::vector<accord::analysis::Token> tokens;
  // A searched word in the title or a paragraph shows in some snippet.
  bool any_searched = false;
  for (int part = -1; part < doc.paragraphs_size() && !any_searched; ++part) {
    SharedAnalyzer().Analyze(
        part == -1 ? doc.title() : doc.paragraphs(part).text(),
        doc.language().code(), &tokens);
    for (const auto& t : tokens) any_searched |= term_words.contains(t.term);
  }
  FUZZ_CHECK(
      !any_searched || !snippets.empty(),
      "a searched word is in the text but no snippet shows it" + context);
  accord::v1::SearchHit hit;
  for (const accord::v1::Snippet& s : snippets) {
    const std::string where = "\n  snippet: " + s.ShortDebugString() + context;
    FUZZ_CHECK(s.paragraph() >= -1 && s.paragraph() < doc.paragraphs_size(),
               "snippet of a part that does not exist" + where);
    const std::string& part = s.paragraph() == -1
                                  ? doc.title()
                                  : doc.paragraphs(s.paragraph()).text();
    const std::string& text = s.text();
    FUZZ_CHECK(IsValidUtf8(text) && IsValidUtf8(s.marked_text()),
               "snippet is not UTF-8" + where);
    if (part.size() <= options.max_snippet_bytes) {
      FUZZ_CHECK(text == part, "a part that fits is not shown whole" + where);
    }
    // A matched word longer than the window widens it (snippets.h).
    size_t longest = 0;
    for (const auto& r : s.highlights()) {
      longest = std::max<size_t>(longest, r.end() - r.begin());
    }
    const size_t window = std::max(options.max_snippet_bytes,
                                   options.max_snippet_bytes / 4 + longest);
    FUZZ_CHECK(IsWindowOf(text, part, window),
               "snippet is not a window of its part" + where);
    FUZZ_CHECK(s.highlights_size() > 0,
               "snippet without a highlighted match" + where);

    SharedAnalyzer().Analyze(part, doc.language().code(), &tokens);
    std::string marked;
    uint32_t cursor = 0;
    for (const accord::v1::TextRange& r : s.highlights()) {
      FUZZ_CHECK(
          r.begin() >= cursor && r.begin() < r.end() && r.end() <= text.size(),
          "highlights out of order or outside the text" + where);
      FUZZ_CHECK(IsBoundary(text, r.begin()) && IsBoundary(text, r.end()),
                 "highlight cuts a code point" + where);
      const std::string_view word =
          std::string_view(text).substr(r.begin(), r.end() - r.begin());
      bool searched = false;
      for (const auto& t : tokens) {
        searched |=
            term_words.contains(t.term) &&
            std::string_view(part).substr(t.begin, t.end - t.begin) == word;
      }
      FUZZ_CHECK(searched,
                 "highlight " + Escape(word) + " is no searched word" + where);
      absl::StrAppend(&marked, text.substr(cursor, r.begin() - cursor),
                      "<mark>", AsAbsl(word), "</mark>");
      cursor = r.end();
    }
    marked += text.substr(cursor);
    FUZZ_CHECK(marked == s.marked_text(),
               "marked_text is not text with its highlights marked" + where);
    *hit.add_snippets() = s;
  }
  hit.set_document_id(doc.id());
  hit.set_title(doc.title());
  hit.set_language(doc.language().code());
  hit.set_published(doc.publication().iso8601());
  CheckWireRoundTrip(hit, "SearchHit");
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  accord::v1::Document doc;
  // As Store::GetDocuments parses a value; a failure there is DataLoss.
  if (!doc.ParseFromArray(data, static_cast<int>(size))) return 0;

  for (const std::string* s :
       {&doc.id(), &doc.title(), &doc.language().code(),
        &doc.dateline().place(), &doc.publication().iso8601(),
        &doc.source().url()}) {
    FUZZ_CHECK(IsValidUtf8(*s), "a parsed string is not UTF-8: " + Escape(*s));
  }
  for (const auto& p : doc.paragraphs()) {
    FUZZ_CHECK(IsValidUtf8(p.text()), "a parsed paragraph is not UTF-8");
  }
  CheckWireRoundTrip(doc, "Document");
  accord::v1::GetDocumentResponse response;
  *response.mutable_document() = doc;
  CheckWireRoundTrip(response, "GetDocumentResponse");

  const accord::index::DocumentTerms terms =
      accord::index::BuildDocumentTerms(SharedAnalyzer(), doc);
  CheckDocumentTerms(SharedAnalyzer(), doc, terms,
                     "\n  document: " + doc.ShortDebugString());

  // Query words: some of the record's own terms, and one it lacks.
  absl::flat_hash_map<std::string, int> term_words;
  term_words.emplace("\x01no such term", 0);
  for (size_t i = 0; i < terms.terms.size() && term_words.size() < 9; ++i) {
    if ((i * 2654435761u + size) % 3 == 0) {
      term_words.emplace(std::string(terms.terms[i].term),
                         static_cast<int>(i % 4));
    }
  }
  CheckSnippets(doc, terms, term_words, accord::query::SnippetOptions());
  accord::query::SnippetOptions small;
  small.max_snippets = 3;
  small.max_snippet_bytes = 16 + size % 48;
  CheckSnippets(doc, terms, term_words, small);

  // Token spans that are not this document's (the input itself read as a
  // spans value) still give UTF-8 snippets of existing parts, or DataLoss.
  absl::StatusOr<std::vector<accord::query::SnippetMatch>> foreign =
      accord::query::MatchesFromSpans(
          PositionWords(terms, term_words),
          absl::string_view(reinterpret_cast<const char*>(data), size));
  if (foreign.ok()) {
    for (const accord::v1::Snippet& s :
         accord::query::MakeSnippets(doc, *foreign, small)) {
      FUZZ_CHECK(s.paragraph() >= -1 && s.paragraph() < doc.paragraphs_size(),
                 "snippet of a part that does not exist (foreign spans)");
      FUZZ_CHECK(IsValidUtf8(s.text()) && IsValidUtf8(s.marked_text()),
                 "snippet from foreign spans is not UTF-8");
    }
  } else {
    FUZZ_CHECK(
        foreign.status().code() == absl::StatusCode::kDataLoss,
        "malformed spans are not DataLoss: " + foreign.status().ToString());
  }
  return 0;
}
