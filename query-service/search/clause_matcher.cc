#include "query-service/search/clause_matcher.h"

#include <algorithm>
#include <iterator>

namespace accord::query {
namespace {

void AppendEntry(const index::PostingList& from, size_t i,
                 index::PostingList* to) {
  to->docs.push_back(from.docs[i]);
  to->freqs.push_back(from.freqs[i]);
  if (from.has_positions()) {
    absl::Span<const uint32_t> positions = from.PositionsOf(i);
    to->positions.insert(to->positions.end(), positions.begin(),
                         positions.end());
    to->position_starts.push_back(static_cast<uint32_t>(to->positions.size()));
  }
}

}  // namespace

index::PostingList UnionPostings(const index::PostingList& a,
                                 const index::PostingList& b) {
  index::PostingList out;
  const bool positions = a.has_positions() && b.has_positions();
  if (positions) out.position_starts.push_back(0);
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a.docs[i] < b.docs[j])) {
      AppendEntry(a, i++, &out);
    } else if (i == a.size() || b.docs[j] < a.docs[i]) {
      AppendEntry(b, j++, &out);
    } else {
      out.docs.push_back(a.docs[i]);
      if (positions) {
        absl::Span<const uint32_t> pa = a.PositionsOf(i), pb = b.PositionsOf(j);
        size_t before = out.positions.size();
        std::set_union(pa.begin(), pa.end(), pb.begin(), pb.end(),
                       std::back_inserter(out.positions));
        out.freqs.push_back(
            static_cast<uint32_t>(out.positions.size() - before));
        out.position_starts.push_back(
            static_cast<uint32_t>(out.positions.size()));
      } else {
        out.freqs.push_back(a.freqs[i] + b.freqs[j]);
      }
      ++i;
      ++j;
    }
  }
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
  out->Clear();
  for (const std::string& term : alternatives) {
    index::PostingList list;
    absl::Status read =
        candidates == nullptr
            ? store_->ReadPostings(term, snapshot_, /*with_positions=*/false,
                                   &list)
            : store_->ReadPostingsOf(term, snapshot_, *candidates, &list);
    if (!read.ok()) return read;
    if (list.size() == 0) continue;
    if (out->size() == 0) {
      *out = std::move(list);
    } else {
      *out = UnionPostings(*out, list);
    }
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
