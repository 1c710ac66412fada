#include "bench/report.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace accord::bench {
namespace {

double DocsPerSecond(const SizeResult& sr, const EngineResult& e) {
  return e.load_seconds > 0 ? sr.docs / e.load_seconds : 0;
}

double MegabytesPerSecond(const SizeResult& sr, const EngineResult& e) {
  return e.load_seconds > 0 ? sr.corpus_bytes / 1e6 / e.load_seconds : 0;
}

std::string Settings(const RunnerOptions& options) {
  const RegistryOptions& e = options.engine_options;
  return absl::StrCat(
      "xapian query words: ",
      e.xapian.query_stemming == XapianOptions::QueryStemming::kAllLanguages
          ? "stem in all 5 languages (OP_SYNONYM)"
          : "exact forms",
      ", flush threshold ",
      e.xapian.flush_threshold > 0 ? std::to_string(e.xapian.flush_threshold)
                                   : "default",
      "; postgres: GIN on a stored tsvector column, postgres-expr: GIN on "
      "to_tsvector(lang, body); query = OR of websearch_to_tsquery over 6 "
      "configs");
}

// "accord / peer" for a smaller-is-better figure, "accord / peer" likewise
// for throughput; the label says which way is good.
std::string Ratio(double accord, double peer) {
  if (accord <= 0 || peer <= 0) return "n/a";
  return absl::StrFormat("%.3gx", accord / peer);
}

void PrintRatios(const SizeResult& sr, std::ostream& out) {
  const EngineResult* accord = nullptr;
  for (const EngineResult& e : sr.engines) {
    if (e.engine == "accord" && e.status.ok()) accord = &e;
  }
  if (accord == nullptr) {
    out << "\nratios: no 'accord' engine measured in this run "
           "(not built, not selected, or failed).\n";
    return;
  }
  out << "\nratios, accord vs each peer (ingest: accord docs/s / peer docs/s, "
         ">1 = accord faster; size and latency: accord / peer, <1 = accord "
         "smaller/faster)\n";
  out << absl::StrFormat("%-13s %8s %8s", "peer", "ingest", "size");
  for (QueryKind kind : kAllQueryKinds) {
    out << absl::StrFormat(" %12s %12s",
                           absl::StrCat(QueryKindName(kind), " p50"), "p99");
  }
  out << "\n";
  for (const EngineResult& e : sr.engines) {
    if (&e == accord || !e.status.ok()) continue;
    out << absl::StrFormat(
        "%-13s %8s %8s", e.engine,
        Ratio(DocsPerSecond(sr, *accord), DocsPerSecond(sr, e)),
        Ratio(accord->size_bytes, e.size_bytes));
    for (size_t i = 0; i < e.kinds.size() && i < accord->kinds.size(); ++i) {
      out << absl::StrFormat(" %12s %12s",
                             Ratio(accord->kinds[i].p50_ms, e.kinds[i].p50_ms),
                             Ratio(accord->kinds[i].p99_ms, e.kinds[i].p99_ms));
    }
    out << "\n";
  }
}

}  // namespace

void PrintReport(const RunnerOptions& options,
                 const std::vector<SizeResult>& results, std::ostream& out) {
  for (const SizeResult& sr : results) {
    std::vector<std::string> mix;
    for (const auto& [lang, n] : sr.docs_per_language) {
      mix.push_back(absl::StrFormat("%s %.0f%%", lang, 100.0 * n / sr.docs));
    }
    out << absl::StrFormat(
        "\n== %d docs, %.1f MB of text (%.2f KB/doc; %s), %s corpus, seed %d, "
        "generated in %.1f s; %d distinct terms (Accord's analyzer); "
        "%d queries per kind, top %d, one thread, in-process\n",
        sr.docs, sr.corpus_bytes / 1e6,
        sr.docs > 0 ? sr.corpus_bytes / 1e3 / sr.docs : 0.0,
        absl::StrJoin(mix, ", "), CorpusProfileName(options.corpus.profile),
        options.corpus.seed, sr.generate_seconds, sr.distinct_terms,
        options.queries_per_kind, options.top_k);
    out << "   " << Settings(options) << "\n\n";
    out << absl::StrFormat("%-13s %9s %10s %8s %10s %11s %9s\n", "engine",
                           "load s", "docs/s", "MB/s", "size MB", "compact MB",
                           "size/raw");
    for (const EngineResult& e : sr.engines) {
      if (!e.status.ok()) {
        out << absl::StrFormat("%-13s %s\n", e.engine, e.status.ToString());
        continue;
      }
      out << absl::StrFormat("%-13s %9.2f %10.0f %8.2f %10.1f %11.1f %9.2f\n",
                             e.engine, e.load_seconds, DocsPerSecond(sr, e),
                             MegabytesPerSecond(sr, e), e.size_bytes / 1e6,
                             e.compacted_size_bytes / 1e6,
                             double(e.size_bytes) / sr.corpus_bytes);
    }
    out << absl::StrFormat("\n%-13s %-11s %7s %9s %9s %9s %9s %6s\n", "engine",
                           "kind", "queries", "p50 ms", "p99 ms", "q/s",
                           "mean hits", "none");
    for (const EngineResult& e : sr.engines) {
      if (!e.status.ok()) continue;
      for (const KindResult& k : e.kinds) {
        out << absl::StrFormat("%-13s %-11s %7d %9.3f %9.3f %9.0f %9.2f %6d\n",
                               e.engine, QueryKindName(k.kind), k.queries,
                               k.p50_ms, k.p99_ms, k.queries_per_second,
                               k.mean_hits, k.zero_hits);
      }
    }
    PrintRatios(sr, out);
  }
}

}  // namespace accord::bench
