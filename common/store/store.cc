#include "common/store/store.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/store/internal/lock_holder.h"
#include "common/store/internal/posting_merge.h"
#include "common/store/internal/rocks.h"
#include "common/store/internal/term_prefix.h"
#include "common/store/rocks_status.h"
#include "common/util/log.h"
#include "common/util/untrusted_text.h"
#include "rocksdb/cache.h"
#include "rocksdb/convenience.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"
#include "rocksdb/transaction_log.h"
#include "rocksdb/write_buffer_manager.h"

namespace accord::store {
namespace {

rocksdb::CompressionType BestCompression(bool strong) {
  std::vector<rocksdb::CompressionType> supported =
      rocksdb::GetSupportedCompressions();
  auto has = [&](rocksdb::CompressionType type) {
    return std::find(supported.begin(), supported.end(), type) !=
           supported.end();
  };
  if (strong && has(rocksdb::kZSTD)) return rocksdb::kZSTD;
  if (has(rocksdb::kLZ4Compression)) return rocksdb::kLZ4Compression;
  if (has(rocksdb::kSnappyCompression)) return rocksdb::kSnappyCompression;
  return rocksdb::kNoCompression;
}

rocksdb::ColumnFamilyOptions FamilyOptions(
    Family family, const StoreOptions& options,
    const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions cf;
  cf.write_buffer_size = options.write_buffer_bytes;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.format_version = 5;
  // Index and filter blocks live in the block cache, in its high-priority
  // pool, not beside it: held by each open table file, they grew with the
  // store (outside any bound) and made a query-service's memory follow
  // the store's size. Level 0's stay pinned: every read consults them.
  table.cache_index_and_filter_blocks = true;
  table.cache_index_and_filter_blocks_with_high_priority = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  // Families keyed by sequence are only asked for keys that exist.
  bool point_lookups = family != Family::kDocuments &&
                       family != Family::kDocSequence &&
                       family != Family::kDocAttributes &&
                       family != Family::kTokenSpans && family != Family::kRaw;
  if (point_lookups) {
    // Ingest asks "is this id stored?" for every document; a bloom filter
    // answers the common "no" without touching data blocks.
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  }
  switch (family) {
    case Family::kRaw:
      // Raw input is read rarely and compresses well in large blocks. Keyed
      // by sequence, it is written in key order: compactions move its
      // files down without rewriting (and compressing) them again, which
      // they did, level after level, when it was keyed by document id.
      table.block_size = 64 << 10;
      cf.compression = BestCompression(/*strong=*/true);
      break;
    case Family::kPostings:
      // Search seeks `term \0` and scans the term's blocks; bloom filters
      // on that prefix answer "no such term" without reading data blocks.
      cf.prefix_extractor = std::make_shared<internal::TermPrefix>();
      // Commits append runs with Merge; reads and compactions combine
      // them (posting_merge.h).
      cf.merge_operator = std::make_shared<internal::PostingMerge>();
      cf.memtable_prefix_bloom_size_ratio = 0.05;
      table.block_size = 16 << 10;
      cf.compression = BestCompression(/*strong=*/false);
      cf.bottommost_compression = BestCompression(/*strong=*/true);
      break;
    case Family::kEntityNames:
    case Family::kEntityRoles:
    case Family::kEntityDocuments:
    case Family::kEntityAliases:
    case Family::kEntityRoleHolders:
    case Family::kEventReports:
    case Family::kStoryMembers:
      // Keys start with `id \0` (`alias \0`, `role_id \0`, `event id \0`,
      // `story id \0`), and GetEntity, FindEntitiesByAlias,
      // FindRoleHolders, GetEvent and GetStory scan that prefix: bloom
      // filters on it let an entity without names or roles cost no
      // data-block read.
      cf.prefix_extractor = std::make_shared<internal::TermPrefix>();
      if (family == Family::kEntityDocuments) {
        // Only ever scanned, never looked up key by key.
        table.whole_key_filtering = false;
      }
      cf.compression = BestCompression(/*strong=*/false);
      break;
    case Family::kDocuments:
    case Family::kTokenSpans:  // read a page of hits at a time
      // Keyed by sequence, written in key order (schema 9 for documents):
      // compressed once, strongly, when flushed, and then moved down
      // unchanged. RocksDB moves a file down without rewriting it only
      // when the level below compresses the same way: with LZ4 above and
      // ZSTD at the bottom, every compaction into the bottom level read
      // and recompressed the files again.
      table.block_size = 16 << 10;
      cf.compression = BestCompression(/*strong=*/true);
      break;
    case Family::kBundles:
      table.block_size = 16 << 10;
      cf.compression = BestCompression(/*strong=*/false);
      cf.bottommost_compression = BestCompression(/*strong=*/true);
      break;
    default:
      cf.compression = BestCompression(/*strong=*/false);
      break;
  }
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return cf;
}

// Whether the RocksDB in `path`, whose families are `present`, is a new
// Accord store whose creation stopped part way: every family one of
// Accord's, and every one empty (InitializeOrCheckSchema had not written
// its schema version yet). Anything else, another program's database
// included, is left alone. Read without taking the store.
absl::StatusOr<bool> IsUnfinishedNewStore(
    const std::string& path, const std::vector<std::string>& present,
    const StoreOptions& options) {
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : present) {
    const auto ours =
        std::find(FamilyNames().begin(), FamilyNames().end(), name);
    if (ours == FamilyNames().end()) return false;
    descriptors.emplace_back(
        name, FamilyOptions(static_cast<Family>(ours - FamilyNames().begin()),
                            options, nullptr));
  }
  rocksdb::DBOptions db_options;
  if (options.env != nullptr) db_options.env = options.env;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw_db = nullptr;
  rocksdb::Status status = rocksdb::DB::OpenForReadOnly(
      rocksdb::Options(db_options, {}), path, descriptors, &handles, &raw_db);
  if (!status.ok()) return FromRocks(status, absl::StrCat("open store ", path));
  std::unique_ptr<rocksdb::DB> db(raw_db);
  bool empty = true;
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(rocksdb::ReadOptions(), handle));
    it->SeekToFirst();
    if (it->Valid()) empty = false;
    if (!it->status().ok()) status = it->status();
  }
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    db->DestroyColumnFamilyHandle(handle);
  }
  if (!status.ok()) return FromRocks(status, absl::StrCat("read store ", path));
  return empty;
}

}  // namespace

std::shared_ptr<rocksdb::Cache> Store::NewBlockCache(
    const StoreOptions& options) {
  rocksdb::LRUCacheOptions cache_options;
  cache_options.capacity = options.block_cache_bytes;
  // Index and filter blocks: evicted last, since a miss on one costs a
  // read of a whole table file's index or filter.
  cache_options.high_pri_pool_ratio = 0.5;
  return rocksdb::NewLRUCache(cache_options);
}

Store::Store(bool primary, std::string path, std::string secondary_path,
             const StoreOptions& options, std::shared_ptr<rocksdb::Cache> cache,
             std::shared_ptr<const Rocks> rocks)
    : primary_(primary),
      path_(std::move(path)),
      secondary_path_(std::move(secondary_path)),
      options_(options),
      cache_(std::move(cache)),
      rocks_(std::move(rocks)) {}

Store::~Store() = default;

std::shared_ptr<const Store::Rocks> Store::rocks() const {
  absl::ReaderMutexLock lock(&rocks_mu_);
  return rocks_;
}

absl::StatusOr<std::unique_ptr<Store>> Store::OpenPrimary(
    const std::string& path, const StoreOptions& options) {
  return Open(/*primary=*/true, path, "", options);
}

absl::StatusOr<std::unique_ptr<Store>> Store::OpenSecondary(
    const std::string& primary_path, const std::string& secondary_path,
    const StoreOptions& options) {
  return Open(/*primary=*/false, primary_path, secondary_path, options);
}

absl::StatusOr<std::shared_ptr<const Store::Rocks>> Store::OpenRocks(
    bool primary, const std::string& path, const std::string& secondary_path,
    const StoreOptions& options, const std::shared_ptr<rocksdb::Cache>& cache,
    bool read_only) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = primary && options.create_if_missing;
  // A primary creates the families a store lacks itself, below.
  db_options.create_missing_column_families = false;
  db_options.max_background_jobs = options.background_jobs;
  // RocksDB's own LOG rolls at 16 MiB and keeps five: bounded disk use for
  // a log that otherwise grows until the next restart.
  db_options.keep_log_file_num = 5;
  db_options.max_log_file_size = size_t{16} << 20;
  db_options.max_total_wal_size = options.max_wal_bytes;
  // Until a flush, everything a commit wrote is in the write-ahead log
  // uncompressed: text, records and postings, twice the size they take
  // once flushed. ZSTD on the log's records (RocksDB >= 7.1; secondaries
  // read them) keeps a store that has not flushed yet about as small.
  if (BestCompression(/*strong=*/true) == rocksdb::kZSTD) {
    db_options.wal_compression = rocksdb::kZSTD;
  }
  // A flush writes every family in one MANIFEST record, so a secondary
  // sees all of a flush or none of it. Flushed family by family, a
  // catch-up between two of them could show a bundle's count without its
  // sequence entries (StoreWalTest.FollowerSees...). Small families then
  // flush whenever a large one does, which also frees the WAL at once.
  db_options.atomic_flush = true;
  if (options.memtable_budget_bytes > 0) {
    db_options.write_buffer_manager =
        std::make_shared<rocksdb::WriteBufferManager>(
            options.memtable_budget_bytes, cache);
  }
  if (options.env != nullptr) db_options.env = options.env;
  if (!primary) {
    db_options.max_open_files = -1;
    // A catch-up loads table files on max_file_opening_threads threads
    // (default 16) that it starts and joins every time, even when nothing
    // changed: about 40 threads per catch-up, 21% of a core for an idle
    // query-service. A follower opens a few new files at a time.
    db_options.max_file_opening_threads = 1;
    // At INFO a secondary logs every catch-up ("Last sequence is ..."), ten
    // lines a second that say nothing; warnings and errors still go to its
    // LOG.
    db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  }

  // A primary opens the families the store has and creates the others
  // (all but "default" for a new store; Store::Open refuses a store that
  // held data without them) in one CreateColumnFamilies after the open.
  // RocksDB's create_missing_column_families creates them one at a time
  // and writes and verifies its OPTIONS file after each: 22 times for a
  // new store, most of a new store's open (0.9 s under ASan).
  std::vector<std::string> present;
  const bool create_missing = primary && !read_only;
  if (create_missing) {
    rocksdb::Status listed =
        rocksdb::DB::ListColumnFamilies(db_options, path, &present);
    if (listed.IsPathNotFound() || listed.IsNotFound()) {
      present = {rocksdb::kDefaultColumnFamilyName};  // a new store
    } else if (!listed.ok()) {
      // Opened with every family, as before: DB::Open says what is wrong.
      present = FamilyNames();
    }
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> to_open;
  std::vector<rocksdb::ColumnFamilyDescriptor> to_create;
  // Where each opened and each created handle goes in Family order.
  std::vector<int> opened_family;
  std::vector<int> created_family;
  for (int i = 0; i < static_cast<int>(Family::kCount); ++i) {
    const std::string& name = FamilyNames()[i];
    rocksdb::ColumnFamilyDescriptor descriptor(
        name, FamilyOptions(static_cast<Family>(i), options, cache));
    if (create_missing &&
        std::find(present.begin(), present.end(), name) == present.end()) {
      to_create.push_back(std::move(descriptor));
      created_family.push_back(i);
    } else {
      to_open.push_back(std::move(descriptor));
      opened_family.push_back(i);
    }
  }
  std::vector<rocksdb::ColumnFamilyHandle*> opened;
  rocksdb::DB* raw_db = nullptr;
  rocksdb::Status status =
      primary && read_only
          ? rocksdb::DB::OpenForReadOnly(rocksdb::Options(db_options, {}), path,
                                         to_open, &opened, &raw_db)
      : primary ? rocksdb::DB::Open(rocksdb::Options(db_options, {}), path,
                                    to_open, &opened, &raw_db)
                : rocksdb::DB::OpenAsSecondary(rocksdb::Options(db_options, {}),
                                               path, secondary_path, to_open,
                                               &opened, &raw_db);
  if (!status.ok()) {
    if (primary) {
      if (std::optional<absl::Status> locked =
              internal::StoreLockedError(path, status)) {
        return *std::move(locked);
      }
    }
    return FromRocks(status, absl::StrCat("open store ", path));
  }
  std::unique_ptr<rocksdb::DB> db(raw_db);
  std::vector<rocksdb::ColumnFamilyHandle*> created;
  if (!to_create.empty()) {
    status = db->CreateColumnFamilies(to_create, &created);
    if (!status.ok()) {
      // The families created so far stay: the store holds no schema
      // version yet, so the next open creates the rest.
      for (rocksdb::ColumnFamilyHandle* handle : opened) {
        db->DestroyColumnFamilyHandle(handle);
      }
      for (rocksdb::ColumnFamilyHandle* handle : created) {
        db->DestroyColumnFamilyHandle(handle);
      }
      return FromRocks(status,
                       absl::StrCat("create the column families of ", path));
    }
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles(
      static_cast<int>(Family::kCount));
  for (size_t k = 0; k < opened.size(); ++k) {
    handles[opened_family[k]] = opened[k];
  }
  for (size_t k = 0; k < created.size(); ++k) {
    handles[created_family[k]] = created[k];
  }
  return std::make_shared<const Rocks>(std::move(db), std::move(handles));
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(
    bool primary, const std::string& path, const std::string& secondary_path,
    const StoreOptions& options) {
  if (primary && options.create_if_missing) {
    // RocksDB creates the directory itself but not its parents.
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) {
      return absl::UnavailableError(absl::StrCat(
          "cannot create store directory ", path, ": ", ec.message()));
    }
  }
  {
    rocksdb::DBOptions db_options;
    if (options.env != nullptr) db_options.env = options.env;
    std::vector<std::string> existing;
    rocksdb::Status listed =
        rocksdb::DB::ListColumnFamilies(db_options, path, &existing);
    if (!listed.ok() && !primary) {
      return absl::NotFoundError(absl::StrCat("no Accord store in ", path,
                                              " yet: ", listed.ToString()));
    }
    // Checked before opening: a primary would create the missing family,
    // and the binary that wrote the store could then no longer open it.
    // Only a new store whose creation stopped part way has its families
    // completed (by a primary; a secondary waits for it).
    std::optional<bool> unfinished;
    for (size_t f = 0; f < FamilyNames().size(); ++f) {
      const std::string& name = FamilyNames()[f];
      if (listed.ok() &&
          std::find(existing.begin(), existing.end(), name) == existing.end()) {
        if (!unfinished.has_value()) {
          absl::StatusOr<bool> is_new =
              IsUnfinishedNewStore(path, existing, options);
          if (!is_new.ok()) return is_new.status();
          unfinished = *is_new;
        }
        if (*unfinished && primary) break;
        if (*unfinished) {
          return absl::NotFoundError(
              absl::StrCat("no Accord store in ", path,
                           " yet: its creation has not finished (column "
                           "family \"",
                           name, "\" missing); is ingest-service starting?"));
        }
        return absl::FailedPreconditionError(absl::StrCat(
            "store in ", path, " has no column family \"", name,
            "\": it was written by an older Accord (store schema below ",
            FamilyAddedInVersion(static_cast<Family>(f)),
            "); ingest the documents again into a new, empty data directory"));
      }
    }
  }
  if (!primary) {
    std::error_code ec;
    std::filesystem::create_directories(secondary_path, ec);
    if (ec) {
      return absl::UnavailableError(
          absl::StrCat("cannot create secondary directory ", secondary_path,
                       ": ", ec.message()));
    }
  }

  std::shared_ptr<rocksdb::Cache> cache = NewBlockCache(options);
  if (primary && !options.accept_data_loss) {
    if (absl::Status intact = CheckAcknowledged(path, options, cache);
        !intact.ok()) {
      return intact;
    }
  }
  absl::StatusOr<std::shared_ptr<const Rocks>> rocks =
      OpenRocks(primary, path, secondary_path, options, cache);
  if (!rocks.ok()) return rocks.status();
  std::unique_ptr<Store> store(new Store(primary, path, secondary_path, options,
                                         std::move(cache), *std::move(rocks)));
  if (absl::Status schema = store->InitializeOrCheckSchema(); !schema.ok()) {
    return schema;
  }
  if (!primary) {
    absl::MutexLock lock(&store->catch_up_mu_);
    store->newest_file_ = internal::NewestFiles(*store->rocks()->db);
  }
  if (primary) {
    absl::StatusOr<internal::AcknowledgedRecord> record =
        internal::AcknowledgedRecord::Open(path);
    if (!record.ok()) return record.status();
    absl::MutexLock lock(&store->commit_mu_);
    if (absl::Status written = record->Write(store->next_sequence_);
        !written.ok()) {
      return written;
    }
    store->acknowledged_.emplace(*std::move(record));
  }
  return store;
}

absl::Status Store::CheckAcknowledged(
    const std::string& path, const StoreOptions& options,
    const std::shared_ptr<rocksdb::Cache>& cache) {
  absl::StatusOr<std::optional<uint64_t>> acknowledged =
      internal::ReadAcknowledged(path);
  if (!acknowledged.ok()) return acknowledged.status();
  if (!acknowledged->has_value()) return absl::OkStatus();
  // Another process holding the store is for the read-write open to
  // report (it names the process); its commits would race this check.
  rocksdb::Env* env =
      options.env != nullptr ? options.env : rocksdb::Env::Default();
  rocksdb::FileLock* lock = nullptr;
  if (!env->LockFile(absl::StrCat(path, "/LOCK"), &lock).ok()) {
    return absl::OkStatus();
  }
  env->UnlockFile(lock);
  absl::StatusOr<std::shared_ptr<const Rocks>> rocks =
      OpenRocks(/*primary=*/true, path, "", options, cache,
                /*read_only=*/true);
  if (absl::IsDataLoss(rocks.status())) {
    return absl::DataLossError(absl::StrCat(
        "store ", path, " is damaged (", rocks.status().message(),
        "). Nothing was opened or deleted. Restore a backup (accord-admin "
        "restore), or keep what is left with accord-admin repair "
        "--data_dir=",
        path));
  }
  if (!rocks.ok()) return rocks.status();
  std::string value;
  uint64_t next = 0;
  rocksdb::Status read =
      (*rocks)->db->Get(rocksdb::ReadOptions(), (*rocks)->handle(Family::kMeta),
                        ToSlice(kMetaNextSequence), &value);
  if (!read.ok() && !read.IsNotFound()) {
    return FromRocks(read, absl::StrCat("read store ", path));
  }
  if (read.ok() && !DecodeSequence(value, &next)) {
    return absl::DataLossError("meta next_sequence is not 8 bytes");
  }
  if (next >= **acknowledged) return absl::OkStatus();
  return absl::DataLossError(absl::StrFormat(
      "store %s holds %d documents but acknowledged %d: documents %d to %d "
      "are missing, so its write-ahead log or MANIFEST is damaged (RocksDB's "
      "LOG in that directory says what it dropped). Nothing was opened or "
      "deleted. Restore a backup (accord-admin restore), or keep what is "
      "left with accord-admin repair --data_dir=%s",
      path, next, **acknowledged, next, **acknowledged - 1, path));
}

absl::Status Store::InitializeOrCheckSchema() {
  absl::StatusOr<std::string> version =
      Get(Family::kMeta, kMetaSchemaVersion, "schema version");
  if (absl::IsNotFound(version.status())) {
    if (!primary_) {
      return absl::FailedPreconditionError(
          "store has no schema version yet; is ingest-service starting?");
    }
    const std::shared_ptr<const Rocks> rocks = this->rocks();
    rocksdb::WriteBatch batch;
    batch.Put(rocks->handle(Family::kMeta), ToSlice(kMetaSchemaVersion),
              std::to_string(kSchemaVersion));
    batch.Put(rocks->handle(Family::kMeta), ToSlice(kMetaNextSequence),
              EncodeSequence(0));
    batch.Put(
        rocks->handle(Family::kMeta), ToSlice(kMetaCreated),
        absl::FormatTime(absl::RFC3339_sec, absl::Now(), absl::UTCTimeZone()));
    rocksdb::WriteOptions write_options;
    write_options.sync = true;
    return FromRocks(rocks->db->Write(write_options, &batch),
                     "initialize store");
  }
  if (!version.ok()) return version.status();
  int number = 0;
  if (!absl::SimpleAtoi(*version, &number)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", path_, " has an unreadable schema version \"",
        EscapeUntrusted(*version, 32), "\"; is it an Accord store?"));
  }
  if (number != kSchemaVersion) {
    // No migration: the layouts differ in how postings are kept, and the
    // raw input of every document is in the store to ingest again.
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", path_, " was written by ",
        number < kSchemaVersion ? "an older" : "a newer",
        " Accord: its schema is version ", number,
        "; this binary reads version ", kSchemaVersion,
        ". Use the Accord release that wrote it, or ingest the documents "
        "again into a new, empty data directory"));
  }
  if (primary_) {
    absl::StatusOr<std::string> next =
        Get(Family::kMeta, kMetaNextSequence, "next sequence");
    if (!next.ok()) return next.status();
    absl::MutexLock lock(&commit_mu_);
    if (!DecodeSequence(*next, &next_sequence_)) {
      return absl::DataLossError("meta next_sequence is not 8 bytes");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> Store::Get(Family family, absl::string_view key,
                                       absl::string_view what) const {
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  std::string value;
  rocksdb::Status status = rocks->db->Get(
      rocksdb::ReadOptions(), rocks->handle(family), ToSlice(key), &value);
  if (status.IsNotFound()) {
    return absl::NotFoundError(absl::StrCat(what, " not found"));
  }
  if (!status.ok()) return FromRocks(status, absl::StrCat("read ", what));
  return value;
}

absl::StatusOr<uint64_t> Store::SequenceOfDocument(absl::string_view id) const {
  absl::StatusOr<std::string> value =
      Get(Family::kDocumentIds, id, absl::StrCat("document ", id));
  if (!value.ok()) return value.status();
  uint64_t sequence = 0;
  if (!DecodeSequence(*value, &sequence)) {
    return absl::DataLossError(
        absl::StrCat("stored sequence of document ", id, " does not decode"));
  }
  return sequence;
}

absl::StatusOr<accord::v1::Document> Store::GetDocument(
    absl::string_view id) const {
  // One path for one id and many: the two reads and what each failure
  // means (a stored id without its document is damage) are GetDocuments'.
  return GetDocuments({std::string(id)}).front();
}

std::vector<absl::StatusOr<accord::v1::Document>> Store::GetDocuments(
    const std::vector<std::string>& ids) const {
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  // The ids' sequences, then the documents of those found: two batched
  // reads. One snapshot for both, so that a document found by id is there
  // by sequence too.
  const rocksdb::Snapshot* snapshot = rocks->db->GetSnapshot();
  rocksdb::ReadOptions read;
  read.snapshot = snapshot;
  std::vector<rocksdb::Slice> id_keys(ids.begin(), ids.end());
  std::vector<rocksdb::PinnableSlice> id_values(ids.size());
  std::vector<rocksdb::Status> id_statuses(ids.size());
  rocks->db->MultiGet(read, rocks->handle(Family::kDocumentIds), id_keys.size(),
                      id_keys.data(), id_values.data(), id_statuses.data());
  std::vector<absl::StatusOr<accord::v1::Document>> result(
      ids.size(), absl::UnknownError("not read"));
  std::vector<size_t> found;  // indexes into ids
  std::vector<std::string> sequence_keys;
  for (size_t i = 0; i < ids.size(); ++i) {
    uint64_t sequence = 0;
    if (id_statuses[i].IsNotFound()) {
      result[i] =
          absl::NotFoundError(absl::StrCat("document ", ids[i], " not found"));
    } else if (!id_statuses[i].ok()) {
      result[i] =
          FromRocks(id_statuses[i], absl::StrCat("read document ", ids[i]));
    } else if (!DecodeSequence(
                   absl::string_view(id_values[i].data(), id_values[i].size()),
                   &sequence)) {
      result[i] = absl::DataLossError(absl::StrCat(
          "stored sequence of document ", ids[i], " does not decode"));
    } else {
      found.push_back(i);
      sequence_keys.push_back(EncodeSequence(sequence));
    }
  }
  std::vector<rocksdb::Slice> keys(sequence_keys.begin(), sequence_keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  rocks->db->MultiGet(read, rocks->handle(Family::kDocuments), keys.size(),
                      keys.data(), values.data(), statuses.data());
  rocks->db->ReleaseSnapshot(snapshot);
  for (size_t k = 0; k < found.size(); ++k) {
    const size_t i = found[k];
    if (statuses[k].IsNotFound()) {
      // Its id is stored and its record is not: the store is damaged.
      result[i] = absl::DataLossError(
          absl::StrCat("document ", ids[i], " is indexed but not stored"));
    } else if (!statuses[k].ok()) {
      result[i] =
          FromRocks(statuses[k], absl::StrCat("read document ", ids[i]));
    } else {
      accord::v1::Document document;
      if (document.ParseFromArray(values[k].data(),
                                  static_cast<int>(values[k].size()))) {
        result[i] = std::move(document);
      } else {
        result[i] = absl::DataLossError(
            absl::StrCat("stored document ", ids[i], " does not parse"));
      }
    }
  }
  return result;
}

absl::StatusOr<std::string> Store::GetRawContent(absl::string_view id) const {
  absl::StatusOr<uint64_t> sequence = SequenceOfDocument(id);
  if (!sequence.ok()) return sequence.status();
  return GetRawContentOf(*sequence);
}

absl::StatusOr<std::string> Store::GetRawContentOf(uint64_t sequence) const {
  return Get(Family::kRaw, EncodeSequence(sequence),
             absl::StrCat("raw content of sequence ", sequence));
}

absl::StatusOr<bool> Store::HasDocument(absl::string_view id) const {
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  rocksdb::PinnableSlice value;
  rocksdb::Status status =
      rocks->db->Get(rocksdb::ReadOptions(),
                     rocks->handle(Family::kDocumentIds), ToSlice(id), &value);
  if (status.IsNotFound()) return false;
  if (!status.ok()) {
    return FromRocks(status, absl::StrCat("look up document ", id));
  }
  return true;
}

absl::StatusOr<accord::v1::Bundle> Store::GetBundle(
    absl::string_view id) const {
  absl::StatusOr<std::string> value =
      Get(Family::kBundles, id, absl::StrCat("bundle ", id));
  if (!value.ok()) return value.status();
  accord::v1::Bundle bundle;
  if (!bundle.ParseFromString(*value)) {
    return absl::DataLossError(
        absl::StrCat("stored bundle ", id, " does not parse"));
  }
  return bundle;
}

absl::StatusOr<std::string> Store::FindBundleByRequest(
    absl::string_view submitter, absl::string_view request_id) const {
  return Get(Family::kBundleRequests, BundleRequestKey(submitter, request_id),
             absl::StrCat("request ", request_id));
}

absl::StatusOr<uint64_t> Store::DocumentCount() const {
  absl::StatusOr<std::string> next =
      Get(Family::kMeta, kMetaNextSequence, "next sequence");
  if (!next.ok()) return next.status();
  uint64_t count = 0;
  if (!DecodeSequence(*next, &count)) {
    return absl::DataLossError("meta next_sequence is not 8 bytes");
  }
  return count;
}

absl::Status Store::CheckUsable() const {
  absl::StatusOr<std::string> version =
      Get(Family::kMeta, kMetaSchemaVersion, "schema version");
  if (!version.ok()) return version.status();
  if (primary_) {
    std::string stopped;
    if (rocks()->db->GetProperty(rocksdb::DB::Properties::kIsWriteStopped,
                                 &stopped) &&
        stopped == "1") {
      return absl::UnavailableError("store writes are stopped (stall)");
    }
  }
  return absl::OkStatus();
}

std::vector<Store::Figure> Store::Figures() const {
  struct Property {
    const std::string& property;
    const char* name;
    const char* help;
    // Summed over the families; otherwise the database's (one family).
    bool aggregated;
    // Only the writer has it (write stalls): not shown by a follower.
    bool primary_only = false;
  };
  using P = rocksdb::DB::Properties;
  const Property properties[] = {
      {P::kTotalSstFilesSize, "sst_bytes", "bytes of table files", true},
      {P::kEstimateLiveDataSize, "live_data_bytes",
       "estimated bytes of live data in table files", true},
      {P::kCurSizeAllMemTables, "memtable_bytes",
       "bytes of memtables, active and unflushed", true},
      {P::kEstimateNumKeys, "keys", "estimated number of keys", true},
      {P::kEstimatePendingCompactionBytes, "pending_compaction_bytes",
       "estimated bytes compaction has to rewrite", true},
      {P::kNumImmutableMemTable, "immutable_memtables",
       "memtables waiting for a flush", true},
      {P::kNumRunningCompactions, "running_compactions", "compactions running",
       false},
      {P::kNumRunningFlushes, "running_flushes", "flushes running", false},
      {P::kBackgroundErrors, "background_errors",
       "background errors since the store opened", false},
      {P::kBlockCacheUsage, "block_cache_bytes",
       "bytes held by the shared block cache", false},
      {P::kBlockCachePinnedUsage, "block_cache_pinned_bytes",
       "bytes of the block cache pinned by readers", false},
      {P::kBlockCacheCapacity, "block_cache_capacity_bytes",
       "capacity of the shared block cache", false},
      {P::kEstimateTableReadersMem, "table_readers_bytes",
       "bytes held by open table files outside the block cache", true},
      // RocksDB slows or stops writes when flushes and compactions fall
      // behind, and a commit then waits.
      {P::kIsWriteStopped, "write_stopped",
       "1 while RocksDB stops writes until compaction catches up", false,
       /*primary_only=*/true},
      {P::kActualDelayedWriteRate, "delayed_write_rate_bytes",
       "bytes per second RocksDB lets writes through while it delays them; 0 "
       "when it does not",
       false, /*primary_only=*/true},
  };
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  std::vector<Figure> figures;
  for (const Property& p : properties) {
    if (p.primary_only && !primary_) continue;
    uint64_t value = 0;
    const bool known =
        p.aggregated
            ? rocks->db->GetAggregatedIntProperty(p.property, &value)
            : rocks->db->GetIntProperty(rocks->handle(Family::kDocuments),
                                        p.property, &value);
    if (known) {
      figures.push_back({p.name, p.help, static_cast<double>(value)});
    }
  }
  if (options_.memtable_budget_bytes > 0) {
    figures.push_back(
        {"memtable_budget_bytes",
         "the most memory all memtables take together (charged to the block "
         "cache)",
         static_cast<double>(options_.memtable_budget_bytes)});
  }
  if (primary_) {
    rocksdb::VectorLogPtr wal_files;
    if (rocks->db->GetSortedWalFiles(wal_files).ok()) {
      uint64_t bytes = 0;
      for (const auto& file : wal_files) bytes += file->SizeFileBytes();
      figures.push_back({"wal_bytes", "bytes of write-ahead log files",
                         static_cast<double>(bytes)});
    }
  }
  if (absl::StatusOr<uint64_t> documents = DocumentCount(); documents.ok()) {
    figures.push_back({"documents", "documents stored (the next sequence)",
                       static_cast<double>(*documents)});
  }
  return figures;
}

absl::Status Store::Compact() {
  if (!primary_) return absl::FailedPreconditionError("Compact on a secondary");
  rocksdb::FlushOptions flush;
  flush.wait = true;
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  if (absl::Status flushed =
          FromRocks(rocks->db->Flush(flush, rocks->handles), "flush");
      !flushed.ok()) {
    return flushed;
  }
  for (rocksdb::ColumnFamilyHandle* h : rocks->handles) {
    rocksdb::CompactRangeOptions options;
    options.bottommost_level_compaction =
        rocksdb::BottommostLevelCompaction::kForce;
    if (absl::Status compacted = FromRocks(
            rocks->db->CompactRange(options, h, nullptr, nullptr), "compact");
        !compacted.ok()) {
      return compacted;
    }
  }
  return absl::OkStatus();
}

}  // namespace accord::store
