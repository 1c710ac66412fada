// Store: Accord's records in one RocksDB database.
//
// A Store is opened either as the primary (ingest-service: the only writer)
// or as a secondary (query-service: a read-only follower of the primary's
// files that sees new writes after CatchUp()). Both can run at once on the
// same directory, in different processes.
//
// Thread-safety: all methods may be called concurrently. CommitBundle calls
// are serialized internally.
//
//   absl::StatusOr<std::unique_ptr<Store>> store =
//       Store::OpenPrimary("/var/lib/accord", StoreOptions());
//   absl::StatusOr<accord::v1::Document> doc = (*store)->GetDocument(id);
#ifndef ACCORD_COMMON_STORE_STORE_H_
#define ACCORD_COMMON_STORE_STORE_H_

#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "accord/v1/bundle.pb.h"
#include "accord/v1/document.pb.h"
#include "accord/v1/understanding.pb.h"
#include "common/index/doc_attributes.h"
#include "common/index/document_terms.h"
#include "common/index/posting_block.h"
#include "common/store/internal/acknowledged.h"
#include "common/store/internal/committed_entity_keys.h"
#include "common/store/schema.h"
#include "common/util/call_deadline.h"
#include "google/protobuf/arena.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"

namespace accord::store {

struct StoreOptions {
  // ---- Behaviour ----

  // Primary only: create an empty store when the directory holds none.
  // Default: true.
  bool create_if_missing = true;

  // ---- Disk use ----

  // Primary only: the most write-ahead log (live *.log files) to keep.
  // A WAL file is deleted once every family with writes in it has been
  // flushed. Accord flushes all families at once (store.cc), so the WAL
  // usually lives until the fullest write buffer fills; past this bound
  // RocksDB flushes early. Unbounded, families that take few bytes (meta,
  // bundles, bundle_requests) pinned every WAL since their last flush: a
  // store held 1 GB of WAL after 50k articles, and RocksDB's own limit (0
  // here) is 4 x the sum of all write buffers, 2 GiB at the defaults. The
  // bound also caps what a restart, or a secondary's reopen (CatchUp),
  // replays. Default: 128 MiB.
  uint64_t max_wal_bytes = uint64_t{128} << 20;

  // ---- Performance ----

  // ---- Memory (README.md, "Memory") ----

  // Block cache shared by all column families: data blocks, and the index
  // and filter blocks of every table file (charged to the cache, so they
  // do not grow outside it as the store grows), and the memtables when
  // memtable_budget_bytes is set. Default: 128 MiB.
  size_t block_cache_bytes = size_t{128} << 20;
  // The most memory the memtables of all column families take together
  // (RocksDB's WriteBufferManager), charged to the block cache: past it
  // the primary flushes. A secondary's memtables, replayed from the
  // primary's write-ahead log, are charged the same way. 0: no bound
  // beyond each family's write_buffer_bytes. Default: 0.
  size_t memtable_budget_bytes = 0;
  // Memtable size per column family. Default: 32 MiB.
  size_t write_buffer_bytes = size_t{32} << 20;
  // Background flush and compaction threads. Default: 2.
  int background_jobs = 2;
  // Primary only: the most keys of entity records, names, offices, aliases
  // and role holders that the store remembers as stored, so that a commit
  // neither builds nor reads them again (internal/committed_entity_keys.h;
  // about 80 bytes a key). Default: 131,072 (about 10 MB).
  size_t max_remembered_entity_keys = 131072;

  // ---- Damage ----

  // Opens a primary even when it holds fewer documents than it
  // acknowledged (internal/acknowledged.h): what is left is kept and the
  // record is reset to it. Only for `accord-admin repair`, after the loss
  // has been reported. Default: false (such a store is refused, DataLoss).
  bool accept_data_loss = false;

  // ---- Testing ----

  // For tests only: the Env through which RocksDB does all its file I/O,
  // e.g. one that simulates a power loss (common/testing/power_loss_fs.h).
  // Servers leave it unset. nullptr: the default (POSIX) Env.
  // REQUIRES: outlives the store.
  rocksdb::Env* env = nullptr;
};

// What a gazetteer knows of an entity, the same for every document that
// mentions it: its names in every language, its offices, its alias keys.
// Built once per process and shared by the PendingEntity of every document
// that mentions the entity. The store writes what of it is not stored yet
// the first time a commit of this process carries it, and skips it in
// later commits: ingest does not pay for hundreds of country names per
// document.
struct KnownEntity {
  // Only names (source not "text": "iso-codes:...", "team:...") and roles
  // (offices, with start and end) are read. Same REQUIRES as
  // PendingEntity's names and roles.
  accord::v1::Entity data;
  // Normalized aliases (common/alias); no NUL, none empty.
  std::vector<std::string> alias_keys;
  // Tells this content from another version of it (a process that loads
  // other gazetteer data): the store skips only a digest it has committed.
  uint64_t digest = 0;
};

// What a new document tells the store about one entity it mentions.
struct PendingEntity {
  // id, kind, canonical_name; names: the names this document used (source =
  // "text", document_id left empty: the store fills it); roles: the roles
  // this document states (document_ids empty); mention_count: mentions in
  // this document. Gazetteer names and offices may be here too (a source
  // other than "text" or empty marks them), but belong in `known`.
  //
  // REQUIRES (else CommitBundle refuses the bundle, InvalidArgument):
  // IsValidEntityId(id), and so for every non-empty of_entity_id; names,
  // role ids and languages hold no NUL; names and role ids are not empty.
  accord::v1::Entity entity;
  // Normalized aliases (common/alias) of this document's names that
  // `known` does not already have. No NUL, none empty.
  std::vector<std::string> alias_keys;
  // The gazetteer's data for this entity; null for an entity no gazetteer
  // knows.
  std::shared_ptr<const KnownEntity> known;
};

// A report of an event that a new document adds (ingest-service/stories
// decides which event it is).
struct PendingEventReport {
  // IsValidEventId.
  std::string event_id;
  // True when this report starts the event: the store writes the event's
  // record (id and type) too. Its id is then EventIdOf(the document's id,
  // the mention's index).
  bool creates = false;
  // document_id, mention_index, language, mention and main set; match
  // set unless `creates`.
  accord::v1::EventReport report;
};

// The story a new document joins or starts.
struct PendingStoryMember {
  // IsValidStoryId.
  std::string story_id;
  // document_id, language, title, links, completions, event_ids.
  accord::v1::StoryMember member;
  // Stories this document shows to be one with story_id, folded into it.
  std::vector<accord::v1::StoryMerge> merges;
};

// A document ready to be stored, as built by the ingest path.
//
// Its record lives on a protobuf arena of its own: the ingest path gives a
// document some hundreds of small messages and strings (paragraphs, entity
// mentions, temporal expressions, events), which an arena allocates by
// moving a pointer and frees as a few blocks when the committed document
// is destroyed, where the heap took a malloc and a free for each. Code
// that fills the record should create its messages in place
// (`document().add_entity_mentions()`): a message built on the heap and
// then moved in is copied onto the arena.
//
// A copy copies the record onto a new arena. A move takes the arena along
// (the record stays where it is); a moved-from PendingDocument may only be
// assigned to or destroyed.
struct PendingDocument {
  PendingDocument();
  PendingDocument(const PendingDocument& other);
  PendingDocument& operator=(const PendingDocument& other);
  PendingDocument(PendingDocument&& other) noexcept;
  PendingDocument& operator=(PendingDocument&& other) noexcept;
  ~PendingDocument();

  // Complete record; CommitBundle sets sequence, bundle_id and ingest_time.
  accord::v1::Document& document() { return *document_; }
  const accord::v1::Document& document() const { return *document_; }

  // About the bytes of memory this document holds, from sizes at hand
  // (no walk of the record): its arena, its text (about as long as the
  // raw input it was cleaned from, on the heap beside the arena), the raw
  // input, the index terms with their positions and spans (usually the
  // largest part: tens of bytes a distinct term), its entity records and
  // event reports. A bound on what bundles in flight hold (the
  // ingest-service's bundle memory), not an exact count.
  size_t MemoryBytes() const;

  // Index of the document in Bundle.results.
  uint32_t index = 0;
  // The bytes exactly as submitted.
  std::string raw_content;
  // What the search index stores of the document.
  index::DocumentTerms terms;
  // index::EncodeTokenSpans(terms.spans), when the caller encoded them
  // ahead (the ingest path, once its extractors have read the spans, which
  // are then freed: the encoding takes about 3 bytes a word, the spans 16
  // and more) and the store writes it as it is; empty: the store encodes
  // terms.spans.
  std::string token_spans;
  // The entities it mentions, each once (a repeated id adds its mentions).
  std::vector<PendingEntity> entities;
  // Its reports of events across documents, and its story; empty when
  // stored without understanding.
  std::vector<PendingEventReport> events;
  std::optional<PendingStoryMember> story;

 private:
  std::unique_ptr<google::protobuf::Arena> arena_;
  // On arena_.
  accord::v1::Document* document_ = nullptr;
};

class Store {
 public:
  // Opens (or creates) the primary store in `path`.
  static absl::StatusOr<std::unique_ptr<Store>> OpenPrimary(
      const std::string& path, const StoreOptions& options);

  // Opens a read-only follower of the primary store in `primary_path`.
  // `secondary_path` is a private directory for the follower's own info
  // log; it is created if missing. max_open_files is -1, as RocksDB
  // requires for secondaries. NotFound when no store exists yet.
  static absl::StatusOr<std::unique_ptr<Store>> OpenSecondary(
      const std::string& primary_path, const std::string& secondary_path,
      const StoreOptions& options);

  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  bool is_primary() const { return primary_; }

  // ---- Reads ----

  // NotFound when `id` is not stored.
  absl::StatusOr<accord::v1::Document> GetDocument(absl::string_view id) const;
  // Its sequence (Document.sequence), without reading the document.
  // NotFound when `id` is not stored.
  absl::StatusOr<uint64_t> SequenceOfDocument(absl::string_view id) const;
  // Looks up many ids at once; entry i answers ids[i].
  std::vector<absl::StatusOr<accord::v1::Document>> GetDocuments(
      const std::vector<std::string>& ids) const;
  // The bytes as submitted. NotFound when `id` is not stored.
  absl::StatusOr<std::string> GetRawContent(absl::string_view id) const;
  // The same for the document with this sequence number (Document.sequence),
  // without reading the document.
  absl::StatusOr<std::string> GetRawContentOf(uint64_t sequence) const;
  absl::StatusOr<bool> HasDocument(absl::string_view id) const;
  // NotFound when `id` is not stored.
  absl::StatusOr<accord::v1::Bundle> GetBundle(absl::string_view id) const;
  // The bundle stored for (submitter, request_id); NotFound if none.
  absl::StatusOr<std::string> FindBundleByRequest(
      absl::string_view submitter, absl::string_view request_id) const;
  // Number of documents ever stored (the next sequence number).
  absl::StatusOr<uint64_t> DocumentCount() const;

  // ---- Entities ----

  // The entity `id` assembled from its families (docs/STORAGE.md,
  // "Entities"): kind and canonical name; its names, each with the
  // gazetteer or the first document that used it; its roles, one record
  // per gazetteer office and one per (role_id, of_entity_id) that
  // documents state, with the first max_documents of those documents;
  // mention_count and document_count over all its documents;
  // document_ids, the first max_documents in ingest order; the first and
  // last documents and their ingest times. Reads every entity_documents and
  // entity_roles key of the entity (a prefix scan each), checking
  // `deadline` as it goes. NotFound when the entity is not stored; DataLoss
  // when a stored key or value is malformed.
  absl::StatusOr<accord::v1::Entity> GetEntity(
      absl::string_view id, size_t max_documents,
      const CallDeadline& deadline = CallDeadline()) const;
  // The entities record of `id` alone (id, kind, canonical name): one
  // point read, where GetEntity reads every key of the entity. NotFound
  // when the entity is not stored; DataLoss when the record is malformed.
  absl::StatusOr<accord::v1::Entity> GetEntityRecord(
      absl::string_view id) const;
  // The sequences of the documents that mention entity `id`, most recent
  // first, only those below `before_sequence`, at most max_results. Empty
  // for an entity not stored; DataLoss when a key is malformed.
  absl::StatusOr<std::vector<uint64_t>> RecentEntityDocuments(
      absl::string_view id, uint64_t before_sequence, size_t max_results) const;
  // The ids of the entities stored under the normalized alias `alias_key`,
  // sorted, at most max_results. Empty when none.
  absl::StatusOr<std::vector<std::string>> FindEntitiesByAlias(
      absl::string_view alias_key, size_t max_results) const;
  // One key of entity_aliases: a normalized alias and an entity stored
  // under it.
  struct AliasEntry {
    std::string alias_key;
    std::string entity_id;
    // The sequence of the first document that gave the entity this alias
    // (0 in stores written before it was recorded).
    uint64_t first_sequence = 0;
  };
  // The aliases whose normalized key starts with `alias_key_prefix`, in
  // key order (by alias, then id), at most max_results: names typed in
  // part. Empty for an empty prefix or one holding NUL. DataLoss when a
  // stored key is malformed.
  absl::StatusOr<std::vector<AliasEntry>> ScanEntityAliases(
      absl::string_view alias_key_prefix, size_t max_results) const;
  // One person stored as holding a role of a body: the id, and the
  // canonical name it had when the first document (or the gazetteer) gave
  // it that role.
  struct RoleHolder {
    std::string id;
    std::string canonical_name;
  };
  // The people stored as holding role `role_id` of `of_entity_id` (a
  // document stated it, or it is a gazetteer office), sorted by id, at
  // most max_results. Empty when none. DataLoss when a stored key is
  // malformed.
  absl::StatusOr<std::vector<RoleHolder>> FindRoleHolders(
      absl::string_view role_id, absl::string_view of_entity_id,
      size_t max_results) const;

  // ---- Events and stories ----

  // The event `id` assembled from its reports (accord.v1.Event): the
  // first max_reports reports in ingest order, report_count over all, and
  // the slots over all reports; only the reports of documents with a
  // sequence below `before_sequence` (a listing's snapshot). NotFound when
  // no such event is stored, or none of its reports is below
  // before_sequence; DataLoss when a stored record is malformed.
  absl::StatusOr<accord::v1::Event> GetEvent(
      absl::string_view id, size_t max_reports,
      const CallDeadline& deadline = CallDeadline(),
      uint64_t before_sequence = std::numeric_limits<uint64_t>::max()) const;
  // The distinct event ids under an event_lookup prefix (schema.h,
  // Events*Prefix), at most max_results: those most recently reported
  // first when `newest_first`, else the earliest reported first
  // (EventView::FindEventIds, on a view of its own).
  absl::StatusOr<std::vector<std::string>> FindEventIds(
      absl::string_view lookup_prefix, size_t max_results,
      bool newest_first) const;
  // A view of the events stored now, for many lookups and report reads in
  // a row (common/store/event_view.h).
  class EventView;
  std::unique_ptr<EventView> NewEventView() const;
  // The story document `document_id` belongs to now: the one it joined,
  // or the story that one was folded into (followed to the end). NotFound
  // when the document has no story (stored without understanding, or not
  // stored).
  absl::StatusOr<std::string> StoryOfDocument(
      absl::string_view document_id) const;
  // The story `id` with the members of the stories folded into it, in
  // ingest order, the first max_members of them. A story that was folded
  // into another answers as that one (Story.id says which). NotFound when
  // no such story is stored; DataLoss when a record is malformed.
  absl::StatusOr<accord::v1::Story> GetStory(
      absl::string_view id, size_t max_members,
      const CallDeadline& deadline = CallDeadline()) const;

  // The members of one story as it stands now (stories folded into it
  // included): their sequences, ascending.
  struct StoryMemberSequences {
    std::string story_id;
    std::vector<uint64_t> sequences;
  };
  // Every story that has a member below `before_sequence` (a listing's
  // snapshot), with those members, stories folded into another counted
  // with it; sorted by story id. Reads the keys of story_members (one full
  // scan: about 45 bytes a document) and the folds of story_merges,
  // checking `deadline`. DataLoss when a key or fold is malformed.
  absl::StatusOr<std::vector<StoryMemberSequences>> ListStoryMembers(
      uint64_t before_sequence,
      const CallDeadline& deadline = CallDeadline()) const;

  // ---- Search index ----

  // Appends to *out the postings of `term` for documents below `limit`
  // (a sequence number), in document order.
  absl::Status ReadPostings(absl::string_view term, uint32_t limit,
                            bool with_positions, index::PostingList* out) const;
  // Appends to *out the postings of `term`, with positions, of those of
  // `docs` (ascending) below `limit`: a phrase's candidates, a page of hits.
  // Reads only the chunks and decodes only the blocks that hold them.
  absl::Status ReadPostingsOf(absl::string_view term, uint32_t limit,
                              absl::Span<const uint32_t> docs,
                              index::PostingList* out) const;
  // The token spans (index/token_spans.h) of the documents with these
  // sequence numbers; entry i answers sequences[i].
  std::vector<absl::StatusOr<std::string>> GetTokenSpans(
      const std::vector<uint64_t>& sequences) const;
  // Appends the attributes of documents [from, to) to *out, in order.
  // DataLoss when one is missing or malformed.
  absl::Status ReadDocAttributes(uint64_t from, uint64_t to,
                                 std::vector<index::DocAttributes>* out) const;
  // The ids of the documents with these sequence numbers; entry i answers
  // sequences[i].
  std::vector<absl::StatusOr<std::string>> GetDocumentIds(
      const std::vector<uint64_t>& sequences) const;

  // OK when the store can serve: a cheap read succeeds and, for the
  // primary, RocksDB reports no background error that stops writes.
  absl::Status CheckUsable() const;

  // One figure of the store for monitoring (metrics): RocksDB's sizes and
  // activity, summed over the column families.
  struct Figure {
    // "sst_bytes": a metric name's last part, in base units.
    std::string name;
    std::string help;
    double value = 0;
  };
  // Read from RocksDB's properties when asked; a figure RocksDB cannot
  // give is left out.
  std::vector<Figure> Figures() const;

  // ---- Writes (primary only) ----

  // Stores `bundle` and every document of `documents` not stored yet, in
  // one atomic write synced to disk before returning. Fills in the outcome
  // (CREATED or UNCHANGED, with document_id and message) of
  // bundle->results[d.index] for each d, assigns sequence numbers to new
  // documents, sets bundle_id and ingest_time on them, and sets
  // bundle->counts from all results. A document that appears twice in
  // `documents` is created once. REQUIRES: bundle->id() is set.
  //
  // The entities of each created document (PendingDocument.entities) go
  // into the same batch: its entity_documents and stated roles, and the
  // entity records, names, gazetteer offices and aliases not stored yet
  // (read first, in one MultiGet per family), so the first document wins
  // and no key is ever overwritten. So do its event reports and story
  // membership (PendingDocument.events, .story; internal/event_writes.h).
  // Unchanged documents add nothing.
  //
  // When bundle->request_id() is set and the same submitter already
  // committed it, nothing is written and *bundle becomes the stored report
  // (a safe re-send). On error nothing is stored.
  absl::Status CommitBundle(std::vector<PendingDocument>* documents,
                            accord::v1::Bundle* bundle);

  // ---- Checks (store_verify.cc) ----

  // What Verify found.
  struct Check {
    // Documents the store holds (its next sequence number).
    uint64_t documents = 0;
    // What its acknowledgement record says it acknowledged, if it has one.
    std::optional<uint64_t> acknowledged;
    // Problems, one line each; empty when the store is sound.
    std::vector<std::string> problems;
  };
  // Checks the store in `path` without writing anything (no server may
  // hold it): every table file's block checksums; the acknowledgement
  // record against the documents stored; for every sequence number its
  // document id, document record (parsed, its sequence and id matching),
  // raw content and search attributes. An error only when the store cannot
  // be opened at all.
  static absl::StatusOr<Check> Verify(const std::string& path);
  // The documents the store in `path` acknowledged (internal/acknowledged.h),
  // if it keeps the record; read without opening the store.
  static absl::StatusOr<std::optional<uint64_t>> AcknowledgedCount(
      const std::string& path);

  // ---- Backups (store_backup.cc) ----

  // One backup in a backup directory (RocksDB's BackupEngine format).
  struct BackupInfo {
    uint32_t id = 0;
    absl::Time create_time;
    // Documents in the store when it was taken.
    uint64_t document_count = 0;
    uint64_t size_bytes = 0;
    uint32_t file_count = 0;
  };

  // Backs up the store into `backup_dir` (created if missing), sharing the
  // table files earlier backups there hold, then verifies the new backup's
  // files and removes the oldest backups beyond `keep` (>= 1), appending
  // their ids to `removed`. Commits wait while the backup is taken, so it
  // holds every bundle acknowledged before it and none after. Primary only.
  absl::StatusOr<BackupInfo> CreateBackup(const std::string& backup_dir,
                                          int keep,
                                          std::vector<uint32_t>* removed);
  // The backups in `backup_dir`, newest first. NotFound when it holds
  // none.
  static absl::StatusOr<std::vector<BackupInfo>> ListBackups(
      const std::string& backup_dir);
  // Checks every file of backup `id` against the checksums recorded when
  // it was taken. DataLoss naming the first file that differs.
  static absl::Status VerifyBackup(const std::string& backup_dir, uint32_t id);
  // Writes backup `id` (0: the newest) of `backup_dir` as a store in
  // `data_dir`, after verifying it. `data_dir` must not hold a store
  // (FailedPrecondition: restore into a new directory, then move it).
  static absl::StatusOr<BackupInfo> RestoreBackup(const std::string& backup_dir,
                                                  uint32_t id,
                                                  const std::string& data_dir);

  // Flushes memtables and compacts every family: the store's steady-state
  // size on disk, for backups and benchmarks. Primary only.
  absl::Status Compact();

  // ---- Secondary only ----

  // Applies the primary's writes made since the last call. Calls are
  // serialized; reads may run meanwhile.
  //
  // A RocksDB secondary replays the primary's WAL into memtables, which
  // reads consult before SST files. When the primary flushes writes the
  // secondary had not replayed yet, the older entries it did replay stay
  // in its memtables and hide the newer values the flush wrote, for keys
  // that are overwritten (next_sequence; posting values are merged and
  // drop a run applied twice, posting_value.h), until that
  // family's next write: forever if ingest stops. So when a catch-up finds
  // a new SST file in such a family while this instance holds memtable
  // entries, it opens a fresh secondary (SST files plus the live WAL, at
  // most StoreOptions::max_wal_bytes), catches it up and swaps it in;
  // reads in flight finish on the old instance.
  absl::Status CatchUp();

  // How often CatchUp has swapped in a fresh instance (for status pages and
  // tests).
  uint64_t secondary_reopens() const { return reopens_.load(); }

 private:
  // One open RocksDB instance with its column family handles
  // (common/store/internal/rocks.h). A secondary replaces its instance in
  // CatchUp; a read holds the instance it started with.
  struct Rocks;

  Store(bool primary, std::string path, std::string secondary_path,
        const StoreOptions& options, std::shared_ptr<rocksdb::Cache> cache,
        std::shared_ptr<const Rocks> rocks);

  static absl::StatusOr<std::unique_ptr<Store>> Open(
      bool primary, const std::string& path, const std::string& secondary_path,
      const StoreOptions& options);
  // The block cache of an open: options.block_cache_bytes, half of it a
  // high-priority pool for index and filter blocks.
  static std::shared_ptr<rocksdb::Cache> NewBlockCache(
      const StoreOptions& options);
  // Opens the RocksDB instance itself; a primary whose directory another
  // process holds gets FailedPrecondition naming that process.
  // `read_only` (primary only): without taking the store, writing or
  // deleting anything.
  static absl::StatusOr<std::shared_ptr<const Rocks>> OpenRocks(
      bool primary, const std::string& path, const std::string& secondary_path,
      const StoreOptions& options, const std::shared_ptr<rocksdb::Cache>& cache,
      bool read_only = false);
  // Before a primary opens: DataLoss when the store in `path`, opened
  // read-only, holds fewer documents than its acknowledgement record.
  static absl::Status CheckAcknowledged(
      const std::string& path, const StoreOptions& options,
      const std::shared_ptr<rocksdb::Cache>& cache);
  absl::Status InitializeOrCheckSchema();
  // The current instance. Cheap: a reader lock around a shared_ptr copy.
  std::shared_ptr<const Rocks> rocks() const;
  absl::StatusOr<std::string> Get(Family family, absl::string_view key,
                                  absl::string_view what) const;
  // Calls decode(merge operands of the key, oldest first) for each chunk
  // of `term` that holds postings, from the chunk of `from_doc` to the last
  // below `limit`, in document order. DataLoss names the term.
  absl::Status ForEachPostingChunk(
      absl::string_view term, uint32_t from_doc, uint32_t limit,
      absl::FunctionRef<absl::Status(absl::Span<const absl::string_view>)>
          decode) const;
  // The values of `family` (keyed by sequence) for `sequences`; `what`
  // names them in errors.
  std::vector<absl::StatusOr<std::string>> MultiGetBySequence(
      Family family, const std::vector<uint64_t>& sequences,
      absl::string_view what) const;
  // Adds to `batch` the postings of `term` for new documents (non-empty,
  // ascending, all after every stored one) as merge operands, one per
  // chunk. Reads nothing.
  void AppendPostings(
      const Rocks& rocks, absl::string_view term,
      const std::vector<std::pair<uint32_t, absl::Span<const uint32_t>>>&
          postings,
      rocksdb::WriteBatch* batch) ABSL_EXCLUSIVE_LOCKS_REQUIRED(commit_mu_);
  // Secondary: opens a fresh instance, catches it up, and swaps it in
  // unless it shows fewer documents than `current`.
  absl::Status ReopenSecondary(const Rocks& current)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(catch_up_mu_);

  const bool primary_;
  const std::string path_;
  const std::string secondary_path_;
  const StoreOptions options_;
  // Shared by every instance, so a reopened secondary starts warm.
  const std::shared_ptr<rocksdb::Cache> cache_;

  // Guards only the pointer swap, never I/O.
  mutable absl::Mutex rocks_mu_;
  std::shared_ptr<const Rocks> rocks_ ABSL_GUARDED_BY(rocks_mu_);

  // Secondary: serializes CatchUp. newest_file_[family] is the number of
  // that family's newest SST file at the last catch-up; when it grows, the
  // primary flushed or compacted the family.
  absl::Mutex catch_up_mu_;
  std::vector<uint64_t> newest_file_ ABSL_GUARDED_BY(catch_up_mu_);
  std::atomic<uint64_t> reopens_{0};

  // Serializes commits: deciding CREATED vs UNCHANGED and assigning
  // sequence numbers must see every earlier commit. Held across the synced
  // write on purpose; that write is the commit point.
  absl::Mutex commit_mu_;
  uint64_t next_sequence_ ABSL_GUARDED_BY(commit_mu_) = 0;
  // Primary: where each commit records what it acknowledged.
  std::optional<internal::AcknowledgedRecord> acknowledged_
      ABSL_GUARDED_BY(commit_mu_);
  // KnownEntity data (id, digest) that a commit of this process stored or
  // found stored: later commits skip it (store.h, KnownEntity).
  absl::flat_hash_set<std::pair<std::string, uint64_t>> known_committed_
      ABSL_GUARDED_BY(commit_mu_);
  // Keys of the entity families written when absent that a commit of this
  // process stored or found stored: later commits skip them.
  internal::CommittedEntityKeys committed_entity_keys_
      ABSL_GUARDED_BY(commit_mu_){options_.max_remembered_entity_keys};
};

}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_STORE_H_
