// The write-ahead log on disk stays bounded, and a secondary following a
// primary whose WAL files are flushed and deleted still sees every write.
// In memory, the memtables stay within their budget and the index and
// filter blocks of table files live in the block cache.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "common/store/follower.h"
#include "common/store/store.h"
#include "common/store/store_test_util.h"
#include "common/testing/temp_dir.h"
#include "common/testing/time_scale.h"
#include "gtest/gtest.h"

namespace accord::store {
namespace {

// Total size of the live WAL files (*.log) in `dir`, and their number.
uint64_t LiveWalBytes(const std::string& dir, int* files = nullptr) {
  uint64_t total = 0;
  int count = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".log") continue;
    std::error_code size_ec;
    const uint64_t size = entry.file_size(size_ec);
    if (!size_ec) total += size;  // A file deleted meanwhile counts 0.
    ++count;
  }
  if (files != nullptr) *files = count;
  return total;
}

std::string DocId(uint64_t n) {
  return absl::StrFormat("%032x", n * 0x9e3779b97f4a7c15ULL + 1);
}

// Text that compresses about as well as prose, so flushes do real work.
std::string Text(std::mt19937_64* random, size_t bytes) {
  static const char* const kWords[] = {
      "security", "cyber",   "ministry", "talks",  "agency", "report",
      "network",  "defence", "treaty",   "summit", "crime",  "data"};
  std::string text;
  while (text.size() < bytes) {
    absl::StrAppend(&text, kWords[(*random)() % 12], " ");
  }
  return text;
}

// Document `n` with `raw_bytes` of content, indexed under "every" (a term
// every commit appends a run to) and a term of its own.
PendingDocument Doc(uint32_t index, uint64_t n, size_t raw_bytes,
                    std::mt19937_64* random) {
  PendingDocument pending;
  pending.index = index;
  pending.document().set_id(DocId(n));
  pending.document().set_title(absl::StrCat("document ", n));
  pending.raw_content = Text(random, raw_bytes);
  pending.terms.terms = {{"every", {0}}, {absl::StrCat("only", n), {1}}};
  pending.terms.length = 2;
  return pending;
}

// Commits bundles of four 16 KiB documents until `bytes` of content are
// written (counted in *written), calling `after_each` after every commit.
// Returns the number of documents committed.
absl::StatusOr<uint64_t> CommitUntil(Store* store, uint64_t bytes,
                                     uint64_t seed, uint64_t* written,
                                     const std::function<void()>& after_each) {
  std::mt19937_64 random(seed);
  uint64_t n = 0;
  for (int b = 0; *written < bytes; ++b) {
    std::vector<PendingDocument> docs;
    for (uint32_t i = 0; i < 4; ++i) {
      docs.push_back(Doc(i, n++, 16 << 10, &random));
      *written += docs.back().raw_content.size();
    }
    if (absl::Status committed =
            CommitDocuments(store, std::move(docs), absl::StrCat("b", b));
        !committed.ok()) {
      return committed;
    }
    after_each();
  }
  return n;
}

TEST(StoreWalTest, LiveWalStaysUnderTheBoundWhileDataGrowsPastIt) {
  testing::TempDir dir;
  StoreOptions options;
  // Write buffers larger than all the data: no family fills one, so only
  // the WAL bound makes anything flush (RocksDB's own limit would be 4 x 8
  // families x 2 buffers x 64 MiB = 4 GiB).
  options.write_buffer_bytes = 64 << 20;
  options.max_wal_bytes = 1 << 20;
  // The bound is soft: the WAL grows on while the flush it triggered runs,
  // longer on a loaded machine.
  const uint64_t kAllowed = 8 * options.max_wal_bytes;
  const uint64_t kData = 40 << 20;
  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(dir.path(), options);
  ASSERT_TRUE(store.ok()) << store.status();

  uint64_t written = 0;
  uint64_t peak = 0;
  int peak_files = 0;
  absl::StatusOr<uint64_t> n =
      CommitUntil(store->get(), kData, /*seed=*/7, &written, [&] {
        int files = 0;
        const uint64_t wal = LiveWalBytes(dir.path(), &files);
        if (wal > peak) {
          peak = wal;
          peak_files = files;
        }
      });
  ASSERT_TRUE(n.ok()) << n.status();
  std::printf(
      "committed %.1f MiB; live WAL peak %.2f MiB in %d files, "
      "now %.2f MiB (bound %.1f MiB)\n",
      written / 1048576.0, peak / 1048576.0, peak_files,
      LiveWalBytes(dir.path()) / 1048576.0, options.max_wal_bytes / 1048576.0);
  EXPECT_LE(peak, kAllowed);
  EXPECT_GE(written, 4 * kAllowed);
  EXPECT_EQ(*(*store)->DocumentCount(), *n);
}

// A store figure by name; -1 when the store does not report it.
double FigureOf(const Store& store, const std::string& name) {
  for (const Store::Figure& figure : store.Figures()) {
    if (figure.name == name) return figure.value;
  }
  return -1;
}

// Without the memtable budget the raw family alone would hold a 32 MiB
// write buffer before its first flush, and every family its own.
TEST(StoreMemoryTest, MemtablesStayWithinTheirBudget) {
  testing::TempDir dir;
  StoreOptions options;
  options.memtable_budget_bytes = 4 << 20;
  options.max_wal_bytes = uint64_t{1} << 30;  // only the budget flushes
  // Six budgets' worth: six flush cycles at least, and without the budget
  // the raw family alone would pass twice the budget long before the end.
  const uint64_t kData = 24 << 20;
  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(dir.path(), options);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_EQ(FigureOf(**store, "memtable_budget_bytes"), 4 << 20);

  uint64_t written = 0;
  double peak = 0;
  absl::StatusOr<uint64_t> n = CommitUntil(
      store->get(), kData, /*seed=*/11, &written,
      [&] { peak = std::max(peak, FigureOf(**store, "memtable_bytes")); });
  ASSERT_TRUE(n.ok()) << n.status();
  std::printf("committed %.1f MiB; memtables peak %.2f MiB (budget %.1f MiB)\n",
              written / 1048576.0, peak / 1048576.0,
              options.memtable_budget_bytes / 1048576.0);
  // The budget is soft: a flush it starts runs while commits fill a new
  // memtable.
  EXPECT_LE(peak, 2.0 * options.memtable_budget_bytes);
  EXPECT_GT(peak, 0);
  EXPECT_EQ(*(*store)->DocumentCount(), *n);
}

// Held by each open table file outside the cache, index and filter blocks
// would grow with the store past any bound.
TEST(StoreMemoryTest, IndexAndFilterBlocksAreInTheBlockCache) {
  testing::TempDir dir;
  StoreOptions options;
  options.block_cache_bytes = 64 << 20;
  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(dir.path(), options);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_EQ(FigureOf(**store, "block_cache_capacity_bytes"), 64 << 20);
  std::mt19937_64 random(5);
  uint64_t n = 0;
  for (int b = 0; b < 200; ++b) {
    std::vector<PendingDocument> docs;
    for (uint32_t i = 0; i < 100; ++i) docs.push_back(Doc(i, n++, 64, &random));
    ASSERT_TRUE(
        CommitDocuments(store->get(), std::move(docs), absl::StrCat("b", b))
            .ok());
  }
  ASSERT_TRUE((*store)->Compact().ok());
  // Every document read once: their index and filter blocks are loaded.
  for (uint64_t i = 0; i < n; i += 97) {
    ASSERT_TRUE((*store)->GetDocument(DocId(i)).ok()) << i;
  }
  const double readers = FigureOf(**store, "table_readers_bytes");
  const double cached = FigureOf(**store, "block_cache_bytes");
  std::printf("%llu documents: table readers %.0f bytes, block cache %.0f\n",
              static_cast<unsigned long long>(n), readers, cached);
  EXPECT_GT(cached, 0);
  EXPECT_LT(readers, 0.1 * cached);
}

// Until a flush, the WAL holds everything committed; compressed, a store
// right after ingest is not several times its compacted size, and a
// secondary still reads it.
TEST(StoreWalTest, TheWriteAheadLogIsCompressedAndSecondariesReadIt) {
  testing::TempDir dir;
  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(dir.Sub("db"), StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status();
  std::mt19937_64 random(3);
  uint64_t written = 0;
  for (int b = 0; b < 16; ++b) {
    std::vector<PendingDocument> docs;
    for (uint32_t i = 0; i < 8; ++i) {
      docs.push_back(Doc(i, b * 8 + i, 16 << 10, &random));
      written += docs.back().raw_content.size();
    }
    ASSERT_TRUE(
        CommitDocuments(store->get(), std::move(docs), absl::StrCat("b", b))
            .ok());
  }
  // Uncompressed, the log is as large as the raw text (2.04 MiB for these
  // 2 MiB); text drawn from twelve words compresses several times over.
  const uint64_t wal = LiveWalBytes(dir.Sub("db"));
  std::printf("committed %.2f MiB of raw text; live WAL %.2f MiB\n",
              written / 1048576.0, wal / 1048576.0);
  EXPECT_LT(wal, written / 2);

  absl::StatusOr<std::unique_ptr<Store>> secondary =
      Store::OpenSecondary(dir.Sub("db"), dir.Sub("sec"), StoreOptions());
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  EXPECT_EQ(*(*secondary)->DocumentCount(), 128u);
  EXPECT_TRUE((*secondary)->GetDocument(DocId(127)).ok());
}

// RocksDB secondaries replay the primary's WAL into memtables, which reads
// consult before SST files. When the primary flushes a WAL that the
// secondary had read only part of, the entries it replayed stay in its
// memtable and shadow the newer values the flush wrote, for overwritten
// keys (next_sequence) until that family's next write, and posting runs
// they hold would be merged a second time into the flushed value.
TEST(StoreWalTest, SecondarySeesOverwrittenKeysOnceThePrimaryFlushed) {
  testing::TempDir dir;
  absl::StatusOr<std::unique_ptr<Store>> primary =
      Store::OpenPrimary(dir.Sub("db"), StoreOptions());
  ASSERT_TRUE(primary.ok()) << primary.status();
  absl::StatusOr<std::unique_ptr<Store>> secondary =
      Store::OpenSecondary(dir.Sub("db"), dir.Sub("sec"), StoreOptions());
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  std::mt19937_64 random(1);

  ASSERT_TRUE(
      CommitDocuments(primary->get(), {Doc(0, 0, 100, &random)}, "b0").ok());
  ASSERT_TRUE((*secondary)->CatchUp().ok());
  ASSERT_EQ(*(*secondary)->DocumentCount(), 1u);
  ASSERT_TRUE(
      CommitDocuments(primary->get(), {Doc(0, 1, 100, &random)}, "b1").ok());
  // Flushes every family and deletes the WAL the secondary was reading; the
  // compaction also moves the flushed entries to sequence number 0, so an
  // iterator prefers the stale memtable entry too.
  ASSERT_TRUE((*primary)->Compact().ok());
  ASSERT_TRUE((*secondary)->CatchUp().ok());

  EXPECT_EQ(*(*secondary)->DocumentCount(), 2u);
  EXPECT_TRUE((*secondary)->GetDocument(DocId(1)).ok());
  index::PostingList every;
  ASSERT_TRUE(
      (*secondary)->ReadPostings("every", UINT32_MAX, false, &every).ok());
  EXPECT_EQ(every.docs, (std::vector<uint32_t>{0, 1}));
  // A catch-up with nothing new keeps what it sees.
  ASSERT_TRUE((*secondary)->CatchUp().ok());
  EXPECT_EQ(*(*secondary)->DocumentCount(), 2u);
}

// The query-service's view: a Follower catching up every few milliseconds
// while the primary ingests with a WAL bound so small that WAL files are
// flushed and deleted all the time.
TEST(StoreWalTest, FollowerSeesEveryDocumentWhileWalFilesAreDeleted) {
  testing::TempDir dir;
  StoreOptions primary_options;
  primary_options.write_buffer_bytes = 256 << 10;
  primary_options.max_wal_bytes = 256 << 10;
  absl::StatusOr<std::unique_ptr<Store>> primary =
      Store::OpenPrimary(dir.Sub("db"), primary_options);
  ASSERT_TRUE(primary.ok()) << primary.status();

  FollowerOptions follower_options;
  follower_options.primary_path = dir.Sub("db");
  follower_options.secondary_path = dir.Sub("sec");
  follower_options.catch_up_interval = absl::Milliseconds(20);
  Follower follower(follower_options);
  follower.Start();
  ASSERT_NE(follower.store(), nullptr);

  // A reader checks all along that what the follower shows is whole: the
  // count never goes back, and every document below it is readable.
  std::atomic<bool> done{false};
  std::atomic<int> reader_failures{0};
  std::atomic<uint64_t> reads{0};
  std::thread reader([&] {
    uint64_t seen = 0;
    while (!done.load()) {
      std::shared_ptr<const Store> store = follower.store();
      absl::StatusOr<uint64_t> count = store->DocumentCount();
      if (!count.ok() || *count < seen) {
        ++reader_failures;
        ADD_FAILURE() << "count " << count.status() << " " << count.value_or(0)
                      << " after " << seen;
      } else if (*count > 0) {
        seen = *count;
        std::vector<absl::StatusOr<std::string>> ids =
            store->GetDocumentIds({*count - 1});
        if (!ids[0].ok() || !store->HasDocument(*ids[0]).value_or(false)) {
          ++reader_failures;
          ADD_FAILURE() << "document " << *count - 1
                        << " not readable: " << ids[0].status();
        }
      }
      ++reads;
      absl::SleepFor(absl::Microseconds(50));
    }
  });

  std::mt19937_64 random(3);
  const int kBundles = 300;
  uint64_t n = 0;
  for (int b = 0; b < kBundles; ++b) {
    std::vector<PendingDocument> docs;
    const uint32_t size = 1 + random() % 4;
    for (uint32_t i = 0; i < size; ++i) {
      docs.push_back(Doc(i, n++, 1024 + random() % (12 << 10), &random));
    }
    ASSERT_TRUE(
        CommitDocuments(primary->get(), std::move(docs), absl::StrCat("b", b))
            .ok());
  }
  // Then commits each followed at once by a flush, with no later write:
  // when the follower had not read the commit before the flush, stale
  // memtable entries would hide it for good.
  for (int round = 0; round < 5; ++round) {
    ASSERT_TRUE(CommitDocuments(primary->get(), {Doc(0, n++, 1024, &random)},
                                absl::StrCat("r", round))
                    .ok());
    ASSERT_TRUE((*primary)->Compact().ok());
    absl::Time deadline = absl::Now() + testing::Scaled(absl::Seconds(5));
    while (follower.store()->DocumentCount().value_or(0) < n &&
           absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(5));
    }
    EXPECT_EQ(follower.store()->DocumentCount().value_or(0), n)
        << "round " << round;
  }
  done = true;
  reader.join();
  EXPECT_EQ(reader_failures.load(), 0);

  std::shared_ptr<const Store> store = follower.store();
  ASSERT_EQ(*store->DocumentCount(), n);
  std::vector<std::string> ids;
  std::vector<uint64_t> sequences;
  for (uint64_t i = 0; i < n; ++i) {
    ids.push_back(DocId(i));
    sequences.push_back(i);
  }
  int missing = 0;
  for (const auto& doc : store->GetDocuments(ids)) missing += !doc.ok();
  EXPECT_EQ(missing, 0);
  std::vector<absl::StatusOr<std::string>> by_sequence =
      store->GetDocumentIds(sequences);
  for (uint64_t i = 0; i < n; ++i) {
    ASSERT_TRUE(by_sequence[i].ok()) << i << ": " << by_sequence[i].status();
    EXPECT_EQ(*by_sequence[i], DocId(i));
  }
  index::PostingList every;
  ASSERT_TRUE(store->ReadPostings("every", UINT32_MAX, false, &every).ok());
  EXPECT_EQ(every.docs.size(), n);
  std::vector<index::DocAttributes> attributes;
  EXPECT_TRUE(store->ReadDocAttributes(0, n, &attributes).ok());
  std::printf(
      "%llu documents in %d bundles; follower reads during ingest: "
      "%llu; reopened %llu times\n",
      static_cast<unsigned long long>(n), kBundles,
      static_cast<unsigned long long>(reads.load()),
      static_cast<unsigned long long>(store->secondary_reopens()));
}

}  // namespace
}  // namespace accord::store
