#include "query-service/search/snippets.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/index/token_spans.h"

namespace accord::query {
namespace {

constexpr char kEllipsis[] = "…";

bool OnCodePointBoundary(const std::string& text, size_t at) {
  return at == text.size() ||
         (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

struct Candidate {
  int part;  // -1 title, else paragraph index
  const std::string* text;
  std::vector<std::pair<uint32_t, uint32_t>> matches;  // byte spans
  size_t distinct = 0;
};

// The byte range [begin, end) of `text` to show: all of it when short,
// else a window starting a little before the densest run of matches. The
// window always holds the run's first match, even a word longer than the
// window.
std::pair<size_t, size_t> Window(const Candidate& c, size_t max_bytes) {
  const std::string& text = *c.text;
  if (text.size() <= max_bytes) return {0, text.size()};
  size_t best_start = 0, best_end = 0, best_count = 0;
  for (size_t i = 0; i < c.matches.size(); ++i) {
    size_t count = 1;  // Match i itself, however long.
    for (size_t j = i + 1;
         j < c.matches.size() &&
         c.matches[j].second - c.matches[i].first <= max_bytes * 2 / 3;
         ++j) {
      ++count;
    }
    if (count > best_count) {
      best_count = count;
      best_start = c.matches[i].first;
      best_end = c.matches[i].second;
    }
  }
  size_t begin = best_start > max_bytes / 4 ? best_start - max_bytes / 4 : 0;
  size_t end = std::min(text.size(), std::max(begin + max_bytes, best_end));
  if (end == text.size() && end - begin < max_bytes) {
    begin = end > max_bytes ? end - max_bytes : 0;
  }
  // Snap to spaces so that no word (or UTF-8 sequence) is cut.
  if (begin > 0) {
    size_t space = text.find(' ', begin);
    begin =
        space == std::string::npos || space >= best_start ? begin : space + 1;
    while (begin > 0 &&
           (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) {
      --begin;
    }
  }
  if (end < text.size()) {
    size_t space = text.rfind(' ', end);
    if (space != std::string::npos && space > begin && space >= best_end) {
      end = space;
    }
    while (end < text.size() &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      ++end;
    }
  }
  return {begin, end};
}

accord::v1::Snippet Render(const Candidate& c, size_t max_bytes) {
  auto [begin, end] = Window(c, max_bytes);
  const std::string& text = *c.text;
  accord::v1::Snippet snippet;
  snippet.set_paragraph(c.part);
  std::string plain, marked;
  if (begin > 0) {
    plain.append(kEllipsis);
    marked.append(kEllipsis);
  }
  size_t cursor = begin;
  for (const auto& [mb, me] : c.matches) {
    if (mb < begin || me > end) continue;
    marked.append(text, cursor, mb - cursor);
    plain.append(text, cursor, mb - cursor);
    accord::v1::TextRange* range = snippet.add_highlights();
    range->set_begin(static_cast<uint32_t>(plain.size()));
    plain.append(text, mb, me - mb);
    range->set_end(static_cast<uint32_t>(plain.size()));
    absl::StrAppend(&marked, "<mark>",
                    absl::string_view(text).substr(mb, me - mb), "</mark>");
    cursor = me;
  }
  plain.append(text, cursor, end - cursor);
  marked.append(text, cursor, end - cursor);
  if (end < text.size()) {
    plain.append(kEllipsis);
    marked.append(kEllipsis);
  }
  snippet.set_text(std::move(plain));
  snippet.set_marked_text(std::move(marked));
  return snippet;
}

}  // namespace

absl::StatusOr<std::vector<SnippetMatch>> MatchesFromSpans(
    absl::Span<const std::pair<uint32_t, int>> position_words,
    absl::string_view token_spans) {
  std::vector<uint32_t> positions;
  positions.reserve(position_words.size());
  for (const auto& [position, word] : position_words) {
    positions.push_back(position);
  }
  absl::StatusOr<std::vector<index::TokenSpan>> spans =
      index::FindTokenSpans(token_spans, positions);
  if (!spans.ok()) return spans.status();
  std::vector<SnippetMatch> matches;
  matches.reserve(spans->size());
  size_t w = 0;
  for (const index::TokenSpan& span : *spans) {
    while (position_words[w].first < span.position) ++w;
    matches.push_back(
        {span.part, span.begin, span.end, position_words[w].second});
  }
  return matches;
}

std::vector<accord::v1::Snippet> MakeSnippets(
    const accord::v1::Document& document,
    absl::Span<const SnippetMatch> matches, const SnippetOptions& options) {
  // Group by part, in part order, then by position in the part.
  std::vector<const SnippetMatch*> sorted;
  sorted.reserve(matches.size());
  for (const SnippetMatch& match : matches) sorted.push_back(&match);
  std::sort(sorted.begin(), sorted.end(),
            [](const SnippetMatch* a, const SnippetMatch* b) {
              return a->part != b->part ? a->part < b->part
                                        : a->begin < b->begin;
            });
  std::vector<Candidate> candidates;
  absl::flat_hash_set<int> words;
  for (size_t i = 0; i < sorted.size();) {
    const uint32_t part = sorted[i]->part;
    size_t next = i;
    while (next < sorted.size() && sorted[next]->part == part) ++next;
    const std::string* text = nullptr;
    int shown_as = -1;
    if (part == index::kTitlePart) {
      text = &document.title();
    } else if (part >= index::kFirstParagraphPart &&
               part - index::kFirstParagraphPart <
                   static_cast<uint32_t>(document.paragraphs_size())) {
      shown_as = static_cast<int>(part - index::kFirstParagraphPart);
      text = &document.paragraphs(shown_as).text();
    }
    if (text != nullptr) {
      Candidate candidate{shown_as, text, {}, 0};
      words.clear();
      uint32_t cursor = 0;
      for (size_t j = i; j < next; ++j) {
        const SnippetMatch& m = *sorted[j];
        if (m.begin < cursor || m.begin >= m.end || m.end > text->size() ||
            !OnCodePointBoundary(*text, m.begin) ||
            !OnCodePointBoundary(*text, m.end)) {
          continue;
        }
        candidate.matches.emplace_back(m.begin, m.end);
        words.insert(m.word);
        cursor = m.end;
      }
      candidate.distinct = words.size();
      if (!candidate.matches.empty())
        candidates.push_back(std::move(candidate));
    }
    i = next;
  }
  // Parts are in document order already: a stable sort keeps the earliest
  // first among equals.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.distinct != b.distinct)
                       return a.distinct > b.distinct;
                     return a.matches.size() > b.matches.size();
                   });
  std::vector<accord::v1::Snippet> snippets;
  for (const Candidate& candidate : candidates) {
    if (static_cast<int>(snippets.size()) >= options.max_snippets) break;
    snippets.push_back(Render(candidate, options.max_snippet_bytes));
  }
  return snippets;
}

}  // namespace accord::query
