// The benchmark corpus: multilingual news articles, as crawlers deliver
// them, generated deterministically from a seed. Document i of seed s is
// the same on every machine and build (given the same Debian dictionaries,
// for the news profile), and can be generated on its own (no state is
// carried from one document to the next), so a corpus of any size can be
// produced, split or regenerated in parallel.
//
// What a document looks like (plain text, lines separated by '\n'):
//   Vietnam and Russia discuss information security     <- headline
//   November 28, 2019 | 11:12 am GMT+7                  <- stamp (sometimes)
//   Hanoi (VNA) – Vietnam and Russia have signed ...    <- dateline + lead
//   ... paragraphs ...
//   Delegates ... at the meeting in Hanoi (Photo: VNA)  <- caption (sometimes)
//   Source: https://...                                 <- source (sometimes)
// Accord's ingest normalizer sets the stamp, captions and source line aside
// rather than index them; GeneratedDoc::aside_lines says which lines they
// are, so that queries are drawn from the lines every engine indexes.
// Languages and their shares: en 35%, fr 20%, de 15%, es 10%, ru 10%,
// vi 10%.
//
// Two profiles:
//  - news (the default, the headline figures): the vocabulary grows with
//    the corpus as real news does (Heaps' law): the team-written word
//    lists and templates (bench/corpus/internal/lang_*.cc) are the
//    frequent head; a long tail comes from the hunspell dictionaries
//    Debian ships (/usr/share/hunspell, read at run time), generated names
//    of people, places and organizations, numbers, dates and identifiers.
//    Articles average about 2.7 KB. See internal/news_article.h.
//  - templated: the team lists and templates alone, about a thousand
//    words per language, 250-900 words an article. The vocabulary
//    saturates within a few hundred documents, so the index's per-term
//    costs hardly show; kept for comparison with figures measured on it.
//
// Thread-safe: a CorpusGenerator is immutable; every function may be
// called concurrently.
//
//   absl::StatusOr<std::unique_ptr<accord::bench::CorpusGenerator>> corpus =
//       accord::bench::CorpusGenerator::Create({.seed = 42});
//   if (!corpus.ok()) return corpus.status();  // a missing dictionary
//   for (uint64_t i = 0; i < 10000; ++i) {
//     accord::bench::GeneratedDoc doc = (*corpus)->Document(i);
//     Index(doc.text, doc.language);
//   }
#ifndef ACCORD_BENCH_CORPUS_GENERATOR_H_
#define ACCORD_BENCH_CORPUS_GENERATOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace accord::bench {

namespace internal {
class NewsCorpus;
}  // namespace internal

struct GeneratedDoc {
  std::string text;      // UTF-8, the article as delivered
  std::string language;  // "en", "fr", "de", "es", "ru", "vi"
  std::string agency;    // "VNA", "AFP", "dpa", "ТАСС", ...
  // Publication time, seconds since the Unix epoch, in 2017..2026.
  int64_t published_unix = 0;
  // The lines written as what Accord's ingest normalizer sets aside and does
  // not index (ingest-service/normalize/normalizer.h): the publication stamp, photo
  // captions and the source line. Ascending 0-based numbers of the lines of
  // `text` split on '\n'. The headline and paragraphs, which every engine
  // indexes, are the other non-empty lines.
  std::vector<uint32_t> aside_lines;
};

enum class CorpusProfile { kNews, kTemplated };

// "news", "templated".
absl::string_view CorpusProfileName(CorpusProfile profile);
// The profile named `name`; InvalidArgument for another name.
absl::StatusOr<CorpusProfile> ParseCorpusProfile(absl::string_view name);

struct CorpusOptions {
  // Default: news, the headline corpus.
  CorpusProfile profile = CorpusProfile::kNews;
  // Default: 42.
  uint64_t seed = 42;
  // Where the news profile reads the hunspell dictionaries (en_US.dic,
  // fr_FR.dic, de_DE.dic, es_ES.dic, ru_RU.dic, vi_VN.dic).
  // Default: Debian's.
  std::string dictionary_dir = "/usr/share/hunspell";
};

class CorpusGenerator {
 public:
  // For the news profile, loads the dictionaries (once per process; later
  // generators share them). Fails with NotFound naming the missing file
  // and its Debian package (hunspell-en-us, hunspell-fr, hunspell-de-de,
  // hunspell-es, hunspell-ru, hunspell-vi): there is no fallback, since a
  // corpus without its tail would not be the one the figures describe.
  static absl::StatusOr<std::unique_ptr<CorpusGenerator>> Create(
      const CorpusOptions& options);
  ~CorpusGenerator();

  // Document `index` of the corpus.
  GeneratedDoc Document(uint64_t index) const;
  // Documents 0..count-1, generated on up to `threads` threads.
  std::vector<GeneratedDoc> Documents(uint64_t count, int threads = 1) const;

  const CorpusOptions& options() const { return options_; }

 private:
  CorpusGenerator(CorpusOptions options,
                  std::unique_ptr<internal::NewsCorpus> news);

  const CorpusOptions options_;
  const std::unique_ptr<internal::NewsCorpus> news_;  // null when templated
};

// The templated profile, for callers measured on it (normalizer_bench):
// document `index` of the templated corpus of `seed`, and documents
// 0..count-1. Never fails: it needs no dictionary.
GeneratedDoc GenerateDocument(uint64_t seed, uint64_t index);
std::vector<GeneratedDoc> GenerateCorpus(uint64_t seed, uint64_t count);

// The corpus languages, in the order of their shares (en first).
const std::vector<std::string>& CorpusLanguages();

}  // namespace accord::bench

#endif  // ACCORD_BENCH_CORPUS_GENERATOR_H_
