// search_bench: the multilingual search benchmark (see bench/README.md).
// Turns flags into RunnerOptions, runs, prints the report.
//
//   search_bench --docs=10000,100000 --queries=200
//       --engines=accord,xapian,postgres,postgres-expr --seed=42 --work_dir=/tmp/accord-bench
//   search_bench --corpus_stats_only --docs=10000,50000,100000
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "bench/corpus/corpus_stats.h"
#include "bench/corpus/generator.h"
#include "bench/report.h"
#include "bench/runner.h"

ABSL_FLAG(std::vector<std::string>, docs,
          std::vector<std::string>({"10000", "100000"}),
          "Corpus sizes to run, in documents, comma-separated.");
ABSL_FLAG(int, queries, 200,
          "Queries of each kind (one-term, multi-term, phrase).");
ABSL_FLAG(int, top_k, 10, "Results asked per query.");
ABSL_FLAG(std::vector<std::string>, engines,
          std::vector<std::string>({"accord", "xapian", "postgres",
                                    "postgres-expr"}),
          "Engines to run, in order; 'accord' is the baseline of the ratios.");
ABSL_FLAG(uint64_t, seed, 42, "Seed of the corpus and the queries.");
ABSL_FLAG(std::string, corpus, "news",
          "Corpus profile: news (the headline: vocabulary grows with the "
          "corpus) or templated (team word lists only).");
ABSL_FLAG(std::string, hunspell_dir, "/usr/share/hunspell",
          "Where the news corpus reads Debian's hunspell dictionaries.");
ABSL_FLAG(int, generate_threads, 0,
          "Threads generating the corpus (0: one per core).");
ABSL_FLAG(bool, corpus_stats_only, false,
          "Print documents, MB and distinct analyzed terms per --docs size, "
          "and run no engine.");
ABSL_FLAG(std::string, work_dir, "/tmp/accord-bench",
          "Scratch directory for the engines' stores (cleaned up after).");
ABSL_FLAG(std::string, xapian_query_stemming, "all",
          "all: a query word matches its stem in every corpus language (as "
          "Accord); none: exact word forms only.");
ABSL_FLAG(int, xapian_flush_threshold, 0,
          "Xapian's XAPIAN_FLUSH_THRESHOLD (0: Xapian's default, 10000).");
ABSL_FLAG(double, search_budget_s, 60,
          "Seconds of searching per engine and corpus size; a slower engine "
          "is measured on the queries that fit (the table says how many).");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Runs one generated multilingual corpus and query set through Accord "
      "and its peers (Xapian, PostgreSQL FTS); prints ingest, size and "
      "search latency, and the ratios to Accord.");
  absl::ParseCommandLine(argc, argv);

  accord::bench::RunnerOptions options;
  options.sizes.clear();
  for (const std::string& s : absl::GetFlag(FLAGS_docs)) {
    uint64_t n = 0;
    if (!absl::SimpleAtoi(s, &n) || n == 0) {
      std::cerr << "--docs: not a positive count: " << s << "\n";
      return 2;
    }
    options.sizes.push_back(n);
  }
  if (absl::GetFlag(FLAGS_queries) <= 0 || absl::GetFlag(FLAGS_top_k) <= 0) {
    std::cerr << "--queries and --top_k must be positive\n";
    return 2;
  }
  options.queries_per_kind = absl::GetFlag(FLAGS_queries);
  options.top_k = absl::GetFlag(FLAGS_top_k);
  options.engines = absl::GetFlag(FLAGS_engines);
  absl::StatusOr<accord::bench::CorpusProfile> profile =
      accord::bench::ParseCorpusProfile(absl::GetFlag(FLAGS_corpus));
  if (!profile.ok()) {
    std::cerr << "--corpus: " << profile.status().message() << "\n";
    return 2;
  }
  options.corpus.profile = *profile;
  options.corpus.seed = absl::GetFlag(FLAGS_seed);
  options.corpus.dictionary_dir = absl::GetFlag(FLAGS_hunspell_dir);
  options.generate_threads = absl::GetFlag(FLAGS_generate_threads);
  if (options.generate_threads <= 0) {
    options.generate_threads =
        std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }
  options.work_dir = absl::GetFlag(FLAGS_work_dir);

  auto& xapian = options.engine_options.xapian;
  const std::string stemming = absl::GetFlag(FLAGS_xapian_query_stemming);
  if (stemming != "all" && stemming != "none") {
    std::cerr << "--xapian_query_stemming: all or none\n";
    return 2;
  }
  xapian.query_stemming =
      stemming == "all"
          ? accord::bench::XapianOptions::QueryStemming::kAllLanguages
          : accord::bench::XapianOptions::QueryStemming::kNone;
  xapian.flush_threshold = absl::GetFlag(FLAGS_xapian_flush_threshold);
  options.search_budget_seconds = absl::GetFlag(FLAGS_search_budget_s);

  if (absl::GetFlag(FLAGS_corpus_stats_only)) {
    absl::StatusOr<std::unique_ptr<accord::bench::CorpusGenerator>> corpus =
        accord::bench::CorpusGenerator::Create(options.corpus);
    if (!corpus.ok()) {
      std::cerr << "search_bench: " << corpus.status() << "\n";
      return 1;
    }
    absl::StatusOr<std::vector<accord::bench::CorpusStats>> stats =
        accord::bench::MeasureCorpus(**corpus, options.sizes,
                                     options.generate_threads, &std::cerr);
    if (!stats.ok()) {
      std::cerr << "search_bench: " << stats.status() << "\n";
      return 1;
    }
    accord::bench::PrintCorpusStats(options.corpus, *stats, std::cout);
    return 0;
  }

  std::cerr << "engines in this build: "
            << absl::StrJoin(accord::bench::AvailableEngines(), ", ") << "\n";
  const absl::StatusOr<std::vector<accord::bench::SizeResult>> results =
      accord::bench::RunSearchBenchmark(options, std::cerr);
  if (!results.ok()) {
    std::cerr << "search_bench: " << results.status() << "\n";
    return 1;
  }
  accord::bench::PrintReport(options, *results, std::cout);
  for (const auto& size : *results) {
    for (const auto& engine : size.engines) {
      // An engine left out of this build is reported, not an error.
      if (!engine.status.ok() && !absl::IsUnimplemented(engine.status)) {
        return 1;
      }
    }
  }
  return 0;
}
