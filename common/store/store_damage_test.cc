// A store that lost acknowledged documents to a damaged write-ahead log or
// MANIFEST is refused, not opened with the loss hidden, and nothing in it
// is deleted; a repair keeps what is left and says what was lost.
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
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

using ::testing::HasSubstr;

// Commits one bundle of `count` documents numbered from `first`, 2000
// bytes of content each.
void CommitTwoKilobyteDocuments(Store& store, int first, int count) {
  CommitNumbered(store, first, count, "damage-test", [](int number) {
    return std::string(2000, static_cast<char>('a' + number % 26));
  });
}

// The files of `dir` whose names end with `suffix` (or start with it, for
// "MANIFEST"), largest first.
std::vector<std::filesystem::path> Files(const std::string& dir,
                                         const std::string& part) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.find(part) != std::string::npos) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return std::filesystem::file_size(a) > std::filesystem::file_size(b);
  });
  return files;
}

TEST(StoreDamageTest, ATruncatedWalIsRefusedThenRepairedSayingWhatWasLost) {
  testing::TempDir dir;
  {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    for (int b = 0; b < 10; ++b) {
      CommitTwoKilobyteDocuments(**store, b * 10, 10);
    }
  }
  // Everything is in the WAL (nothing flushed): cut its second half.
  std::vector<std::filesystem::path> wals = Files(dir.path(), ".log");
  ASSERT_FALSE(wals.empty());
  const uint64_t size = std::filesystem::file_size(wals[0]);
  std::filesystem::resize_file(wals[0], size / 2);

  absl::StatusOr<std::unique_ptr<Store>> refused =
      Store::OpenPrimary(dir.path(), StoreOptions());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(refused.status().message(), HasSubstr("acknowledged 100"));
  EXPECT_THAT(refused.status().message(), HasSubstr("accord-admin repair"));
  // Refusing changed nothing: the cut log is still there, as cut.
  EXPECT_EQ(std::filesystem::file_size(wals[0]), size / 2);

  StoreOptions repair;
  repair.accept_data_loss = true;
  uint64_t kept = 0;
  {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), repair);
    ASSERT_TRUE(store.ok()) << store.status();
    kept = *(*store)->DocumentCount();
    EXPECT_LT(kept, 100u);
    EXPECT_GT(kept, 0u);
  }
  // Repaired: the record now says what is left, and a plain open works.
  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(dir.path(), StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(*(*store)->DocumentCount(), kept);
}

TEST(StoreDamageTest, AManifestCutInHalfIsRefusedBeforeAnyTableIsDeleted) {
  testing::TempDir dir;
  {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    // Several flushes and compactions: many MANIFEST records.
    for (int b = 0; b < 6; ++b) {
      CommitTwoKilobyteDocuments(**store, b * 50, 50);
      ASSERT_TRUE((*store)->Compact().ok());
    }
  }
  std::vector<std::filesystem::path> manifests = Files(dir.path(), "MANIFEST-");
  ASSERT_EQ(manifests.size(), 1u);
  const size_t tables = Files(dir.path(), ".sst").size();
  ASSERT_GT(tables, 0u);
  std::filesystem::resize_file(manifests[0],
                               std::filesystem::file_size(manifests[0]) / 2);

  absl::StatusOr<std::unique_ptr<Store>> refused =
      Store::OpenPrimary(dir.path(), StoreOptions());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kDataLoss)
      << refused.status();
  // RocksDB itself finds this one corrupt when the record makes it look.
  EXPECT_THAT(refused.status().message(), HasSubstr("damaged"));
  EXPECT_THAT(refused.status().message(), HasSubstr("accord-admin"));
  EXPECT_EQ(Files(dir.path(), ".sst").size(), tables);
}

TEST(StoreDamageTest, VerifyFindsNothingInASoundStoreAndNamesDamage) {
  testing::TempDir dir;
  {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    for (int b = 0; b < 4; ++b) CommitTwoKilobyteDocuments(**store, b * 25, 25);
    ASSERT_TRUE((*store)->Compact().ok());
  }
  absl::StatusOr<Store::Check> sound = Store::Verify(dir.path());
  ASSERT_TRUE(sound.ok()) << sound.status();
  EXPECT_EQ(sound->documents, 100u);
  EXPECT_EQ(sound->acknowledged, std::optional<uint64_t>(100));
  EXPECT_TRUE(sound->problems.empty()) << sound->problems[0];

  // One byte flipped inside the largest table file's data.
  std::vector<std::filesystem::path> tables = Files(dir.path(), ".sst");
  ASSERT_FALSE(tables.empty());
  {
    std::fstream file(tables[0],
                      std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(100);
    const char byte = static_cast<char>(file.get());
    file.seekp(100);
    file.put(static_cast<char>(byte ^ 0x40));
  }
  absl::StatusOr<Store::Check> damaged = Store::Verify(dir.path());
  ASSERT_TRUE(damaged.ok()) << damaged.status();
  ASSERT_FALSE(damaged->problems.empty());
  EXPECT_THAT(damaged->problems[0], HasSubstr("table files: Corruption"));
}

TEST(StoreDamageTest, CleanReopensAreNeverRefused) {
  testing::TempDir dir;
  for (int round = 0; round < 3; ++round) {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), StoreOptions());
    ASSERT_TRUE(store.ok()) << round << ": " << store.status();
    EXPECT_EQ(*(*store)->DocumentCount(), static_cast<uint64_t>(round * 5));
    CommitTwoKilobyteDocuments(**store, round * 5, 5);
  }
}

}  // namespace
}  // namespace accord::store
