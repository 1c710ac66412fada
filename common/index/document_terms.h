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

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "accord/v1/document.pb.h"
#include "common/analysis/analyzer.h"
#include "common/index/token_spans.h"

namespace accord::index {

// The distinct terms of one document, sorted, each with its positions in
// ascending order. The terms' bytes are in one buffer and the positions of
// all terms in another: a few bytes a term beyond its text and positions,
// where a vector of strings each with a vector of positions took some 90
// (and two allocations) a term. A bundle holds every document's terms in
// memory until its commit (ingest-service/bundle_memory.h), and a news
// document has hundreds of distinct terms.
//
//   for (const auto& [term, positions] : terms.terms) ...
class TermPositions {
 public:
  struct Entry {
    std::string_view term;
    absl::Span<const uint32_t> positions;
  };

  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Entry;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Entry;

    Iterator() = default;
    Entry operator*() const { return (*list_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++i_;
      return before;
    }
    friend bool operator==(const Iterator&, const Iterator&) = default;

   private:
    friend class TermPositions;
    Iterator(const TermPositions* list, size_t i) : list_(list), i_(i) {}
    const TermPositions* list_ = nullptr;
    size_t i_ = 0;
  };

  TermPositions() = default;
  // From (term, positions) pairs in any order (tests, tools); each term
  // once, its positions ascending.
  TermPositions(
      std::initializer_list<std::pair<std::string, std::vector<uint32_t>>>
          pairs);
  explicit TermPositions(
      std::vector<std::pair<std::string, std::vector<uint32_t>>> pairs);

  // Appends a term after the last one. REQUIRES: `term` sorts after every
  // term added before; `positions` ascending.
  void Add(std::string_view term, absl::Span<const uint32_t> positions);
  // Room for `terms` terms of `term_bytes` bytes with `positions` positions
  // in all.
  void Reserve(size_t terms, size_t term_bytes, size_t positions);

  size_t size() const { return term_ends_.size(); }
  bool empty() const { return term_ends_.empty(); }
  Entry operator[](size_t i) const {
    const uint32_t term_begin = i == 0 ? 0 : term_ends_[i - 1];
    const uint32_t positions_begin = i == 0 ? 0 : position_ends_[i - 1];
    return {
        std::string_view(bytes_).substr(term_begin, term_ends_[i] - term_begin),
        absl::MakeConstSpan(positions_.data() + positions_begin,
                            position_ends_[i] - positions_begin)};
  }
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, size()); }

  // The heap bytes it holds.
  size_t MemoryBytes() const;

  friend bool operator==(const TermPositions&, const TermPositions&) = default;

 private:
  std::string bytes_;                    // the terms, one after the other
  std::vector<uint32_t> term_ends_;      // where term i ends in bytes_
  std::vector<uint32_t> positions_;      // the positions, term by term
  std::vector<uint32_t> position_ends_;  // where term i's positions end
};

struct DocumentTerms {
  // Number of words, the document length of BM25.
  uint32_t length = 0;
  // Each distinct term with its ascending positions, sorted by term.
  TermPositions terms;
  // Where each of those positions was written, in position order.
  std::vector<TokenSpan> spans;
};

// Analyzes the title, dateline place and paragraphs of `document` in its
// language.
DocumentTerms BuildDocumentTerms(const analysis::Analyzer& analyzer,
                                 const accord::v1::Document& document);

}  // namespace accord::index

#endif  // ACCORD_COMMON_INDEX_DOCUMENT_TERMS_H_
