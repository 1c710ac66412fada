#include "ingest-service/ingester.h"

#include <random>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/rpc/status.h"
#include "common/store/schema.h"
#include "common/util/hash.h"
#include "common/util/untrusted_text.h"
#include "ingest-service/metadata_check.h"

namespace accord::ingest {
namespace {

// 16 hex digits of microseconds since the epoch, so that ids sort by
// submit time, then 8 random ones against collisions within a microsecond.
std::string NewBundleId(absl::Time now) {
  thread_local std::mt19937 random{std::random_device{}()};
  return absl::StrFormat("%016x%08x",
                         static_cast<uint64_t>(absl::ToUnixMicros(now)),
                         static_cast<uint32_t>(random()));
}

}  // namespace

Ingester::Ingester(store::Store* store, const normalize::Normalizer* normalizer,
                   const analysis::Analyzer* analyzer, IngesterOptions options)
    : store_(store),
      normalizer_(normalizer),
      analyzer_(analyzer),
      options_(std::move(options)),
      prepare_pool_(std::make_unique<WorkerPool>(WorkerPoolOptions{
          .threads = options_.prepare_threads, .name = "accord-prepare"})),
      cross_document_(options_.understanding != nullptr
                          ? std::make_unique<CrossDocumentStep>(
                                options_.person_merge, options_.story_links)
                          : nullptr),
      bundle_memory_(
          std::make_unique<BundleMemory>(options_.max_bundle_memory_bytes)) {}

absl::StatusOr<std::unique_ptr<PendingBundle>> Ingester::NewBundle(
    absl::string_view submitter, absl::string_view label,
    absl::string_view request_id) const {
  if (absl::Status header = CheckBundleHeader(submitter, label, request_id);
      !header.ok()) {
    return header;
  }
  const absl::Time now = absl::Now();
  accord::v1::Bundle bundle;
  bundle.set_id(NewBundleId(now));
  bundle.set_submitter(std::string(submitter));
  bundle.set_label(std::string(label));
  bundle.set_request_id(std::string(request_id));
  const int64_t micros = absl::ToUnixMicros(now);
  bundle.mutable_submit_time()->set_seconds(micros / 1000000);
  bundle.mutable_submit_time()->set_nanos(
      static_cast<int32_t>(micros % 1000000) * 1000);
  return std::make_unique<PendingBundle>(
      store_, normalizer_, analyzer_, prepare_pool_.get(), &options_,
      cross_document_.get(), bundle_memory_.get(), std::move(bundle));
}

CommitStageTimes Ingester::commit_times() const {
  if (cross_document_ == nullptr) return CommitStageTimes();
  absl::MutexLock lock(&cross_document_->mutex);
  CommitStageTimes times = cross_document_->times;
  times.event_cache_hits = cross_document_->events.hits();
  times.event_cache_misses = cross_document_->events.misses();
  return times;
}

absl::StatusOr<accord::v1::Bundle> Ingester::GetBundle(
    absl::string_view id) const {
  if (!IsLowerHex(id, store::kBundleIdLength)) {
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError(
            absl::StrCat("bundle id \"", EscapeUntrusted(id), "\" is not ",
                         store::kBundleIdLength, " lowercase hex digits")),
        "INVALID_BUNDLE_ID", {{"bundle_id", EscapeUntrusted(id)}});
  }
  absl::StatusOr<accord::v1::Bundle> bundle = store_->GetBundle(id);
  if (absl::IsNotFound(bundle.status())) {
    return rpc::WithErrorInfo(
        absl::NotFoundError(absl::StrCat("bundle ", id, " not found")),
        "BUNDLE_NOT_FOUND", {{"bundle_id", std::string(id)}});
  }
  return bundle;
}

}  // namespace accord::ingest
