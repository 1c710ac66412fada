// One language of the news profile, ready to draw from: the team-written
// lists of its pack (the head of the vocabulary, vocabulary.h), its hunspell
// dictionary in a per-seed order (the long tail, tail_dictionary.h), and
// generators of people, places and organizations.
//
// Why the vocabulary keeps growing: real news vocabulary follows Heaps'
// law (V ~ K * N^beta, beta about 0.5-0.6 in tokens), and its new terms
// are mostly rare words, names and numbers. Here rare words are dictionary
// words drawn with Zipf's law over a random permutation of the dictionary,
// and names are drawn by rank from a space of a billion with a heavy tail
// (random.h, PowerLawSampler): popular ranks recur across documents, as
// well-known people and places do, and new ones keep appearing. A rank
// always renders to the same name for a given seed, so a name drawn in two
// documents is the same string.
//
// Thread-safe: immutable after Create; draws use the caller's SplitMix64.
#ifndef ACCORD_BENCH_CORPUS_INTERNAL_NEWS_LANGUAGE_H_
#define ACCORD_BENCH_CORPUS_INTERNAL_NEWS_LANGUAGE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "bench/corpus/internal/language_pack.h"
#include "bench/corpus/internal/random.h"
#include "bench/corpus/internal/tail_dictionary.h"
#include "bench/corpus/internal/vocabulary.h"

namespace accord::bench::internal {

class NewsLanguage {
 public:
  // Loads the pack's dictionary from `dictionary_dir` (see TailDictionary::
  // Load for the errors) and orders it for `seed`.
  static absl::StatusOr<std::unique_ptr<NewsLanguage>> Create(
      const Vocabulary& vocab, const std::string& dictionary_dir,
      uint64_t seed);

  const Vocabulary& vocab() const { return vocab_; }
  const LanguagePack& pack() const { return vocab_.pack; }

  // A word of the long tail, as the dictionary lists it (German nouns
  // capitalized); for German sometimes a compound of two dictionary nouns
  // ("Maschinenstillstandverordnung"), as German news coins them.
  std::string TailWord(SplitMix64& rng) const;

  struct Person {
    std::string first;
    std::string last;
  };
  // New entities of the news world, heavy-tailed by rank (see above).
  Person DrawPerson(SplitMix64& rng) const;
  std::string DrawPlace(SplitMix64& rng) const;
  std::string DrawOrganization(SplitMix64& rng) const;

  // A lower-case pronounceable stem of 1-2 syllables of the language's
  // script. Public for identifiers (news_numbers.h) and tests.
  std::string Stem(SplitMix64& g, int syllables) const;

 private:
  NewsLanguage(const Vocabulary& vocab,
               std::shared_ptr<const TailDictionary> dictionary, uint64_t seed);

  absl::string_view DictionaryWord(SplitMix64& rng) const;
  // Syllables of a name stem: 1 or 2, always 1 for Vietnamese.
  int StemSyllables(SplitMix64& g) const;
  std::string Surname(SplitMix64& g, bool female) const;
  // Fills {S} {s} {W} {U} of a place or organization pattern.
  std::string FillPattern(absl::string_view pattern, SplitMix64& g) const;
  // The stream that renders entity `rank` of `kind`: the same for the same
  // seed, language, kind and rank.
  SplitMix64 EntityStream(uint64_t kind, uint64_t rank) const;

  const Vocabulary& vocab_;
  const std::shared_ptr<const TailDictionary> dictionary_;
  const uint64_t seed_;
  std::vector<uint32_t> order_;  // dictionary index of each tail rank
  PowerLawSampler tail_;
  WordList onsets_, nuclei_, codas_, surname_suffixes_, place_patterns_,
      organization_patterns_;
};

// Upper-cases the first letter of a UTF-8 word (any script, via ICU).
std::string UpperFirst(absl::string_view word);
// Lower-cases the first letter of a UTF-8 word (any script, via ICU).
std::string LowerFirst(absl::string_view word);

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_NEWS_LANGUAGE_H_
