// search_bench: the multilingual search benchmark (see bench/README.md).
// Turns flags into RunnerOptions, runs, prints the report.
//
//   search_bench --docs=10000,100000 --queries=200
//       --engines=accord,xapian,postgres,postgres-expr --seed=42 --work_dir=/tmp/accord-bench
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
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
  options.seed = absl::GetFlag(FLAGS_seed);
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

  std::cerr << "engines in this build: "
            << absl::StrJoin(accord::bench::AvailableEngines(), ", ") << "\n";
  const std::vector<accord::bench::SizeResult> results =
      accord::bench::RunSearchBenchmark(options, std::cerr);
  accord::bench::PrintReport(options, results, std::cout);
  for (const auto& size : results) {
    for (const auto& engine : size.engines) {
      // An engine left out of this build is reported, not an error.
      if (!engine.status.ok() && !absl::IsUnimplemented(engine.status)) {
        return 1;
      }
    }
  }
  return 0;
}
