#include "common/index/document_terms.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"

namespace accord::index {

DocumentTerms BuildDocumentTerms(const analysis::Analyzer& analyzer,
                                 const accord::v1::Document& document) {
  const std::string& language = document.language().code();
  absl::flat_hash_map<std::string, std::vector<uint32_t>> positions;
  std::vector<analysis::Token> tokens;
  uint32_t next_position = 0;
  uint32_t words = 0;
  DocumentTerms result;
  auto add_part = [&](uint32_t part, const std::string& text) {
    if (text.empty()) return;
    analyzer.Analyze(text, language, &tokens);
    uint32_t last = 0;
    for (const analysis::Token& token : tokens) {
      positions[token.term].push_back(next_position + token.position);
      // (An empty span cannot be marked; no analyzer token has one.)
      if (token.begin < token.end) {
        result.spans.push_back(
            {next_position + token.position, part, token.begin, token.end});
      }
      last = token.position;
    }
    if (!tokens.empty()) {
      words += static_cast<uint32_t>(tokens.size());
      // One unused position between parts keeps phrases inside a part.
      next_position += last + 2;
    }
  };
  add_part(kTitlePart, document.title());
  // The dateline leaves the body but says where the story happened.
  add_part(kDatelinePart, document.dateline().place());
  for (int i = 0; i < document.paragraphs_size(); ++i) {
    add_part(kFirstParagraphPart + static_cast<uint32_t>(i),
             document.paragraphs(i).text());
  }
  result.length = words;
  result.terms.reserve(positions.size());
  for (auto& [term, list] : positions) {
    result.terms.emplace_back(term, std::move(list));
  }
  std::sort(result.terms.begin(), result.terms.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return result;
}

}  // namespace accord::index
