// PendingBundle: a bundle being received, normalized as it arrives and
// stored whole by Commit().
#ifndef ACCORD_INGEST_SERVICE_PENDING_BUNDLE_H_
#define ACCORD_INGEST_SERVICE_PENDING_BUNDLE_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "accord/v1/bundle.pb.h"
#include "common/analysis/analyzer.h"
#include "common/store/store.h"
#include "common/util/call_deadline.h"
#include "ingest-service/bundle_memory.h"
#include "ingest-service/normalize/normalizer.h"
#include "ingest-service/stories/person_merge.h"
#include "ingest-service/stories/story_linker.h"
#include "ingest-service/worker_pool.h"

namespace accord::ingest {

struct IngesterOptions;

// Time spent in the steps of PendingBundle::Commit that run one bundle at
// a time.
struct CommitStageTimes {
  absl::Duration people;
  absl::Duration stories;
  absl::Duration write;
  int64_t bundles = 0;
  // The linker's reads of stored events and lookups answered by its cache
  // (EventCache) and by the store.
  uint64_t event_cache_hits = 0;
  uint64_t event_cache_misses = 0;
};

// The steps of every bundle of one Ingester that need the documents stored
// before it (stories/): the people merge, then the events and stories,
// with the lock that makes them and the bundle's commit one step: each
// bundle then sees the people, events and stories of the bundles committed
// before it, whatever the order in which their calls arrived.
struct CrossDocumentStep {
  CrossDocumentStep(stories::PersonMergerOptions people_options,
                    stories::StoryLinkerOptions story_options)
      : people(std::move(people_options)),
        stories(std::move(story_options)),
        events(stories.cache_options()) {}
  const stories::PersonMerger people;
  const stories::StoryLinker stories;
  absl::Mutex mutex;
  // The stored events the linker has read, kept from bundle to bundle and
  // told what each commit added.
  stories::EventCache events ABSL_GUARDED_BY(mutex);
  // Where the serialized commit path spends its time, over all bundles
  // (benchmarks): the people merge, the event and story links, the store's
  // write.
  CommitStageTimes times ABSL_GUARDED_BY(mutex);
};

class PendingBundle {
 public:
  // Use Ingester::NewBundle. `cross_document` is null when documents are
  // stored without understanding.
  // `memory` counts what the documents of every bundle in flight hold (it
  // may be null: no limit).
  PendingBundle(store::Store* store, const normalize::Normalizer* normalizer,
                const analysis::Analyzer* analyzer, WorkerPool* pool,
                const IngesterOptions* options,
                CrossDocumentStep* cross_document, BundleMemory* memory,
                accord::v1::Bundle header);
  PendingBundle(const PendingBundle&) = delete;
  PendingBundle& operator=(const PendingBundle&) = delete;
  // Gives back the memory its documents held.
  ~PendingBundle();

  // Parses, normalizes and analyzes one document. A document that cannot be
  // taken is recorded as REJECTED in the report; that is not an error. Errors
  // (RESOURCE_EXHAUSTED) mean the bundle as a whole exceeds its limits and
  // must be abandoned.
  absl::Status Add(const accord::v1::DocumentInput& input);
  // Adds many documents, preparing them on the Ingester's worker pool and
  // this thread; results keep input order. On a limit error the documents
  // before the one over the limit are kept. Once `deadline` says the call
  // should stop, documents not yet prepared are skipped and
  // DeadlineExceeded or Cancelled is returned: the bundle must then be
  // abandoned. Documents are prepared a few hundred at a time; before
  // each lot, when the bundles in flight hold their memory limit
  // (BundleMemory), the bundle is refused with ResourceExhausted: reason
  // BUNDLE_TOO_LARGE when this bundle alone holds it (split it), else
  // INGEST_BUSY with a retry delay (send it again later). It must then be
  // abandoned too.
  absl::Status AddAll(absl::Span<const accord::v1::DocumentInput* const> inputs,
                      const CallDeadline& deadline = CallDeadline());

  size_t document_count() const { return report_.results_size(); }
  // Bytes of content received so far, rejected documents included.
  size_t content_bytes() const { return content_bytes_; }

  // Merges the people of its documents with the people already known and
  // links their events and stories (CrossDocumentStep), then stores the bundle atomically and durably and
  // returns its report. InvalidArgument when no document was added. Call
  // at most once.
  absl::StatusOr<accord::v1::Bundle> Commit();

 private:
  absl::StatusOr<store::PendingDocument> Prepare(
      const accord::v1::DocumentInput& input, uint32_t index) const;
  // OK when the bundles in flight, this one included, hold less than their
  // memory limit.
  absl::Status CheckMemory() const;

  store::Store* const store_;
  const normalize::Normalizer* const normalizer_;
  const analysis::Analyzer* const analyzer_;
  WorkerPool* const pool_;
  const IngesterOptions* const options_;
  CrossDocumentStep* const cross_document_;
  BundleMemory* const memory_;
  // What this bundle's prepared documents hold, added to memory_.
  size_t memory_bytes_ = 0;
  accord::v1::Bundle report_;
  std::vector<store::PendingDocument> documents_;
  size_t content_bytes_ = 0;
  bool committed_ = false;
};

}  // namespace accord::ingest

#endif  // ACCORD_INGEST_SERVICE_PENDING_BUNDLE_H_
