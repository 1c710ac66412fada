#include "bench/corpus/corpus_stats.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>
#include <utility>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace accord::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Documents generated per round: large enough to keep the threads busy,
// small enough to hold in memory at any corpus size.
constexpr uint64_t kBatch = 4096;

}  // namespace

absl::StatusOr<std::unique_ptr<DistinctTerms>> DistinctTerms::Create() {
  absl::StatusOr<std::unique_ptr<analysis::Analyzer>> analyzer =
      analysis::Analyzer::Create();
  if (!analyzer.ok()) return analyzer.status();
  return std::unique_ptr<DistinctTerms>(
      new DistinctTerms(*std::move(analyzer)));
}

void DistinctTerms::Add(const GeneratedDoc& doc) {
  analyzer_->Analyze(doc.text, doc.language, &buffer_);
  tokens_seen_ += buffer_.size();
  for (const analysis::Token& token : buffer_) {
    if (terms_.insert(token.term).second &&
        token.term.find_first_of("0123456789") != std::string::npos) {
      ++numeric_terms_;
    }
  }
}

absl::StatusOr<std::vector<CorpusStats>> MeasureCorpus(
    const CorpusGenerator& corpus, std::vector<uint64_t> sizes, int threads,
    std::ostream* progress) {
  std::sort(sizes.begin(), sizes.end());
  absl::StatusOr<std::unique_ptr<DistinctTerms>> terms =
      DistinctTerms::Create();
  if (!terms.ok()) return terms.status();
  std::vector<CorpusStats> out;
  CorpusStats running;
  double generate_seconds = 0;
  uint64_t next = 0;
  for (uint64_t size : sizes) {
    while (next < size) {
      const uint64_t count = std::min(kBatch, size - next);
      const Clock::time_point start = Clock::now();
      std::vector<GeneratedDoc> docs(count);
      {
        std::vector<std::thread> pool;
        const int workers = std::max(threads, 1);
        for (int w = 0; w < workers; ++w) {
          pool.emplace_back([&, w] {
            for (uint64_t i = w; i < count; i += workers) {
              docs[i] = corpus.Document(next + i);
            }
          });
        }
        for (std::thread& t : pool) t.join();
      }
      generate_seconds +=
          std::chrono::duration<double>(Clock::now() - start).count();
      for (const GeneratedDoc& doc : docs) {
        running.bytes += doc.text.size();
        ++running.docs_per_language[doc.language];
        (*terms)->Add(doc);
      }
      next += count;
    }
    running.docs = size;
    running.tokens = (*terms)->tokens();
    running.distinct_terms = (*terms)->count();
    running.numeric_terms = (*terms)->numeric_count();
    running.generate_seconds = generate_seconds;
    out.push_back(running);
    if (progress != nullptr) {
      *progress << absl::StrFormat("  %d docs: %d distinct terms", size,
                                   running.distinct_terms)
                << std::endl;
    }
  }
  return out;
}

void PrintCorpusStats(const CorpusOptions& options,
                      const std::vector<CorpusStats>& stats,
                      std::ostream& out) {
  out << absl::StrFormat(
      "corpus %s, seed %d: distinct terms are Accord's analyzer terms "
      "(common/analysis/analyzer.h) over all languages\n",
      CorpusProfileName(options.profile), options.seed);
  out << absl::StrFormat("%9s %9s %8s %12s %14s %10s %7s %10s\n", "docs", "MB",
                         "KB/doc", "words", "distinct terms", "w/ digits",
                         "beta", "gen docs/s");
  for (size_t i = 0; i < stats.size(); ++i) {
    const CorpusStats& s = stats[i];
    std::string beta = "";
    if (i > 0 && stats[i - 1].tokens > 0 && s.tokens > stats[i - 1].tokens &&
        stats[i - 1].distinct_terms > 0) {
      // Local Heaps exponent: V ~ N^beta between this size and the last.
      beta = absl::StrFormat(
          "%.2f", std::log(double(s.distinct_terms) /
                           double(stats[i - 1].distinct_terms)) /
                      std::log(double(s.tokens) / double(stats[i - 1].tokens)));
    }
    out << absl::StrFormat(
        "%9d %9.1f %8.2f %12d %14d %10d %7s %10.0f\n", s.docs, s.bytes / 1e6,
        s.docs > 0 ? s.bytes / 1e3 / s.docs : 0.0, s.tokens, s.distinct_terms,
        s.numeric_terms, beta,
        s.generate_seconds > 0 ? s.docs / s.generate_seconds : 0.0);
  }
}

}  // namespace accord::bench
