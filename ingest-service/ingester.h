// Ingester: the ingest path without the network.
//
// bytes -> parse (common/parse) -> normalize (ingest-service/normalize) ->
// understand (extract/, optional) -> index terms (common/index, with the
// analyzer) -> merge people, link events and stories across documents
// (stories/) -> store
// (common/store). The gRPC
// service is a thin adapter over this class, and tests drive it directly.
//
//   Ingester ingester(store, normalizer, analyzer, IngesterOptions());
//   absl::StatusOr<std::unique_ptr<PendingBundle>> bundle =
//       ingester.NewBundle("crawler-7", "morning feed", "req-2026-11-21-1");
//   for (const auto& input : inputs) (*bundle)->Add(input);
//   absl::StatusOr<accord::v1::Bundle> report = (*bundle)->Commit();
//
// Thread-safety: an Ingester may be shared by all threads; each
// PendingBundle belongs to one thread. The Ingester owns the worker pool
// that prepares the documents of every bundle (worker_pool.h).
#ifndef ACCORD_INGEST_SERVICE_INGESTER_H_
#define ACCORD_INGEST_SERVICE_INGESTER_H_

#include <algorithm>
#include <cstddef>
#include <memory>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/analysis/analyzer.h"
#include "common/store/store.h"
#include "ingest-service/bundle_memory.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/normalize/normalizer.h"
#include "ingest-service/pending_bundle.h"
#include "ingest-service/worker_pool.h"

namespace accord::ingest {

struct IngesterOptions {
  // Documents larger than this are rejected (REJECT_REASON_TOO_LARGE).
  // Default: 8 MiB.
  size_t max_document_bytes = size_t{8} << 20;
  // A bundle may hold at most this many documents; more fail the call with
  // RESOURCE_EXHAUSTED. Default: 100000.
  size_t max_documents_per_bundle = 100000;
  // A bundle may hold at most this many bytes of content in total; more
  // fail the call with RESOURCE_EXHAUSTED. Bounds the memory one bundle
  // takes, since it is stored whole. Default: 1 GiB.
  size_t max_bundle_bytes = size_t{1} << 30;
  // The memory that the documents of all bundles being received may hold
  // together, prepared and waiting for their bundle's commit (about 7
  // times their content): a bundle that finds it reached is refused
  // with RESOURCE_EXHAUSTED (bundle_memory.h). 0: no limit. Default: 0;
  // accord-ingest gives it a share of --memory_budget_mb.
  size_t max_bundle_memory_bytes = 0;

  // Worker threads, shared by all calls, that parse, normalize and analyze
  // documents; the thread of each call prepares its own documents too.
  // Default: the number of cores.
  size_t prepare_threads = std::max(1u, std::thread::hardware_concurrency());

  // Finds each document's entity mentions and dates, and the entity
  // records the store keeps (extract/understanding.h). nullptr: documents
  // are stored without them (benchmarks compare the two). Default: nullptr;
  // accord-ingest always sets one. REQUIRES: outlives the Ingester.
  const extract::Understanding* understanding = nullptr;
  // With `understanding`: how much of it runs. accord-ingest runs all of
  // it; benchmarks measure the cost of each half on its own (the entities
  // and dates of issue 8 against the events, topics and stories of issue
  // 9). Default: kWhole.
  enum class UnderstandingScope {
    // Entities, dates and entity records, people merged across documents,
    // topics, events and stories.
    kWhole,
    // Entities, dates and entity records, people merged across documents;
    // no topics, events or stories.
    kEntitiesAndDates,
  };
  UnderstandingScope understanding_scope = UnderstandingScope::kWhole;
  // With `understanding`: how people are merged across documents by shared
  // context (stories/person_merge.h).
  stories::PersonMergerOptions person_merge;
  // With `understanding`: how events and stories are linked across
  // documents (stories/story_linker.h).
  stories::StoryLinkerOptions story_links;
};

class Ingester {
 public:
  // `store` must be a primary store. The pointers must outlive the
  // Ingester.
  Ingester(store::Store* store, const normalize::Normalizer* normalizer,
           const analysis::Analyzer* analyzer, IngesterOptions options);

  // Starts a bundle. InvalidArgument for a malformed header. The bundle
  // must not outlive the Ingester.
  absl::StatusOr<std::unique_ptr<PendingBundle>> NewBundle(
      absl::string_view submitter, absl::string_view label,
      absl::string_view request_id) const;

  // The stored report of a bundle. InvalidArgument for a malformed id,
  // NotFound for an unknown one.
  absl::StatusOr<accord::v1::Bundle> GetBundle(absl::string_view id) const;

  const IngesterOptions& options() const { return options_; }

  // Where the commit path spent its time so far (CommitStageTimes); all
  // zero without understanding, whose commits have no cross-document step.
  CommitStageTimes commit_times() const;

  // What the bundles in flight hold, against max_bundle_memory_bytes.
  const BundleMemory& bundle_memory() const { return *bundle_memory_; }

 private:
  store::Store* const store_;
  const normalize::Normalizer* const normalizer_;
  const analysis::Analyzer* const analyzer_;
  const IngesterOptions options_;
  // Shared by the bundles of all calls; outlives them (see NewBundle).
  std::unique_ptr<WorkerPool> prepare_pool_;
  // Null without understanding. Shared by the bundles of all calls.
  std::unique_ptr<CrossDocumentStep> cross_document_;
  // Shared by the bundles of all calls, which count their documents in it.
  std::unique_ptr<BundleMemory> bundle_memory_;
};

}  // namespace accord::ingest

#endif  // ACCORD_INGEST_SERVICE_INGESTER_H_
