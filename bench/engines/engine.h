// A search engine under benchmark: Accord's search core or a peer (Xapian,
// PostgreSQL full-text search). The runner (bench/search_bench.cc) drives
// every engine through this interface with the same corpus and queries.
//
// Contract
//   - Load() is called once, before any Search(), with the whole corpus; it
//     returns only when everything is durable (committed, synced) and
//     searchable. The runner times it: parsing, analysis, indexing, writing.
//   - Search() takes a query in Accord's syntax (words are OR'ed and ranked,
//     "quoted words" are a phrase; see common/analysis/query_parser.h),
//     ranks the matching documents (BM25 or the engine's own ranking) and
//     returns how many of the top `k` it produced (<= k), so the runner can
//     check that engines find comparable results. Queries carry no language:
//     each engine documents how it matches a word across languages.
//   - SizeBytes() is everything the engine stored for the corpus on disk
//     right after Load(): documents, index and write-ahead log, nothing
//     compacted. CompactedSizeBytes() compacts first, for engines that
//     compact (the runner calls it after SizeBytes, before searching).
//   - The destructor removes everything the engine created (files, servers).
// Not thread-safe: the runner uses one engine from one thread.
//
//   absl::StatusOr<std::unique_ptr<Engine>> engine =
//       MakeEngine("xapian", "/tmp/bench");          // engines/registry.h
//   absl::Status loaded = (*engine)->Load(docs);
//   absl::StatusOr<size_t> hits = (*engine)->Search("\"information security\"", 10);
#ifndef ACCORD_BENCH_ENGINES_ENGINE_H_
#define ACCORD_BENCH_ENGINES_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "bench/corpus/generator.h"

namespace accord::bench {

class Engine {
 public:
  virtual ~Engine() = default;

  // Short name for tables: "accord", "xapian", "postgres".
  virtual std::string name() const = 0;

  // Loads and indexes all docs (timed by the runner); must be
  // durable/committed when it returns. Called once.
  virtual absl::Status Load(const std::vector<GeneratedDoc>& docs) = 0;

  // Top-k search; returns the number of hits returned (<= k), so results can
  // be sanity-checked.
  virtual absl::StatusOr<size_t> Search(const std::string& query, size_t k) = 0;

  // Bytes on disk of everything the engine stored (data, index, log of
  // writes) right after Load().
  virtual absl::StatusOr<uint64_t> SizeBytes() = 0;

  // The same after the engine's own compaction; engines without one
  // report SizeBytes().
  virtual absl::StatusOr<uint64_t> CompactedSizeBytes() { return SizeBytes(); }
};

}  // namespace accord::bench

#endif  // ACCORD_BENCH_ENGINES_ENGINE_H_
