// MemoryBudget: how a server divides the memory it is given
// (--memory_budget_mb) between RocksDB, its own caches and everything else
// (README.md, "Memory"):
//
//                  accord-ingest  accord-query
//   block cache         1/4           1/2      data blocks, every table
//                                              file's index and filter
//                                              blocks, and the memtables,
//                                              charged to it:
//   memtables      at most 1/8   at most 1/4   all families together (a
//                                              WriteBufferManager), inside
//                                              the block cache's share
//   own caches          1/32          -        the story linker's event
//                                              cache (ingest-service/
//                                              stories/event_cache.h)
//   bundles in flight   1/4           -        the prepared documents of
//                                              the bundles being received,
//                                              held until their commits
//                                              (ingest-service/
//                                              bundle_memory.h)
//   the rest          about 1/2       1/2      the process (code,
//                                              gazetteers, ICU data: about
//                                              110 MB for accord-ingest,
//                                              30 MB for accord-query at
//                                              start), requests in flight,
//                                              memos bounded by count, the
//                                              query-service's document
//                                              table (about 30 bytes a
//                                              document), the allocator's
//                                              slack
//
// The ingest-service reads little (bloom-filtered id checks, entity and
// event lookups), so its cache is the smaller share; a query-service reads
// blocks for every search. A query-service replays the ingest-service's
// unflushed writes into memtables of its own, as large as the
// ingest-service's (at most 1/8 of its budget): a query-service budget of
// at least half the ingest-service's holds them.
#ifndef ACCORD_COMMON_STORE_MEMORY_BUDGET_H_
#define ACCORD_COMMON_STORE_MEMORY_BUDGET_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/statusor.h"
#include "common/store/store.h"

namespace accord::store {

struct MemoryBudget {
  enum class Server { kIngest, kQuery };

  // Below this a server would spend its budget before its first request.
  static constexpr size_t kMinimumBytes = size_t{256} << 20;

  // The split of `total_bytes` for `server`; InvalidArgument below
  // kMinimumBytes.
  static absl::StatusOr<MemoryBudget> Split(Server server, size_t total_bytes);

  // The same for a budget in MiB, as --memory_budget_mb gives it; a
  // negative one is refused like any below the minimum.
  static absl::StatusOr<MemoryBudget> SplitMiB(Server server, int64_t mib);

  // Sets the block cache and the memtable budget of `options`.
  void ApplyTo(StoreOptions* options) const;

  size_t total_bytes = 0;
  size_t block_cache_bytes = 0;
  size_t memtable_bytes = 0;  // within block_cache_bytes
  // What the server's own caches may hold (0: it has none to bound).
  size_t own_cache_bytes = 0;
  // What the documents of the bundles being received may hold together
  // until their commits (ingest-service/bundle_memory.h; 0: the server
  // receives none).
  size_t bundle_memory_bytes = 0;
};

}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_MEMORY_BUDGET_H_
