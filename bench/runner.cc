#include "bench/runner.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/corpus/corpus_stats.h"
#include "bench/corpus/generator.h"

namespace accord::bench {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Nearest-rank percentile of sorted values.
double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(p / 100.0 * sorted.size() + 0.999999);
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

absl::Status TimeQueries(Engine& engine, const std::vector<BenchQuery>& queries,
                         size_t k, double budget_seconds,
                         std::vector<KindResult>* out) {
  const double slice = budget_seconds / 4;
  // Warm-up: every query once, so caches hold what a running service's
  // would and the first timed query pays no cold start.
  const Clock::time_point warm_up = Clock::now();
  for (const BenchQuery& q : queries) {
    if (SecondsSince(warm_up) > slice) break;
    absl::StatusOr<size_t> hits = engine.Search(q.text, k);
    if (!hits.ok()) {
      return absl::Status(
          hits.status().code(),
          absl::StrCat("query ", q.text, ": ", hits.status().message()));
    }
  }
  for (QueryKind kind : kAllQueryKinds) {
    KindResult result{kind};
    std::vector<double> latencies_ms;
    size_t total_hits = 0;
    const Clock::time_point kind_start = Clock::now();
    for (const BenchQuery& q : queries) {
      if (q.kind != kind) continue;
      if (SecondsSince(kind_start) > slice) break;
      const Clock::time_point start = Clock::now();
      absl::StatusOr<size_t> hits = engine.Search(q.text, k);
      latencies_ms.push_back(SecondsSince(start) * 1e3);
      if (!hits.ok()) return hits.status();
      total_hits += *hits;
      if (*hits == 0) {
        ++result.zero_hits;
        // Every phrase is copied from the corpus; say which ones an
        // engine misses, so a miss can be looked into.
        if (kind == QueryKind::kPhrase) {
          std::cerr << "  " << engine.name() << ": no hit for " << q.text
                    << "\n";
        }
      }
    }
    std::sort(latencies_ms.begin(), latencies_ms.end());
    double sum_ms = 0;
    for (double ms : latencies_ms) sum_ms += ms;
    result.queries = latencies_ms.size();
    result.p50_ms = Percentile(latencies_ms, 50);
    result.p99_ms = Percentile(latencies_ms, 99);
    result.queries_per_second = sum_ms > 0 ? result.queries * 1e3 / sum_ms : 0;
    result.mean_hits =
        result.queries > 0 ? double(total_hits) / result.queries : 0;
    out->push_back(result);
  }
  return absl::OkStatus();
}

EngineResult RunEngine(const std::string& name, const RunnerOptions& options,
                       const std::string& work_dir,
                       const std::vector<GeneratedDoc>& docs,
                       const std::vector<BenchQuery>& queries,
                       std::ostream& progress) {
  EngineResult result;
  result.engine = name;
  absl::StatusOr<std::unique_ptr<Engine>> engine =
      MakeEngine(name, work_dir, options.engine_options);
  if (!engine.ok()) {
    result.status = engine.status();
    return result;
  }
  progress << "  " << name << ": loading " << docs.size() << " docs..."
           << std::endl;
  const Clock::time_point start = Clock::now();
  result.status = (*engine)->Load(docs);
  result.load_seconds = SecondsSince(start);
  if (!result.status.ok()) return result;
  absl::StatusOr<uint64_t> size = (*engine)->SizeBytes();
  if (!size.ok()) {
    result.status = size.status();
    return result;
  }
  result.size_bytes = *size;
  absl::StatusOr<uint64_t> compacted = (*engine)->CompactedSizeBytes();
  if (!compacted.ok()) {
    result.status = compacted.status();
    return result;
  }
  result.compacted_size_bytes = *compacted;
  progress << absl::StrFormat(
                  "  %s: loaded in %.1f s, %.1f MB (%.1f MB compacted); "
                  "searching...",
                  name, result.load_seconds, *size / 1e6, *compacted / 1e6)
           << std::endl;
  result.status = TimeQueries(**engine, queries, options.top_k,
                              options.search_budget_seconds, &result.kinds);
  return result;
}

}  // namespace

absl::StatusOr<std::vector<SizeResult>> RunSearchBenchmark(
    const RunnerOptions& options, std::ostream& progress) {
  absl::StatusOr<std::unique_ptr<CorpusGenerator>> corpus =
      CorpusGenerator::Create(options.corpus);
  if (!corpus.ok()) return corpus.status();
  std::vector<SizeResult> results;
  for (uint64_t size : options.sizes) {
    SizeResult sr;
    sr.docs = size;
    progress << "generating " << size << " docs ("
             << CorpusProfileName(options.corpus.profile) << " corpus, seed "
             << options.corpus.seed << ")..." << std::endl;
    const Clock::time_point start = Clock::now();
    const std::vector<GeneratedDoc> docs =
        (*corpus)->Documents(size, options.generate_threads);
    const std::vector<BenchQuery> queries =
        GenerateQueries(**corpus, size, options.queries_per_kind);
    sr.generate_seconds = SecondsSince(start);
    absl::StatusOr<std::unique_ptr<DistinctTerms>> terms =
        DistinctTerms::Create();
    if (!terms.ok()) return terms.status();
    for (const GeneratedDoc& doc : docs) {
      sr.corpus_bytes += doc.text.size();
      ++sr.docs_per_language[doc.language];
      (*terms)->Add(doc);
    }
    sr.distinct_terms = (*terms)->count();
    const std::string work_dir =
        absl::StrCat(options.work_dir, "/", size, "-docs");
    for (const std::string& name : options.engines) {
      sr.engines.push_back(
          RunEngine(name, options, work_dir, docs, queries, progress));
      if (!sr.engines.back().status.ok()) {
        progress << "  " << name << ": " << sr.engines.back().status
                 << std::endl;
      }
    }
    results.push_back(std::move(sr));
  }
  return results;
}

}  // namespace accord::bench
