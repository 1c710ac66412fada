// A per-thread memo of word -> term for one document language.
//
// By Zipf's law most words of a text are repeats of a few thousand, and
// Snowball stemming is most of the analyzer's cost (over half for French
// and German), so the analyzer remembers the terms of recent words. The
// cache is direct-mapped (a word's hash picks its one slot; a new word
// evicts the old), fixed in size, and its strings keep their buffers:
// steady-state analysis allocates nothing here.
//
// Not thread-safe: each thread owns its caches (see analyzer.cc).
#ifndef ACCORD_COMMON_ANALYSIS_INTERNAL_TERM_CACHE_H_
#define ACCORD_COMMON_ANALYSIS_INTERNAL_TERM_CACHE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::analysis::internal {

class TermCache {
 public:
  // Longer words are not cached: rare, and they would need heap buffers.
  static constexpr size_t kMaxWordBytes = 24;

  struct Entry {
    std::string word;           // the word as it appears in the text
    std::string term;           // its term, or "" when it yields none
    uint32_t folded_bytes = 0;  // length after casefold + elide
    uint32_t elided = 0;        // original bytes elided ("l'" -> 2)
  };

  // REQUIRES: slots is a power of two.
  explicit TermCache(size_t slots = 4096) : entries_(slots) {}

  // The slot of `word`: a hit when slot.word == word.
  Entry& Slot(std::string_view word) {
    return entries_[Hash(word) & (entries_.size() - 1)];
  }

 private:
  static uint64_t Hash(std::string_view word) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ word.size();
    for (unsigned char c : word) h = (h ^ c) * 0x100000001B3ULL;
    return h ^ (h >> 29);
  }

  std::vector<Entry> entries_;
};

}  // namespace accord::analysis::internal

#endif  // ACCORD_COMMON_ANALYSIS_INTERNAL_TERM_CACHE_H_
