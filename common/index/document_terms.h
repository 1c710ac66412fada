// DocumentTerms: what the index stores of one document, built at ingest.
//
// The indexed text of a document is its title, its dateline place and its
// paragraphs, analyzed with the document's language
// (common/analysis/analyzer.h). Word positions run on across the parts with a
// gap of one between parts, so a phrase never matches across a paragraph break.
// Each position that yielded a term also keeps where its word was written
// (token_spans.h), for snippets.
#ifndef ACCORD_COMMON_INDEX_DOCUMENT_TERMS_H_
#define ACCORD_COMMON_INDEX_DOCUMENT_TERMS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "accord/v1/document.pb.h"
#include "common/analysis/analyzer.h"
#include "common/index/token_spans.h"

namespace accord::index {

struct DocumentTerms {
  // Number of words, the document length of BM25.
  uint32_t length = 0;
  // Each distinct term with its ascending positions, sorted by term.
  std::vector<std::pair<std::string, std::vector<uint32_t>>> terms;
  // Where each of those positions was written, in position order.
  std::vector<TokenSpan> spans;
};

// Analyzes the title, dateline place and paragraphs of `document` in its
// language.
DocumentTerms BuildDocumentTerms(const analysis::Analyzer& analyzer,
                                 const accord::v1::Document& document);

}  // namespace accord::index

#endif  // ACCORD_COMMON_INDEX_DOCUMENT_TERMS_H_
