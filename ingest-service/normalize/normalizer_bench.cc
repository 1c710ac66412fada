// Normalizer throughput on realistic articles, one thread, per language.
// The articles come from the benchmark corpus (bench/corpus/generator.h):
// headlines, stamps, datelines, captions, source lines and glued words, as
// crawlers deliver them. Run:
//   cmake --build build --target normalizer_bench -j2 &&
//   build/ingest-service/normalize/normalizer_bench
//
// One Normalizer serves every iteration, as in the ingest service, so the
// dictionary memos are warm after the first pass over the documents; the
// figures are steady-state ingest throughput.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "accord/v1/document.pb.h"
#include "bench/corpus/generator.h"
#include "ingest-service/normalize/language.h"
#include "ingest-service/normalize/normalizer.h"

namespace accord::normalize {
namespace {

constexpr uint64_t kSeed = 42;
// Documents per language: enough that the vocabulary has a realistic tail.
constexpr size_t kDocsPerLanguage = 200;

// Letters and UTF-8 bytes of non-ASCII letters, for GlueWords.
bool IsWordByte(char c) {
  const unsigned char b = static_cast<unsigned char>(c);
  return b >= 0x80 || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

// `text` with one space in 25 between two words removed ("safeguarding
// international" -> "safeguardinginternational", "and Russia" ->
// "andRussia") and one sentence break in 4 glued ("crimes.The"), as
// crawlers that strip markup deliver some sites: the corpus itself has no
// such glue, and repairing it is a large part of the normalizer's work.
std::string GlueWords(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t spaces = 0, stops = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && i > 0 && i + 1 < text.size()) {
      const bool between_words =
          IsWordByte(text[i - 1]) && IsWordByte(text[i + 1]);
      if (between_words && ++spaces % 25 == 0) continue;
      if (text[i - 1] == '.' && IsWordByte(text[i + 1]) && ++stops % 4 == 0) {
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// The first kDocsPerLanguage corpus documents of `language` ("" for all, in
// corpus order), with glue injected when `glued`.
const std::vector<std::string>& Documents(const std::string& language,
                                          bool glued) {
  static auto* cache =
      new std::vector<std::pair<std::string, std::vector<std::string>>>();
  const std::string key = language + (glued ? "+glued" : "");
  for (const auto& [name, docs] : *cache) {
    if (name == key) return docs;
  }
  std::vector<std::string> docs;
  for (uint64_t i = 0; docs.size() < kDocsPerLanguage; ++i) {
    bench::GeneratedDoc doc = bench::GenerateDocument(kSeed, i);
    if (language.empty() || doc.language == language) {
      docs.push_back(glued ? GlueWords(doc.text) : std::move(doc.text));
    }
  }
  cache->emplace_back(key, std::move(docs));
  return cache->back().second;
}

const Normalizer& SharedNormalizer() {
  static const auto* normalizer = new Normalizer();
  return *normalizer;
}

void Run(benchmark::State& state, const std::vector<std::string>& docs) {
  const Normalizer& normalizer = SharedNormalizer();
  const accord::v1::DocumentMetadata metadata;
  accord::v1::Document doc;
  // Warm the dictionary memos, as a running ingest service has them.
  for (const std::string& text : docs) {
    (void)normalizer.Normalize(text, metadata, &doc);
  }
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& text = docs[i];
    i = (i + 1) % docs.size();
    benchmark::DoNotOptimize(normalizer.Normalize(text, metadata, &doc));
    bytes += static_cast<int64_t>(text.size());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}

void BM_Normalize(benchmark::State& state, const std::string& language) {
  Run(state, Documents(language, /*glued=*/false));
}
void BM_NormalizeGlued(benchmark::State& state, const std::string& language) {
  Run(state, Documents(language, /*glued=*/true));
}

// CLD2 alone on the first `range(0)` bytes of each article: what the
// language sample costs (DetectLanguage itself reads at most
// kLanguageSampleBytes).
void BM_Cld2Prefix(benchmark::State& state) {
  const std::vector<std::string>& docs = Documents("", /*glued=*/false);
  const size_t limit = static_cast<size_t>(state.range(0));
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const std::string_view sample = LanguageSample(docs[i], limit);
    i = (i + 1) % docs.size();
    benchmark::DoNotOptimize(DetectLanguage(sample, ""));
    bytes += static_cast<int64_t>(sample.size());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Cld2Prefix)
    ->Arg(512)
    ->Arg(1024)
    ->Arg(2048)
    ->Arg(3072)
    ->Arg(1 << 20);

BENCHMARK_CAPTURE(BM_Normalize, all, std::string(""));
BENCHMARK_CAPTURE(BM_Normalize, en, std::string("en"));
BENCHMARK_CAPTURE(BM_Normalize, fr, std::string("fr"));
BENCHMARK_CAPTURE(BM_Normalize, de, std::string("de"));
BENCHMARK_CAPTURE(BM_Normalize, es, std::string("es"));
BENCHMARK_CAPTURE(BM_Normalize, ru, std::string("ru"));
BENCHMARK_CAPTURE(BM_Normalize, vi, std::string("vi"));
BENCHMARK_CAPTURE(BM_NormalizeGlued, all, std::string(""));
BENCHMARK_CAPTURE(BM_NormalizeGlued, en, std::string("en"));
BENCHMARK_CAPTURE(BM_NormalizeGlued, fr, std::string("fr"));
BENCHMARK_CAPTURE(BM_NormalizeGlued, de, std::string("de"));
BENCHMARK_CAPTURE(BM_NormalizeGlued, es, std::string("es"));
BENCHMARK_CAPTURE(BM_NormalizeGlued, ru, std::string("ru"));
BENCHMARK_CAPTURE(BM_NormalizeGlued, vi, std::string("vi"));

}  // namespace
}  // namespace accord::normalize

BENCHMARK_MAIN();
