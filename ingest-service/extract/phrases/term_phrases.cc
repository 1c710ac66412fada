#include "ingest-service/extract/phrases/term_phrases.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "common/index/token_spans.h"

namespace accord::extract {

std::string BodyText(const accord::v1::Document& document) {
  std::string body;
  for (int i = 0; i < document.paragraphs_size(); ++i) {
    if (i > 0) body += "\n\n";
    body += document.paragraphs(i).text();
  }
  return body;
}

std::string PrimaryLanguage(std::string_view code) {
  const size_t dash = code.find_first_of("-_");
  std::string primary(code.substr(0, dash));
  absl::AsciiStrToLower(&primary);
  return primary;
}

absl::StatusOr<size_t> TermPhrases::Add(std::string_view language,
                                        std::string_view text) {
  std::vector<analysis::Token> tokens;
  analyzer_->Analyze(text, language, &tokens);
  Phrase phrase{std::string(language), {}, {}};
  for (size_t i = 0; i < tokens.size(); ++i) {
    // A word that yields no term (too long) leaves a gap no document run
    // can match.
    if (tokens[i].position != tokens[0].position + i) {
      phrase.terms.clear();
      break;
    }
    phrase.terms.push_back(std::move(tokens[i].term));
  }
  if (phrase.terms.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", absl::string_view(text.data(), text.size()),
                     "' has no run of indexed words"));
  }
  Language& language_phrases = languages_[phrase.language];
  for (const std::string& term : phrase.terms) {
    auto at = std::lower_bound(language_phrases.sorted.begin(),
                               language_phrases.sorted.end(), term,
                               [](const auto& entry, const std::string& t) {
                                 return entry.first < t;
                               });
    if (at == language_phrases.sorted.end() || at->first != term) {
      const auto id = static_cast<uint32_t>(language_phrases.sorted.size());
      language_phrases.starting.emplace_back();
      at = language_phrases.sorted.insert(at, {term, id});
    }
    phrase.term_ids.push_back(at->second);
  }
  language_phrases.starting[phrase.term_ids.front()].push_back(
      static_cast<uint32_t>(phrases_.size()));
  phrases_.push_back(std::move(phrase));
  return phrases_.size() - 1;
}

std::vector<TermPhrases::Match> TermPhrases::Find(
    const index::DocumentTerms& terms,
    const accord::v1::Document& document) const {
  std::vector<Match> found;
  const auto language =
      languages_.find(PrimaryLanguage(document.language().code()));
  if (language == languages_.end()) return found;
  const Language& phrases = language->second;

  // terms.spans is in position order.
  auto span_at = [&](uint32_t position) -> const index::TokenSpan* {
    auto it = std::lower_bound(
        terms.spans.begin(), terms.spans.end(), position,
        [](const index::TokenSpan& s, uint32_t p) { return s.position < p; });
    return it != terms.spans.end() && it->position == position ? &*it : nullptr;
  };

  // By term id: the term's positions in the document, or null. Both lists
  // are sorted by term: walk them side by side.
  std::vector<std::optional<absl::Span<const uint32_t>>> positions_of(
      phrases.sorted.size());
  // The ids present that start a phrase, in term order.
  std::vector<uint32_t> firsts;
  auto term = phrases.sorted.begin();
  for (const auto& [document_term, positions] : terms.terms) {
    while (term != phrases.sorted.end() && term->first < document_term) ++term;
    if (term == phrases.sorted.end()) break;
    if (term->first != document_term) continue;
    positions_of[term->second] = positions;
    if (!phrases.starting[term->second].empty()) firsts.push_back(term->second);
  }

  std::vector<absl::Span<const uint32_t>> rest;
  for (const uint32_t first_id : firsts) {
    const absl::Span<const uint32_t> positions = *positions_of[first_id];
    for (const uint32_t index : phrases.starting[first_id]) {
      const Phrase& phrase = phrases_[index];
      rest.clear();
      bool present = true;
      for (size_t k = 1; k < phrase.term_ids.size() && present; ++k) {
        const auto& of = positions_of[phrase.term_ids[k]];
        present = of.has_value();
        if (present) rest.push_back(*of);
      }
      if (!present) continue;
      for (const uint32_t start : positions) {
        bool all = true;
        for (size_t k = 0; k < rest.size() && all; ++k) {
          all = std::binary_search(rest[k].begin(), rest[k].end(),
                                   start + static_cast<uint32_t>(k + 1));
        }
        if (!all) continue;
        const uint32_t end = start + static_cast<uint32_t>(phrase.terms.size());
        const index::TokenSpan* first = span_at(start);
        const index::TokenSpan* last = span_at(end - 1);
        // Positions run on across parts with a gap, so a run is inside
        // one part; the dateline's place is no part of the text proper.
        if (first == nullptr || last == nullptr || first->part != last->part ||
            first->part == index::kDatelinePart) {
          continue;
        }
        Match match;
        match.phrase = index;
        match.start = start;
        match.end = end;
        if (first->part == index::kTitlePart) {
          match.span.set_part(accord::v1::TEXT_PART_TITLE);
          match.span.set_begin(first->begin);
          match.span.set_end(last->end);
          match.surface = std::string_view(document.title())
                              .substr(first->begin, last->end - first->begin);
        } else {
          const int paragraph =
              static_cast<int>(first->part - index::kFirstParagraphPart);
          if (paragraph >= document.paragraphs_size()) continue;
          const uint32_t offset = document.paragraphs(paragraph).offset();
          match.span.set_part(accord::v1::TEXT_PART_BODY);
          match.span.set_begin(offset + first->begin);
          match.span.set_end(offset + last->end);
          match.surface =
              std::string_view(document.paragraphs(paragraph).text())
                  .substr(first->begin, last->end - first->begin);
        }
        found.push_back(std::move(match));
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.phrase < b.phrase;
  });
  return found;
}

}  // namespace accord::extract
