// Store::CommitBundle: the single commit point of the ingest path.
#include <string>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/index/token_spans.h"
#include "common/store/internal/entity_writes.h"
#include "common/store/internal/event_writes.h"
#include "common/store/internal/rocks.h"
#include "common/store/internal/sorted_batch.h"
#include "common/store/rocks_status.h"
#include "common/store/store.h"
#include "common/util/log.h"
#include "google/protobuf/timestamp.pb.h"
#include "rocksdb/write_batch.h"

namespace accord::store {

namespace {

// A document's record takes some tens of kilobytes on its arena (its
// paragraphs' strings are on the heap, owned by the arena): blocks from 8
// to 64 KiB hold it in a few, below glibc's threshold for mmap.
google::protobuf::ArenaOptions DocumentArenaOptions() {
  google::protobuf::ArenaOptions options;
  options.start_block_size = size_t{8} << 10;
  options.max_block_size = size_t{64} << 10;
  return options;
}

}  // namespace

PendingDocument::PendingDocument()
    : arena_(std::make_unique<google::protobuf::Arena>(DocumentArenaOptions())),
      document_(google::protobuf::Arena::CreateMessage<accord::v1::Document>(
          arena_.get())) {}

PendingDocument::PendingDocument(const PendingDocument& other)
    : PendingDocument() {
  *this = other;
}

PendingDocument& PendingDocument::operator=(const PendingDocument& other) {
  if (this == &other) return *this;
  if (document_ == nullptr) *this = PendingDocument();
  document_->CopyFrom(*other.document_);
  index = other.index;
  raw_content = other.raw_content;
  terms = other.terms;
  token_spans = other.token_spans;
  entities = other.entities;
  events = other.events;
  story = other.story;
  return *this;
}

PendingDocument::PendingDocument(PendingDocument&& other) noexcept
    : index(other.index),
      raw_content(std::move(other.raw_content)),
      terms(std::move(other.terms)),
      token_spans(std::move(other.token_spans)),
      entities(std::move(other.entities)),
      events(std::move(other.events)),
      story(std::move(other.story)),
      arena_(std::move(other.arena_)),
      document_(std::exchange(other.document_, nullptr)) {}

PendingDocument& PendingDocument::operator=(PendingDocument&& other) noexcept {
  if (this == &other) return *this;
  index = other.index;
  raw_content = std::move(other.raw_content);
  terms = std::move(other.terms);
  token_spans = std::move(other.token_spans);
  entities = std::move(other.entities);
  events = std::move(other.events);
  story = std::move(other.story);
  arena_ = std::move(other.arena_);
  document_ = std::exchange(other.document_, nullptr);
  return *this;
}

// The arena frees the record.
PendingDocument::~PendingDocument() = default;

size_t PendingDocument::MemoryBytes() const {
  // What malloc adds to each block it hands out (glibc: a size word, and
  // rounding up to 16 bytes).
  constexpr size_t kBlockOverhead = 16;
  const auto heap_string = [](const std::string& s) -> size_t {
    // Short strings live inside the std::string itself.
    return s.capacity() > 15 ? s.capacity() + 1 + kBlockOverhead : 0;
  };
  size_t bytes = sizeof(*this);
  if (arena_ != nullptr) bytes += arena_->SpaceAllocated();
  bytes += heap_string(raw_content) + raw_content.size() + kBlockOverhead;
  bytes += terms.terms.MemoryBytes() + 4 * kBlockOverhead;
  bytes += terms.spans.capacity() * sizeof(terms.spans[0]) + kBlockOverhead;
  bytes += heap_string(token_spans);
  // An entity record: the message and its names and roles, and its alias
  // keys; an event report: its message and lookups.
  for (const PendingEntity& entity : entities) {
    bytes += sizeof(entity) + 512;
    for (const std::string& key : entity.alias_keys) bytes += heap_string(key);
  }
  bytes += events.size() * (sizeof(PendingEventReport) + 1024);
  return bytes;
}

namespace {

void SetTimestamp(absl::Time time, google::protobuf::Timestamp* out) {
  const int64_t micros = absl::ToUnixMicros(time);
  out->set_seconds(micros / 1000000);
  out->set_nanos(static_cast<int32_t>(micros % 1000000) * 1000);
}

void CountOutcomes(accord::v1::Bundle* bundle) {
  accord::v1::BundleCounts* counts = bundle->mutable_counts();
  counts->Clear();
  for (const accord::v1::DocumentResult& result : bundle->results()) {
    switch (result.outcome()) {
      case accord::v1::DOCUMENT_OUTCOME_CREATED:
        counts->set_created(counts->created() + 1);
        break;
      case accord::v1::DOCUMENT_OUTCOME_UNCHANGED:
        counts->set_unchanged(counts->unchanged() + 1);
        break;
      case accord::v1::DOCUMENT_OUTCOME_REJECTED:
        counts->set_rejected(counts->rejected() + 1);
        break;
      default:
        break;
    }
  }
}

// What a commit of `documents` writes for entity, event and story records
// (a batch of their own before they join the bundle's): about 256 bytes an
// entity record, 1 KB an event report with its lookups.
size_t EstimatedRecordBytes(const std::vector<PendingDocument>& documents) {
  size_t bytes = 4096;
  for (const PendingDocument& pending : documents) {
    bytes += pending.entities.size() * 256 + pending.events.size() * 1024;
  }
  return bytes;
}

// About what a commit of `documents` writes, from sizes at hand: its raw
// input, and the document (its text, about as long as the raw input it was
// cleaned from, and about 128 bytes a mention, temporal expression or
// topic, 1 KB an event); token spans, a few dozen bytes a term, and its
// records (above). Not Document::ByteSizeLong(): a walk of every mention
// that serializing the document walks again (2% of a commit's time with
// understanding), for a buffer size that need not be exact.
size_t EstimatedBatchBytes(const std::vector<PendingDocument>& documents) {
  size_t bytes = 4096;
  for (const PendingDocument& pending : documents) {
    const accord::v1::Document& document = pending.document();
    const size_t records = static_cast<size_t>(
        document.entity_mentions_size() + document.temporal_expressions_size() +
        document.topics_size());
    bytes += 2 * pending.raw_content.size() + records * 128 +
             static_cast<size_t>(document.events_size()) * 1024 +
             pending.terms.spans.size() * 8 + pending.token_spans.size() +
             pending.terms.terms.size() * 24 + 512;
  }
  return bytes + EstimatedRecordBytes(documents);
}

}  // namespace

absl::Status Store::CommitBundle(std::vector<PendingDocument>* documents,
                                 accord::v1::Bundle* bundle) {
  if (!primary_) {
    return absl::FailedPreconditionError("CommitBundle on a secondary store");
  }
  if (bundle->id().empty()) {
    return absl::InvalidArgumentError("CommitBundle needs a bundle id");
  }
  for (const PendingDocument& pending : *documents) {
    if (pending.index >= static_cast<uint32_t>(bundle->results_size())) {
      return absl::InvalidArgumentError(absl::StrCat(
          "pending document index ", pending.index, " outside the bundle"));
    }
    if (absl::Status entities =
            internal::CheckPendingEntities(pending.entities);
        !entities.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "pending document ", pending.index, ": ", entities.message()));
    }
    if (absl::Status events = internal::CheckPendingEventsAndStory(pending);
        !events.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "pending document ", pending.index, ": ", events.message()));
    }
  }

  const std::shared_ptr<const Rocks> rocks = this->rocks();
  absl::MutexLock lock(&commit_mu_);
  if (!bundle->request_id().empty()) {
    absl::StatusOr<std::string> earlier =
        FindBundleByRequest(bundle->submitter(), bundle->request_id());
    if (earlier.ok()) {
      absl::StatusOr<accord::v1::Bundle> stored = GetBundle(*earlier);
      if (!stored.ok()) return stored.status();
      *bundle = *std::move(stored);
      return absl::OkStatus();
    }
    if (!absl::IsNotFound(earlier.status())) return earlier.status();
  }

  const absl::Time now = absl::Now();
  // Reserved at about its final size: grown by doubling, a batch of a few
  // MB was copied over and over (a sixth of the commit's time in a
  // profile, most of it page faults).
  rocksdb::WriteBatch batch(EstimatedBatchBytes(*documents));
  // Term -> (document, positions) of the new documents, in document order.
  absl::btree_map<absl::string_view,
                  std::vector<std::pair<uint32_t, absl::Span<const uint32_t>>>>
      postings;
  uint64_t next = next_sequence_;
  // Document id -> bundle index of its first occurrence in this bundle.
  absl::flat_hash_map<std::string, uint32_t> first_in_bundle;
  std::string value;
  internal::EntityWrites entities(rocks->db.get(), &rocks->handles,
                                  &known_committed_, &committed_entity_keys_);
  // The entity, event and story records, written document by document in
  // no key order: appended to `batch` sorted (internal/sorted_batch.h).
  rocksdb::WriteBatch records(EstimatedRecordBytes(*documents));
  for (PendingDocument& pending : *documents) {
    accord::v1::Document& document = pending.document();
    accord::v1::DocumentResult* result =
        bundle->mutable_results(static_cast<int>(pending.index));
    result->set_document_id(document.id());
    auto [it, inserted] = first_in_bundle.emplace(document.id(), pending.index);
    if (!inserted) {
      result->set_outcome(accord::v1::DOCUMENT_OUTCOME_UNCHANGED);
      result->set_message(absl::StrCat("same content as document ", it->second,
                                       " of this bundle"));
      continue;
    }
    absl::StatusOr<bool> stored = HasDocument(document.id());
    if (!stored.ok()) return stored.status();
    if (*stored) {
      result->set_outcome(accord::v1::DOCUMENT_OUTCOME_UNCHANGED);
      result->set_message("same content already stored");
      continue;
    }
    if (next >= kMaxDocuments) {
      return absl::ResourceExhaustedError(
          absl::StrCat("the store holds ", next, " documents, its limit"));
    }
    document.set_sequence(next);
    document.set_bundle_id(bundle->id());
    SetTimestamp(now, document.mutable_ingest_time());
    document.SerializeToString(&value);
    const std::string sequence_key = EncodeSequence(next);
    batch.Put(rocks->handle(Family::kDocuments), sequence_key, value);
    batch.Put(rocks->handle(Family::kDocumentIds), document.id(), sequence_key);
    batch.Put(rocks->handle(Family::kRaw), sequence_key, pending.raw_content);
    batch.Put(rocks->handle(Family::kDocSequence), sequence_key, document.id());
    batch.Put(rocks->handle(Family::kDocAttributes), sequence_key,
              index::EncodeDocAttributes(
                  index::AttributesOf(document, pending.terms.length)));
    if (pending.token_spans.empty()) {
      batch.Put(rocks->handle(Family::kTokenSpans), sequence_key,
                index::EncodeTokenSpans(pending.terms.spans));
    } else {
      batch.Put(rocks->handle(Family::kTokenSpans), sequence_key,
                pending.token_spans);
    }
    for (const auto& [term, positions] : pending.terms.terms) {
      postings[absl::string_view(term.data(), term.size())].emplace_back(
          static_cast<uint32_t>(next), positions);
    }
    if (absl::Status added = entities.AddDocument(
            pending.entities, document.id(), next, &records);
        !added.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "pending document ", pending.index, ": ", added.message()));
    }
    internal::AddEventsAndStory(rocks->handles, pending, next, &records);
    ++next;
    result->set_outcome(accord::v1::DOCUMENT_OUTCOME_CREATED);
    result->set_message("stored");
  }

  // Appends without reading: the commit's cost does not grow with the
  // terms the store holds (posting_value.h).
  for (const auto& [term, entries] : postings) {
    AppendPostings(*rocks, term, entries, &batch);
  }
  // Entity records, names, offices and aliases that no earlier commit
  // stored: read under the commit lock, so no other commit can add them
  // meanwhile.
  if (absl::Status absent = entities.AddAbsent(&records); !absent.ok()) {
    return absent;
  }
  if (absl::Status appended =
          internal::AppendSortedByFamilyAndKey(records, rocks->handles, &batch);
      !appended.ok()) {
    return absl::InternalError(
        absl::StrCat("commit bundle ", bundle->id(), ": ", appended.message()));
  }

  if (!bundle->has_submit_time())
    SetTimestamp(now, bundle->mutable_submit_time());
  CountOutcomes(bundle);
  bundle->SerializeToString(&value);
  batch.Put(rocks->handle(Family::kBundles), bundle->id(), value);
  if (!bundle->request_id().empty()) {
    batch.Put(rocks->handle(Family::kBundleRequests),
              BundleRequestKey(bundle->submitter(), bundle->request_id()),
              bundle->id());
  }
  batch.Put(rocks->handle(Family::kMeta), ToSlice(kMetaNextSequence),
            EncodeSequence(next));

  rocksdb::WriteOptions options;
  options.sync = true;  // Acknowledged means durable.
  absl::Status written =
      FromRocks(rocks->db->Write(options, &batch),
                absl::StrCat("commit bundle ", bundle->id()));
  if (!written.ok()) return written;
  next_sequence_ = next;
  if (acknowledged_.has_value()) {
    if (absl::Status recorded = acknowledged_->Write(next); !recorded.ok()) {
      // The bundle is stored; only the damage check of the next open
      // is weaker.
      LogWarning("store %s: %s", path_, recorded.message());
    }
  }
  for (const auto& known : entities.known_added()) {
    known_committed_.insert(known);
  }
  entities.RememberStored(&committed_entity_keys_);
  return absl::OkStatus();
}

}  // namespace accord::store
