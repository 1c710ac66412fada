// corpus_stats: the vocabulary of the generated corpus without running any
// engine: per corpus size, documents, MB, mean KB per document, analyzed
// words, distinct analyzed terms (Accord's analyzer), the local Heaps
// exponent and the generation speed. Turns flags into CorpusOptions,
// measures, prints.
//
//   corpus_stats --docs=10000,50000,100000 --corpus=news
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "bench/corpus/corpus_stats.h"
#include "bench/corpus/generator.h"

ABSL_FLAG(std::vector<std::string>, docs,
          std::vector<std::string>({"10000", "50000", "100000"}),
          "Corpus sizes, in documents, comma-separated.");
ABSL_FLAG(std::string, corpus, "news", "Corpus profile: news or templated.");
ABSL_FLAG(uint64_t, seed, 42, "Seed of the corpus.");
ABSL_FLAG(std::string, hunspell_dir, "/usr/share/hunspell",
          "Where the news profile reads the hunspell dictionaries.");
ABSL_FLAG(int, threads, 0, "Generating threads (0: one per core).");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Prints documents, size and distinct analyzed terms of the generated "
      "benchmark corpus per size.");
  absl::ParseCommandLine(argc, argv);

  accord::bench::CorpusOptions options;
  absl::StatusOr<accord::bench::CorpusProfile> profile =
      accord::bench::ParseCorpusProfile(absl::GetFlag(FLAGS_corpus));
  if (!profile.ok()) {
    std::cerr << "--corpus: " << profile.status().message() << "\n";
    return 2;
  }
  options.profile = *profile;
  options.seed = absl::GetFlag(FLAGS_seed);
  options.dictionary_dir = absl::GetFlag(FLAGS_hunspell_dir);
  std::vector<uint64_t> sizes;
  for (const std::string& s : absl::GetFlag(FLAGS_docs)) {
    uint64_t n = 0;
    if (!absl::SimpleAtoi(s, &n) || n == 0) {
      std::cerr << "--docs: not a positive count: " << s << "\n";
      return 2;
    }
    sizes.push_back(n);
  }
  int threads = absl::GetFlag(FLAGS_threads);
  if (threads <= 0) {
    threads =
        std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }

  absl::StatusOr<std::unique_ptr<accord::bench::CorpusGenerator>> corpus =
      accord::bench::CorpusGenerator::Create(options);
  if (!corpus.ok()) {
    std::cerr << "corpus_stats: " << corpus.status() << "\n";
    return 1;
  }
  absl::StatusOr<std::vector<accord::bench::CorpusStats>> stats =
      accord::bench::MeasureCorpus(**corpus, sizes, threads, &std::cerr);
  if (!stats.ok()) {
    std::cerr << "corpus_stats: " << stats.status() << "\n";
    return 1;
  }
  accord::bench::PrintCorpusStats(options, *stats, std::cout);
  return 0;
}
