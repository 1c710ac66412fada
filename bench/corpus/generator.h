// The benchmark corpus: realistic multilingual news articles, as crawlers
// deliver them, generated deterministically from a seed. Document i of seed
// s is the same on every machine and build, and can be generated on its own
// (no state is carried from one document to the next), so a corpus of any
// size can be produced, split or regenerated in parallel.
//
// What a document looks like (plain text, lines separated by '\n'):
//   Vietnam and Russia discuss information security     <- headline
//   November 28, 2019 | 11:12 am GMT+7                  <- stamp (sometimes)
//   Hanoi (VNA) – Vietnam and Russia have signed ...    <- dateline + lead
//   ... 4 to 12 paragraphs, 250 to 900 words in all ...
//   Delegates ... at the meeting in Hanoi (Photo: VNA)  <- caption (sometimes)
//   Source: https://...                                 <- source (sometimes)
// Languages and their shares: en 35%, fr 20%, de 15%, es 10%, ru 10%,
// vi 10%. Words come from team-written lists (bench/corpus/internal/lang_*.cc)
// drawn with a Zipf distribution and set into team-written sentence
// templates, so domain phrases ("information security", "sécurité de
// l’information", "Informationssicherheit") recur as they do in real wires.
//
// Thread-safe: every function may be called concurrently.
//
//   for (uint64_t i = 0; i < 10000; ++i) {
//     accord::bench::GeneratedDoc doc = accord::bench::GenerateDocument(42, i);
//     Index(doc.text, doc.language);
//   }
#ifndef ACCORD_BENCH_CORPUS_GENERATOR_H_
#define ACCORD_BENCH_CORPUS_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

namespace accord::bench {

struct GeneratedDoc {
  std::string text;      // UTF-8, the article as delivered
  std::string language;  // "en", "fr", "de", "es", "ru", "vi"
  std::string agency;    // "VNA", "AFP", "dpa", "ТАСС", ...
  // Publication time, seconds since the Unix epoch, in 2017..2026.
  int64_t published_unix = 0;
};

// Document `index` of the corpus of `seed`.
GeneratedDoc GenerateDocument(uint64_t seed, uint64_t index);

// Documents 0..count-1 of the corpus of `seed`.
std::vector<GeneratedDoc> GenerateCorpus(uint64_t seed, uint64_t count);

// The corpus languages, in the order of their shares (en first).
const std::vector<std::string>& CorpusLanguages();

}  // namespace accord::bench

#endif  // ACCORD_BENCH_CORPUS_GENERATOR_H_
