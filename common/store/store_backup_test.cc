// Backups of a live store: consistent, incremental, listed newest first,
// verified, and restored into a store that opens with what was backed up.
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/store/store.h"
#include "common/store/store_test_util.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::store {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Commits one bundle of `count` documents numbered from `first`.
void CommitBackedUp(Store& store, int first, int count) {
  CommitNumbered(store, first, count, "backup-test",
                 [](int number) { return absl::StrCat("raw ", number); });
}

TEST(StoreBackupTest, RestoresEachBackupAsItWasTaken) {
  testing::TempDir dir;
  const std::string backups = dir.Sub("backups");
  std::vector<uint32_t> removed;
  {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.Sub("live"), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    CommitBackedUp(**store, 0, 30);
    absl::StatusOr<Store::BackupInfo> first =
        (*store)->CreateBackup(backups, 5, &removed);
    ASSERT_TRUE(first.ok()) << first.status();
    EXPECT_EQ(first->id, 1u);
    EXPECT_EQ(first->document_count, 30u);
    EXPECT_GT(first->size_bytes, 0u);
    CommitBackedUp(**store, 30, 20);
    absl::StatusOr<Store::BackupInfo> second =
        (*store)->CreateBackup(backups, 5, &removed);
    ASSERT_TRUE(second.ok()) << second.status();
    EXPECT_EQ(second->id, 2u);
    EXPECT_EQ(second->document_count, 50u);
    CommitBackedUp(**store, 50, 5);  // after the last backup: in none
  }
  EXPECT_TRUE(removed.empty());

  absl::StatusOr<std::vector<Store::BackupInfo>> listed =
      Store::ListBackups(backups);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, 2u);  // newest first
  EXPECT_EQ((*listed)[1].document_count, 30u);
  EXPECT_TRUE(Store::VerifyBackup(backups, 1).ok());

  // Backup 1 holds the first 30 documents, readable; the newest (0) 50.
  for (const auto& [id, documents] :
       std::vector<std::pair<uint32_t, uint64_t>>{{1, 30}, {0, 50}}) {
    const std::string restored = dir.Sub(absl::StrCat("restored", id));
    absl::StatusOr<Store::BackupInfo> info =
        Store::RestoreBackup(backups, id, restored);
    ASSERT_TRUE(info.ok()) << info.status();
    EXPECT_EQ(info->document_count, documents);
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(restored, StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    EXPECT_EQ(*(*store)->DocumentCount(), documents);
    for (uint64_t d = 0; d < documents; ++d) {
      absl::StatusOr<accord::v1::Document> document =
          (*store)->GetDocument(absl::StrFormat("%032x", d + 1));
      ASSERT_TRUE(document.ok()) << d << ": " << document.status();
      EXPECT_EQ(document->title(), absl::StrCat("title ", d));
    }
    EXPECT_FALSE(
        (*store)->GetDocument(absl::StrFormat("%032x", documents + 1)).ok());
    // The restored store takes new bundles.
    CommitBackedUp(**store, 1000, 1);
    EXPECT_EQ(*(*store)->DocumentCount(), documents + 1);
  }
}

TEST(StoreBackupTest, KeepsTheNewestAndRefusesDamageAndOverwrites) {
  testing::TempDir dir;
  const std::string backups = dir.Sub("backups");
  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(dir.Sub("live"), StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status();
  std::vector<uint32_t> removed;
  for (int i = 0; i < 3; ++i) {
    CommitBackedUp(**store, i * 10, 10);
    ASSERT_TRUE((*store)->CreateBackup(backups, 2, &removed).ok());
  }
  EXPECT_THAT(removed, ElementsAre(1u));
  absl::StatusOr<std::vector<Store::BackupInfo>> listed =
      Store::ListBackups(backups);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[1].id, 2u);

  // Into a directory that holds something: refused, nothing touched.
  absl::StatusOr<Store::BackupInfo> over =
      Store::RestoreBackup(backups, 0, dir.Sub("live"));
  EXPECT_EQ(over.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE((*store)->CheckUsable().ok());
  EXPECT_EQ(Store::RestoreBackup(backups, 1, dir.Sub("r1")).status().code(),
            absl::StatusCode::kNotFound);

  // One flipped byte in a table file of the backups: verify and restore
  // both say so.
  std::string table;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(backups)) {
    if (entry.path().extension() == ".sst") table = entry.path().string();
  }
  ASSERT_FALSE(table.empty());
  {
    std::fstream file(table, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(10);
    file.put('\x5a');
  }
  bool damaged = false;
  for (uint32_t id : {2u, 3u}) {
    absl::Status verified = Store::VerifyBackup(backups, id);
    if (verified.ok()) continue;
    damaged = true;
    EXPECT_EQ(verified.code(), absl::StatusCode::kDataLoss);
    absl::StatusOr<Store::BackupInfo> restored =
        Store::RestoreBackup(backups, id, dir.Sub(absl::StrCat("bad", id)));
    EXPECT_EQ(restored.status().code(), absl::StatusCode::kDataLoss);
    EXPECT_THAT(restored.status().message(), HasSubstr("damaged"));
  }
  EXPECT_TRUE(damaged);
  EXPECT_EQ(Store::ListBackups(dir.Sub("none")).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace accord::store
