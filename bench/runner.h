// The search benchmark's measurements: for each corpus size, generate the
// corpus once and count its distinct analyzed terms, then run every engine
// through Load, SizeBytes and the query set (a warm-up pass, then a timed
// pass, one query at a time, in-process). report.h prints the results.
// search_bench.cc is the command line.
//
// Not thread-safe; the engines run one after another so they never compete
// for the machine's cores.
#ifndef ACCORD_BENCH_RUNNER_H_
#define ACCORD_BENCH_RUNNER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "bench/corpus/generator.h"
#include "bench/corpus/query_set.h"
#include "bench/engines/registry.h"

namespace accord::bench {

struct RunnerOptions {
  // Corpus sizes, in documents, run in this order. Default: 10k and 100k.
  std::vector<uint64_t> sizes = {10000, 100000};
  // Queries of each kind (one-term, multi-term, phrase). Default: 200.
  size_t queries_per_kind = 200;
  // Results asked per query (top k). Default: 10.
  size_t top_k = 10;
  // Engines, by registry name. Default: all of them.
  std::vector<std::string> engines = {"accord", "xapian", "postgres",
                                      "postgres-expr"};
  // Seconds of searching per engine and size: a quarter for the warm-up
  // pass, a quarter per query kind. An engine too slow for the whole query
  // set is measured on the queries that fit (KindResult::queries).
  // Default: 60.
  double search_budget_seconds = 60;
  // The corpus: profile (default news, the headline), seed of the corpus
  // and the queries (default 42), dictionaries.
  CorpusOptions corpus;
  // Threads generating the corpus (the engines run one at a time
  // regardless). Default: 1.
  int generate_threads = 1;
  // Scratch space for the engines; each engine deletes what it made.
  std::string work_dir = "/tmp/accord-bench";
  // Engine settings (registry.h).
  RegistryOptions engine_options;
};

struct KindResult {
  QueryKind kind;
  size_t queries = 0;
  double p50_ms = 0, p99_ms = 0;
  double queries_per_second = 0;
  double mean_hits = 0;  // of at most top_k
  size_t zero_hits = 0;  // queries that found nothing
};

struct EngineResult {
  std::string engine;
  absl::Status status;  // not OK: the engine failed or is not built; no figures
  double load_seconds = 0;
  uint64_t size_bytes = 0;            // on disk right after load
  uint64_t compacted_size_bytes = 0;  // after the engine's compaction
  std::vector<KindResult> kinds;      // kAllQueryKinds order
};

struct SizeResult {
  uint64_t docs = 0;
  uint64_t corpus_bytes = 0;
  // Distinct terms of Accord's analyzer over the corpus (corpus_stats.h).
  uint64_t distinct_terms = 0;
  double generate_seconds = 0;
  std::map<std::string, uint64_t> docs_per_language;
  std::vector<EngineResult> engines;  // RunnerOptions::engines order
};

// Runs everything; `progress` gets one line per step as it happens (for
// long runs). An engine's failure is recorded in its EngineResult, not
// returned: the other engines still run. Fails only when the corpus
// cannot be made (a missing dictionary, see generator.h).
absl::StatusOr<std::vector<SizeResult>> RunSearchBenchmark(
    const RunnerOptions& options, std::ostream& progress);

}  // namespace accord::bench

#endif  // ACCORD_BENCH_RUNNER_H_
