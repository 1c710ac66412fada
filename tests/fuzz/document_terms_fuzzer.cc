// Fuzz target: a document's index terms, BuildDocumentTerms
// (common/index/document_terms.h), and the analyzer under it
// (common/analysis/analyzer.h).
//
// Feeds "<language>\n<title>\n<dateline place>\n<paragraph>\n...": a
// normalized record's indexed parts, in any language tag and any bytes
// (Analyze must not crash on invalid UTF-8).
//
// Asserts:
//  - every part's tokens keep Analyze's contract: positions ascending,
//    spans inside the text, in order, on code point boundaries; terms
//    non-empty without NUL (store keys), valid UTF-8 for UTF-8 text;
//  - the fast word-break path and the term cache change nothing: for UTF-8
//    text, analyzers with fast_word_breaks or term_cache off give identical
//    tokens, as AnalyzerOptions promises;
//  - BuildDocumentTerms is the parts' tokens with positions running on and
//    a gap of one between parts; terms distinct and sorted, positions
//    ascending, length the number of words with a term; positions survive
//    a posting block round trip.
#include <memory>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/index/document_terms.h"
#include "tests/fuzz/analysis_checks.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

using accord::analysis::Analyzer;
using accord::analysis::AnalyzerOptions;

const Analyzer& MakeAnalyzer(bool fast_word_breaks, bool term_cache) {
  AnalyzerOptions options;
  options.fast_word_breaks = fast_word_breaks;
  options.term_cache = term_cache;
  return *Analyzer::Create(options).value().release();
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  static const Analyzer& analyzer = MakeAnalyzer(true, true);
  static const Analyzer& slow_breaks = MakeAnalyzer(false, true);
  static const Analyzer& uncached = MakeAnalyzer(true, false);

  FuzzInput input(data, size);
  accord::v1::Document doc;
  doc.mutable_language()->set_code(std::string(input.Line()));
  doc.set_title(std::string(input.Line()));
  doc.mutable_dateline()->set_place(std::string(input.Line()));
  while (!input.empty())
    doc.add_paragraphs()->set_text(std::string(input.Line()));

  std::vector<accord::analysis::Token> tokens, other;
  auto compare = [&](const std::string& text) {
    const std::string context = "\n  language " +
                                Escape(doc.language().code()) +
                                "\n  text: " + Escape(text);
    analyzer.Analyze(text, doc.language().code(), &tokens);
    CheckTokens(text, tokens, context);
    // Words of invalid UTF-8 are unspecified (Analyze's REQUIRES).
    if (!IsValidUtf8(text)) return;
    slow_breaks.Analyze(text, doc.language().code(), &other);
    FUZZ_CHECK(SameTokens(tokens, other),
               "fast word breaks differ from ICU's BreakIterator" + context);
    uncached.Analyze(text, doc.language().code(), &other);
    FUZZ_CHECK(SameTokens(tokens, other),
               "the term cache changes terms" + context);
  };
  compare(doc.title());
  compare(doc.dateline().place());
  for (const auto& p : doc.paragraphs()) compare(p.text());

  const accord::index::DocumentTerms terms =
      accord::index::BuildDocumentTerms(analyzer, doc);
  CheckDocumentTerms(analyzer, doc, terms,
                     "\n  document: " + Escape(doc.ShortDebugString()));
  return 0;
}
