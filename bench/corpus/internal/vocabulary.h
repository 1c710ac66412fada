// A LanguagePack compiled for drawing: its '|'-separated lists split into
// entries, each list with its Zipf sampler. Built once per process.
// Immutable after construction: thread-safe.
#ifndef ACCORD_BENCH_CORPUS_INTERNAL_VOCABULARY_H_
#define ACCORD_BENCH_CORPUS_INTERNAL_VOCABULARY_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "bench/corpus/internal/language_pack.h"
#include "bench/corpus/internal/random.h"

namespace accord::bench::internal {

class WordList {
 public:
  explicit WordList(absl::string_view joined);

  const std::vector<absl::string_view>& entries() const { return entries_; }
  // An entry, Zipf-distributed by list position.
  absl::string_view Draw(SplitMix64& rng) const {
    return entries_[zipf_.Draw(rng)];
  }
  // An entry, uniformly.
  absl::string_view Uniform(SplitMix64& rng) const {
    return entries_[rng.Below(entries_.size())];
  }

 private:
  std::vector<absl::string_view> entries_;
  ZipfSampler zipf_;
};

struct Vocabulary {
  explicit Vocabulary(const LanguagePack& pack);

  // True when `word` (any case, ASCII/Cyrillic folding only) is a function
  // word.
  bool IsStopword(absl::string_view word) const;

  const LanguagePack& pack;
  WordList nouns, adjectives, verbs, topics, titles, first_names, last_names,
      countries, cities, organizations, agencies, months, stopwords;
};

// The six vocabularies, in the order of the corpus shares (en, fr, de, es,
// ru, vi).
const std::vector<const Vocabulary*>& AllVocabularies();

// Picks a vocabulary by the languages' weight_percent.
const Vocabulary& DrawVocabulary(SplitMix64& rng);

// Lower-cases ASCII and basic Cyrillic letters; other bytes unchanged.
std::string SimpleLower(absl::string_view word);

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_VOCABULARY_H_
