#include "ingest-service/pending_bundle.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/index/document_terms.h"
#include "common/index/token_spans.h"
#include "common/parse/reject.h"
#include "common/parse/text_decoder.h"
#include "common/rpc/status.h"
#include "common/store/schema.h"
#include "common/util/hash.h"
#include "ingest-service/ingester.h"
#include "ingest-service/metadata_check.h"

namespace accord::ingest {
namespace {

// Documents prepared between two looks at the memory bundles hold: a
// lot of them may take the bundles in flight this much over their limit
// (some 100 KB a document), and keeps the worker pool busy.
constexpr size_t kPrepareLot = 256;

// How long a client refused for memory should wait: bundles commit in
// seconds.
constexpr absl::Duration kBusyRetryDelay = absl::Seconds(2);

std::string HumanBytes(size_t bytes) {
  if (bytes < 1024) return absl::StrCat(bytes, " bytes");
  if (bytes < (size_t{1} << 20))
    return absl::StrFormat("%.1f KiB", bytes / 1024.0);
  return absl::StrFormat("%.1f MiB", bytes / 1048576.0);
}

}  // namespace

PendingBundle::PendingBundle(store::Store* store,
                             const normalize::Normalizer* normalizer,
                             const analysis::Analyzer* analyzer,
                             WorkerPool* pool, const IngesterOptions* options,
                             CrossDocumentStep* cross_document,
                             BundleMemory* memory, accord::v1::Bundle header)
    : store_(store),
      normalizer_(normalizer),
      analyzer_(analyzer),
      pool_(pool),
      options_(options),
      cross_document_(cross_document),
      memory_(memory),
      report_(std::move(header)) {}

PendingBundle::~PendingBundle() {
  if (memory_ != nullptr) memory_->Release(memory_bytes_);
}

absl::Status PendingBundle::CheckMemory() const {
  if (memory_ == nullptr || !memory_->limited()) return absl::OkStatus();
  const size_t limit = memory_->limit();
  if (memory_bytes_ >= limit) {
    return rpc::WithErrorInfo(
        absl::ResourceExhaustedError(absl::StrCat(
            "bundle takes more memory than this server gives all bundles in "
            "flight (",
            HumanBytes(limit), ") after ", document_count(), " documents (",
            HumanBytes(content_bytes_),
            " of content); split it, or give the server a larger memory "
            "budget")),
        "BUNDLE_TOO_LARGE",
        {{"bundle_memory_bytes", absl::StrCat(memory_bytes_)},
         {"bundle_memory_limit_bytes", absl::StrCat(limit)},
         {"documents", absl::StrCat(document_count())}});
  }
  const size_t in_use = memory_->in_use();
  if (in_use >= limit) {
    return rpc::WithRetryDelay(
        rpc::WithErrorInfo(
            absl::ResourceExhaustedError(absl::StrCat(
                "the bundles this server is receiving hold ",
                HumanBytes(in_use), " of memory, its limit of ",
                HumanBytes(limit),
                "; nothing of this bundle was stored: send it again later")),
            "INGEST_BUSY",
            {{"bundle_memory_in_use_bytes", absl::StrCat(in_use)},
             {"bundle_memory_limit_bytes", absl::StrCat(limit)}}),
        kBusyRetryDelay);
  }
  return absl::OkStatus();
}

absl::Status PendingBundle::Add(const accord::v1::DocumentInput& input) {
  return AddAll({&input});
}

absl::Status PendingBundle::AddAll(
    absl::Span<const accord::v1::DocumentInput* const> inputs,
    const CallDeadline& deadline) {
  // Limits and cheap rejections first, in order, on this thread.
  std::vector<std::pair<const accord::v1::DocumentInput*, uint32_t>> work;
  for (const accord::v1::DocumentInput* input : inputs) {
    if (static_cast<size_t>(report_.results_size()) >=
        options_->max_documents_per_bundle) {
      return rpc::WithErrorInfo(
          absl::ResourceExhaustedError(absl::StrCat(
              "bundle has more than ", options_->max_documents_per_bundle,
              " documents; split it")),
          "BUNDLE_TOO_LARGE",
          {{"max_documents",
            absl::StrCat(options_->max_documents_per_bundle)}});
    }
    if (content_bytes_ + input->content().size() > options_->max_bundle_bytes) {
      return rpc::WithErrorInfo(
          absl::ResourceExhaustedError(absl::StrCat(
              "bundle content exceeds ", HumanBytes(options_->max_bundle_bytes),
              "; split it")),
          "BUNDLE_TOO_LARGE",
          {{"max_bundle_bytes", absl::StrCat(options_->max_bundle_bytes)}});
    }
    content_bytes_ += input->content().size();
    const uint32_t index = static_cast<uint32_t>(report_.results_size());
    accord::v1::DocumentResult* result = report_.add_results();
    result->set_index(index);
    result->set_client_ref(input->metadata().client_ref());
    // An oversized document costs nothing but this comparison.
    if (input->content().size() > options_->max_document_bytes) {
      result->set_outcome(accord::v1::DOCUMENT_OUTCOME_REJECTED);
      result->set_reject_reason(accord::v1::REJECT_REASON_TOO_LARGE);
      result->set_message(absl::StrCat(
          "document is ", HumanBytes(input->content().size()),
          "; the limit is ", HumanBytes(options_->max_document_bytes)));
      continue;
    }
    work.emplace_back(input, index);
  }

  // Parse, normalize and analyze in parallel: documents are independent,
  // and the normalizer and analyzer are thread-safe. Each document first
  // asks whether the call should go on, so a caller that gave up stops
  // costing more than the document in hand.
  std::vector<absl::StatusOr<store::PendingDocument>> prepared(
      work.size(), absl::UnknownError("not prepared"));
  absl::Mutex stop_mu;
  absl::Status stop;  // the first reason to stop, if any
  size_t skipped = 0;
  size_t attempted = 0;  // documents of the lots started
  for (size_t lot = 0; lot < work.size() && stop.ok(); lot += kPrepareLot) {
    if (absl::Status room = CheckMemory(); !room.ok()) return room;
    const size_t lot_size = std::min(kPrepareLot, work.size() - lot);
    attempted += lot_size;
    pool_->ParallelFor(lot_size, [&](size_t k) {
      const size_t i = lot + k;
      if (absl::Status go_on = deadline.Check("preparing documents");
          !go_on.ok()) {
        absl::MutexLock lock(&stop_mu);
        if (stop.ok()) stop = std::move(go_on);
        ++skipped;
        return;
      }
      prepared[i] = Prepare(*work[i].first, work[i].second);
    });
    if (memory_ == nullptr) continue;
    size_t lot_bytes = 0;
    for (size_t i = lot; i < lot + lot_size; ++i) {
      if (prepared[i].ok()) lot_bytes += prepared[i]->MemoryBytes();
    }
    memory_->Add(lot_bytes);
    memory_bytes_ += lot_bytes;
  }
  if (!stop.ok()) {
    return rpc::WithErrorInfo(
        absl::Status(
            stop.code(),
            absl::StrCat(stop.message(), " with ", attempted - skipped, " of ",
                         work.size(), " done; nothing was stored")),
        "CANCELLED_BEFORE_COMMIT");
  }

  for (size_t i = 0; i < work.size(); ++i) {
    if (prepared[i].ok()) {
      documents_.push_back(*std::move(prepared[i]));
      continue;
    }
    accord::v1::DocumentResult* result =
        report_.mutable_results(work[i].second);
    result->set_outcome(accord::v1::DOCUMENT_OUTCOME_REJECTED);
    accord::v1::RejectReason reason = RejectReasonOf(prepared[i].status());
    if (reason == accord::v1::REJECT_REASON_UNSPECIFIED) {
      // Only the normalizer's "nothing left" reaches here without a reason.
      reason = accord::v1::REJECT_REASON_EMPTY;
    }
    result->set_reject_reason(reason);
    result->set_message(std::string(prepared[i].status().message()));
  }
  return absl::OkStatus();
}

absl::StatusOr<store::PendingDocument> PendingBundle::Prepare(
    const accord::v1::DocumentInput& input, uint32_t index) const {
  if (absl::Status metadata = CheckDocumentMetadata(input.metadata());
      !metadata.ok()) {
    return metadata;
  }
  absl::StatusOr<DecodedText> decoded =
      DecodeText(input.content(), input.content_type());
  if (!decoded.ok()) return decoded.status();

  store::PendingDocument pending;
  pending.index = index;
  accord::v1::Document& document = pending.document();
  // The id hashes the decoded text, so the same article re-sent in another
  // charset or with other line ends is recognized as the same content.
  document.set_id(Sha256Hex(decoded->text).substr(0, store::kDocumentIdLength));
  if (absl::Status normalized =
          normalizer_->Normalize(decoded->text, input.metadata(), &document);
      !normalized.ok()) {
    return normalized;
  }
  ApplyMetadata(input.metadata(), &document);
  accord::v1::RawInfo* raw = document.mutable_raw();
  raw->set_content_type(input.content_type().empty() ? "text/plain"
                                                     : input.content_type());
  raw->set_charset(decoded->charset);
  raw->set_size_bytes(input.content().size());
  raw->set_sha256(Sha256Hex(input.content()));
  pending.raw_content = input.content();
  if (options_->understanding != nullptr) {
    pending.entities = options_->understanding->Understand(&document);
  }
  pending.terms = index::BuildDocumentTerms(*analyzer_, document);
  if (options_->understanding != nullptr &&
      options_->understanding_scope ==
          IngesterOptions::UnderstandingScope::kWhole) {
    // On the index's terms: no second pass over the text.
    options_->understanding->UnderstandTerms(pending.terms, &document);
  }
  // Nothing reads the spans after this but the store: encoded, they take a
  // fifth of the memory the bundle holds until its commit.
  pending.token_spans = index::EncodeTokenSpans(pending.terms.spans);
  pending.terms.spans = std::vector<index::TokenSpan>();
  return pending;
}

absl::StatusOr<accord::v1::Bundle> PendingBundle::Commit() {
  if (committed_) {
    return absl::FailedPreconditionError("bundle already committed");
  }
  if (report_.results_size() == 0) {
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError("bundle has no documents"), "EMPTY_BUNDLE");
  }
  report_.set_total_bytes(content_bytes_);
  committed_ = true;
  absl::Status stored;
  if (cross_document_ != nullptr) {
    absl::MutexLock lock(&cross_document_->mutex);
    CommitStageTimes& times = cross_document_->times;
    absl::Time started = absl::Now();
    absl::StatusOr<std::vector<stories::PersonMerge>> merged =
        cross_document_->people.Merge(*store_, &documents_);
    if (!merged.ok()) {
      return rpc::WithErrorInfo(merged.status(), "STORE_READ_FAILED");
    }
    times.people += absl::Now() - started;
    started = absl::Now();
    // After the people merge: events compare the merged people.
    if (options_->understanding_scope ==
        IngesterOptions::UnderstandingScope::kWhole) {
      if (absl::Status linked = cross_document_->stories.Link(
              *store_, &documents_, &cross_document_->events);
          !linked.ok()) {
        return rpc::WithErrorInfo(linked, "STORE_READ_FAILED");
      }
    }
    times.stories += absl::Now() - started;
    started = absl::Now();
    stored = store_->CommitBundle(&documents_, &report_);
    times.write += absl::Now() - started;
    ++times.bundles;
    if (stored.ok()) {
      cross_document_->events.Committed(&documents_);
    } else {
      cross_document_->events.Clear();
    }
  } else {
    stored = store_->CommitBundle(&documents_, &report_);
  }
  if (!stored.ok()) {
    return rpc::WithErrorInfo(stored, "STORE_WRITE_FAILED");
  }
  documents_.clear();
  // Committed once: the report is not needed here any more (a copy was
  // most of the cost of returning it, 500 results and their events).
  return std::move(report_);
}

}  // namespace accord::ingest
