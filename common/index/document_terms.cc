#include "common/index/document_terms.h"

#include <algorithm>
#include <numeric>

#include "absl/container/flat_hash_map.h"

namespace accord::index {

TermPositions::TermPositions(
    std::initializer_list<std::pair<std::string, std::vector<uint32_t>>> pairs)
    : TermPositions(
          std::vector<std::pair<std::string, std::vector<uint32_t>>>(pairs)) {}

TermPositions::TermPositions(
    std::vector<std::pair<std::string, std::vector<uint32_t>>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  for (const auto& [term, positions] : pairs) Add(term, positions);
}

void TermPositions::Add(std::string_view term,
                        absl::Span<const uint32_t> positions) {
  bytes_.append(term);
  term_ends_.push_back(static_cast<uint32_t>(bytes_.size()));
  positions_.insert(positions_.end(), positions.begin(), positions.end());
  position_ends_.push_back(static_cast<uint32_t>(positions_.size()));
}

void TermPositions::Reserve(size_t terms, size_t term_bytes, size_t positions) {
  bytes_.reserve(term_bytes);
  term_ends_.reserve(terms);
  positions_.reserve(positions);
  position_ends_.reserve(terms);
}

size_t TermPositions::MemoryBytes() const {
  return bytes_.capacity() + (term_ends_.capacity() + positions_.capacity() +
                              position_ends_.capacity()) *
                                 sizeof(uint32_t);
}

DocumentTerms BuildDocumentTerms(const analysis::Analyzer& analyzer,
                                 const accord::v1::Document& document) {
  const std::string& language = document.language().code();
  // Term -> its number, in order of first occurrence; then every
  // occurrence as (number, position), in position order.
  absl::flat_hash_map<std::string, uint32_t> numbers;
  std::vector<std::pair<uint32_t, uint32_t>> occurrences;
  size_t term_bytes = 0;
  std::vector<analysis::Token> tokens;
  uint32_t next_position = 0;
  uint32_t words = 0;
  DocumentTerms result;
  auto add_part = [&](uint32_t part, const std::string& text) {
    if (text.empty()) return;
    analyzer.Analyze(text, language, &tokens);
    uint32_t last = 0;
    for (const analysis::Token& token : tokens) {
      auto [it, added] = numbers.try_emplace(
          token.term, static_cast<uint32_t>(numbers.size()));
      if (added) term_bytes += token.term.size();
      occurrences.emplace_back(it->second, next_position + token.position);
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

  // The terms in sorted order, and each term's rank in it.
  std::vector<const std::string*> term_of(numbers.size());
  for (const auto& [term, number] : numbers) term_of[number] = &term;
  std::vector<uint32_t> sorted(numbers.size());
  std::iota(sorted.begin(), sorted.end(), 0);
  std::sort(sorted.begin(), sorted.end(),
            [&](uint32_t a, uint32_t b) { return *term_of[a] < *term_of[b]; });
  // Each term's positions, gathered by term in sorted order: a counting
  // sort of the occurrences, stable, so positions stay ascending.
  std::vector<uint32_t> first(numbers.size() + 1, 0);
  std::vector<uint32_t> rank(numbers.size());
  for (uint32_t r = 0; r < sorted.size(); ++r) rank[sorted[r]] = r;
  for (const auto& [number, position] : occurrences) ++first[rank[number] + 1];
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<uint32_t> positions(occurrences.size());
  std::vector<uint32_t> next(first.begin(), first.end() - 1);
  for (const auto& [number, position] : occurrences) {
    positions[next[rank[number]]++] = position;
  }
  result.terms.Reserve(sorted.size(), term_bytes, positions.size());
  for (uint32_t r = 0; r < sorted.size(); ++r) {
    result.terms.Add(*term_of[sorted[r]],
                     absl::MakeConstSpan(positions.data() + first[r],
                                         first[r + 1] - first[r]));
  }
  return result;
}

}  // namespace accord::index
