// The "news" corpus profile, the benchmark's headline corpus: agency
// wires shaped like the templated ones (headline, stamp, dateline,
// paragraphs, captions, source line) whose vocabulary grows with the corpus
// as real news does. Sentences are the team's templates (lang_*.cc) and the
// news templates beside them; their slots draw mostly from the team lists
// (the frequent head of each language) and otherwise from the long tail:
// dictionary words, generated people, places and organizations, amounts,
// percentages, dates and identifiers (news_language.h, news_numbers.h).
// Articles average about 2.7 KB, like real wires.
//
// Thread-safe: immutable after Create.
#ifndef ACCORD_BENCH_CORPUS_INTERNAL_NEWS_ARTICLE_H_
#define ACCORD_BENCH_CORPUS_INTERNAL_NEWS_ARTICLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/corpus/generator.h"
#include "bench/corpus/internal/news_language.h"

namespace accord::bench::internal {

class NewsCorpus {
 public:
  // Loads every language's dictionary from `dictionary_dir`; fails naming
  // the first missing one and its Debian package.
  static absl::StatusOr<std::unique_ptr<NewsCorpus>> Create(
      uint64_t seed, const std::string& dictionary_dir);

  // Document `index`: the same for the same seed and dictionaries.
  GeneratedDoc Article(uint64_t index) const;

 private:
  NewsCorpus(uint64_t seed,
             std::vector<std::unique_ptr<NewsLanguage>> languages)
      : seed_(seed), languages_(std::move(languages)) {}

  const uint64_t seed_;
  // In AllVocabularies() order.
  const std::vector<std::unique_ptr<NewsLanguage>> languages_;
};

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_NEWS_ARTICLE_H_
