#include "query-service/search/clause_matcher.h"

#include <algorithm>
#include <iterator>

#include "absl/container/inlined_vector.h"

namespace accord::query {

void UnionPostings(absl::Span<const index::PostingList* const> lists,
                   index::PostingList* out) {
  out->Clear();
  bool positions = !lists.empty();
  size_t total = 0;
  for (const index::PostingList* list : lists) {
    positions = positions && list->has_positions();
    total += list->size();
  }
  out->docs.reserve(total);
  out->freqs.reserve(total);
  if (positions) out->position_starts.push_back(0);
  // Few lists (one per alternative of a word): the next document is the
  // least of their heads, found by a scan.
  absl::InlinedVector<size_t, 8> at(lists.size(), 0);
  for (;;) {
    uint32_t doc = UINT32_MAX;
    bool any = false;
    for (size_t i = 0; i < lists.size(); ++i) {
      if (at[i] < lists[i]->size()) {
        doc = std::min(doc, lists[i]->docs[at[i]]);
        any = true;
      }
    }
    if (!any) break;
    out->docs.push_back(doc);
    uint32_t freq = 0;
    const size_t first_position = out->positions.size();
    int holders = 0;
    for (size_t i = 0; i < lists.size(); ++i) {
      const index::PostingList& list = *lists[i];
      if (at[i] >= list.size() || list.docs[at[i]] != doc) continue;
      ++holders;
      if (positions) {
        absl::Span<const uint32_t> p = list.PositionsOf(at[i]);
        out->positions.insert(out->positions.end(), p.begin(), p.end());
      } else {
        freq += list.freqs[at[i]];
      }
      ++at[i];
    }
    if (positions) {
      if (holders > 1) {
        // Two alternatives never share a position (one term per word), but
        // a union must still be a set.
        auto begin = out->positions.begin() + first_position;
        std::sort(begin, out->positions.end());
        out->positions.erase(std::unique(begin, out->positions.end()),
                             out->positions.end());
      }
      freq = static_cast<uint32_t>(out->positions.size() - first_position);
      out->position_starts.push_back(
          static_cast<uint32_t>(out->positions.size()));
    }
    out->freqs.push_back(freq);
  }
}

index::PostingList UnionPostings(const index::PostingList& a,
                                 const index::PostingList& b) {
  index::PostingList out;
  const index::PostingList* lists[] = {&a, &b};
  UnionPostings(lists, &out);
  return out;
}

ClauseMatches MatchPhrase(const std::vector<index::PostingList>& words) {
  ClauseMatches out;
  if (words.empty()) return out;
  std::vector<size_t> cursor(words.size(), 0);
  for (size_t d = 0; d < words[0].size(); ++d) {
    const uint32_t doc = words[0].docs[d];
    bool everywhere = true;
    for (size_t w = 1; w < words.size() && everywhere; ++w) {
      const std::vector<uint32_t>& docs = words[w].docs;
      cursor[w] = std::lower_bound(docs.begin() + cursor[w], docs.end(), doc) -
                  docs.begin();
      everywhere = cursor[w] < docs.size() && docs[cursor[w]] == doc;
    }
    if (!everywhere) continue;
    uint32_t occurrences = 0;
    for (uint32_t start : words[0].PositionsOf(d)) {
      bool match = true;
      for (size_t w = 1; w < words.size() && match; ++w) {
        absl::Span<const uint32_t> positions = words[w].PositionsOf(cursor[w]);
        match = std::binary_search(positions.begin(), positions.end(),
                                   start + static_cast<uint32_t>(w));
      }
      occurrences += match;
    }
    if (occurrences > 0) {
      out.docs.push_back(doc);
      out.freqs.push_back(occurrences);
    }
  }
  return out;
}

absl::Status ClauseMatcher::ReadWord(
    const std::vector<std::string>& alternatives,
    const std::vector<uint32_t>* candidates, index::PostingList* out) const {
  // One list per alternative, kept by the thread between searches so that
  // reading reuses their memory.
  thread_local std::vector<index::PostingList> lists;
  if (lists.size() < alternatives.size()) lists.resize(alternatives.size());
  absl::InlinedVector<const index::PostingList*, 8> found;
  size_t last_found = 0;
  for (size_t i = 0; i < alternatives.size(); ++i) {
    index::PostingList& list = lists[i];
    list.Clear();
    absl::Status read =
        candidates != nullptr
            ? store_->ReadPostingsOf(alternatives[i], snapshot_, *candidates,
                                     &list)
        : windowed_
            ? store_->ReadPostingsOf(alternatives[i], snapshot_, window_, &list)
            : store_->ReadPostings(alternatives[i], snapshot_,
                                   /*with_positions=*/false, &list);
    if (!read.ok()) return read;
    if (list.size() > 0) {
      found.push_back(&list);
      last_found = i;
    }
  }
  if (found.size() == 1) {
    out->Clear();
    std::swap(*out, lists[last_found]);  // no copy
  } else {
    UnionPostings(found, out);
  }
  if (candidates != nullptr && out->position_starts.empty()) {
    out->position_starts.push_back(0);
  }
  return absl::OkStatus();
}

absl::Status ClauseMatcher::Match(const analysis::Clause& clause,
                                  ClauseMatches* out) const {
  out->docs.clear();
  out->freqs.clear();
  if (!clause.is_phrase()) {
    index::PostingList list;
    if (absl::Status read = ReadWord(clause.words[0], nullptr, &list);
        !read.ok()) {
      return read;
    }
    out->docs = std::move(list.docs);
    out->freqs = std::move(list.freqs);
    return absl::OkStatus();
  }
  // First the documents that hold every word, without positions; then the
  // positions of those candidates only. A phrase of common words thus
  // decodes the positions of the few documents that may hold it, not of
  // every document that holds one of its words.
  std::vector<uint32_t> candidates;
  index::PostingList list;
  for (size_t w = 0; w < clause.words.size(); ++w) {
    if (absl::Status read = ReadWord(clause.words[w], nullptr, &list);
        !read.ok()) {
      return read;
    }
    if (w == 0) {
      candidates = std::move(list.docs);
    } else {
      std::vector<uint32_t> both;
      std::set_intersection(candidates.begin(), candidates.end(),
                            list.docs.begin(), list.docs.end(),
                            std::back_inserter(both));
      candidates = std::move(both);
    }
    if (candidates.empty()) return absl::OkStatus();
  }
  std::vector<index::PostingList> words(clause.words.size());
  for (size_t w = 0; w < clause.words.size(); ++w) {
    if (absl::Status read = ReadWord(clause.words[w], &candidates, &words[w]);
        !read.ok()) {
      return read;
    }
  }
  *out = MatchPhrase(words);
  return absl::OkStatus();
}

}  // namespace accord::query
