// DocTable: every document's search attributes, in memory, by sequence.
//
// Filters (language, publication time, source, entities, topics, event
// types), facets and BM25 (document length, average length) need a few
// facts about every candidate document; reading them from RocksDB per
// candidate would dominate a search. The table holds them as columns
// (about 20 bytes a document, plus 4 per entity and topic it names) with
// every string interned, and catches up with the store as documents
// arrive; it never forgets, since documents are never removed.
//
// Thread-safety: CatchUp and readers may run concurrently. Readers hold a
// DocTable::ReadLock for the duration of one search.
#ifndef ACCORD_QUERY_SERVICE_SEARCH_DOC_TABLE_H_
#define ACCORD_QUERY_SERVICE_SEARCH_DOC_TABLE_H_

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "common/store/store.h"

namespace accord::query {

class DocTable {
 public:
  static constexpr int64_t kNoDate = std::numeric_limits<int64_t>::min();
  static constexpr uint32_t kUnknownId = std::numeric_limits<uint32_t>::max();
  // month() of a document without a publication time.
  static constexpr int32_t kNoMonth = std::numeric_limits<int32_t>::min();

  // Loads the attributes of documents [size(), count) from `store`.
  absl::Status CatchUp(const store::Store& store, uint64_t count)
      ABSL_LOCKS_EXCLUDED(mu_);

  // Shared access to the columns for one search.
  class ABSL_SCOPED_LOCKABLE ReadLock {
   public:
    explicit ReadLock(const DocTable* table)
        ABSL_SHARED_LOCK_FUNCTION(table->mu_)
        : table_(table) {
      table_->mu_.ReaderLock();
    }
    ~ReadLock() ABSL_UNLOCK_FUNCTION() { table_->mu_.ReaderUnlock(); }
    ReadLock(const ReadLock&) = delete;
    ReadLock& operator=(const ReadLock&) = delete;

    uint32_t length(uint32_t doc) const { return t().lengths_[doc]; }
    // Mean length of documents [0, n); 1 when n is 0.
    double average_length(uint32_t n) const;
    uint32_t language(uint32_t doc) const { return t().languages_[doc]; }
    int64_t published(uint32_t doc) const { return t().published_[doc]; }
    // Months since 1970-01 (UTC) of the publication time, or kNoMonth.
    int32_t month(uint32_t doc) const { return t().months_[doc]; }
    absl::Span<const uint32_t> sources(uint32_t doc) const;
    // A document's entities: its countries, then its people, then its
    // organizations, then the rest (places, treaties).
    absl::Span<const uint32_t> entities(uint32_t doc) const;
    // Its entities of `kind` alone: ENTITY_KIND_COUNTRY, _PERSON or
    // _ORGANIZATION (the kinds facets count; empty for the others). A
    // faceted search counts thousands of matches' entities: it reads only
    // the kinds it was asked for and never looks up an entity's kind.
    absl::Span<const uint32_t> entities_of_kind(
        uint32_t doc, accord::v1::EntityKind kind) const;
    absl::Span<const uint32_t> topics(uint32_t doc) const;
    // Bit t set when the document reports an event of type t.
    uint32_t event_types(uint32_t doc) const { return t().event_types_[doc]; }
    // Id of a language code, (normalized) source key, entity id or topic
    // id; kUnknownId if no document has it.
    uint32_t LanguageId(const std::string& code) const;
    uint32_t SourceId(const std::string& key) const;
    uint32_t EntityId(const std::string& id) const;
    uint32_t TopicId(const std::string& id) const;
    // The values behind interned ids.
    const std::string& LanguageName(uint32_t id) const {
      return t().language_names_[id];
    }
    const std::string& SourceName(uint32_t id) const {
      return t().source_names_[id];
    }
    const std::string& EntityName(uint32_t id) const {
      return t().entity_names_[id];
    }
    const std::string& TopicName(uint32_t id) const {
      return t().topic_names_[id];
    }
    accord::v1::EntityKind EntityKind(uint32_t id) const {
      return t().entity_kinds_[id];
    }
    size_t entity_count() const { return t().entity_names_.size(); }
    size_t topic_count() const { return t().topic_names_.size(); }
    size_t language_count() const { return t().language_names_.size(); }
    size_t source_count() const { return t().source_names_.size(); }
    // Codes of the languages present, "und" excluded.
    std::vector<std::string> Languages() const;

   private:
    const DocTable& t() const ABSL_NO_THREAD_SAFETY_ANALYSIS { return *table_; }
    const DocTable* const table_;
  };

 private:
  uint32_t Intern(const std::string& value,
                  absl::flat_hash_map<std::string, uint32_t>* ids,
                  std::vector<std::string>* names)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Serializes CatchUp calls so two never load the same range.
  absl::Mutex load_mu_;
  mutable absl::Mutex mu_;
  std::vector<uint32_t> lengths_ ABSL_GUARDED_BY(mu_);
  std::vector<uint64_t> length_sums_ ABSL_GUARDED_BY(mu_) = {0};
  std::vector<uint32_t> languages_ ABSL_GUARDED_BY(mu_);
  std::vector<int64_t> published_ ABSL_GUARDED_BY(mu_);
  std::vector<uint32_t> source_starts_ ABSL_GUARDED_BY(mu_) = {0};
  std::vector<uint32_t> source_ids_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, uint32_t> language_ids_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> language_names_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, uint32_t> source_key_ids_
      ABSL_GUARDED_BY(mu_);
  std::vector<std::string> source_names_ ABSL_GUARDED_BY(mu_);
  std::vector<int32_t> months_ ABSL_GUARDED_BY(mu_);
  // Document d's entities are entity_ids_[entity_starts_[d],
  // entity_starts_[d + 1]); its countries, people and organizations end at
  // entity_group_ends_[d][0], [1] and [2].
  std::vector<uint32_t> entity_starts_ ABSL_GUARDED_BY(mu_) = {0};
  std::vector<std::array<uint32_t, 3>> entity_group_ends_ ABSL_GUARDED_BY(mu_);
  std::vector<uint32_t> entity_ids_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, uint32_t> entity_key_ids_
      ABSL_GUARDED_BY(mu_);
  std::vector<std::string> entity_names_ ABSL_GUARDED_BY(mu_);
  std::vector<accord::v1::EntityKind> entity_kinds_ ABSL_GUARDED_BY(mu_);
  std::vector<uint32_t> topic_starts_ ABSL_GUARDED_BY(mu_) = {0};
  std::vector<uint32_t> topic_ids_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, uint32_t> topic_key_ids_
      ABSL_GUARDED_BY(mu_);
  std::vector<std::string> topic_names_ ABSL_GUARDED_BY(mu_);
  std::vector<uint32_t> event_types_ ABSL_GUARDED_BY(mu_);
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_DOC_TABLE_H_
