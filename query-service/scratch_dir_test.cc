// ScratchDir: made fresh and locked, removed with its owner, and the
// directories of owners that are gone (their lock released, as a killed
// process's is) removed by the next one made; nothing else is touched.
#include "query-service/scratch_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::query {
namespace {

namespace fs = std::filesystem;

// A directory as a server that was killed leaves it: its owner lock file,
// held by nobody, and the follower's files.
fs::path LeaveAbandoned(const fs::path& base, const std::string& name) {
  const fs::path dir = base / name;
  fs::create_directory(dir);
  std::ofstream(dir / ScratchDir::kOwnerLockName).put('\n');
  std::ofstream(dir / "LOG") << "rocksdb info log\n";
  return dir;
}

TEST(ScratchDirTest, MadeFreshLockedAndRemovedWithItsOwner) {
  testing::TempDir base;
  std::string path;
  {
    absl::StatusOr<std::unique_ptr<ScratchDir>> dir =
        ScratchDir::Create({.base = base.path()});
    ASSERT_TRUE(dir.ok()) << dir.status();
    path = (*dir)->path();
    EXPECT_EQ(fs::path(path).parent_path(), fs::path(base.path()));
    EXPECT_THAT(fs::path(path).filename().string(),
                ::testing::StartsWith("accord-query-"));
    EXPECT_TRUE(fs::is_directory(path));
    EXPECT_TRUE((*dir)->removed().empty());
    // Its lock is held: another open file cannot take it.
    const int fd = open((fs::path(path) / ScratchDir::kOwnerLockName).c_str(),
                        O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    EXPECT_NE(flock(fd, LOCK_EX | LOCK_NB), 0);
    close(fd);
  }
  EXPECT_FALSE(fs::exists(path));
}

TEST(ScratchDirTest, RemovesWhatGoneOwnersLeftAndNothingElse) {
  testing::TempDir base;
  const fs::path root(base.path());
  const fs::path abandoned = LeaveAbandoned(root, "accord-query-Ab12Cd");
  const fs::path abandoned_too = LeaveAbandoned(root, "accord-query-zzzzzz");
  // A live owner's, made before.
  absl::StatusOr<std::unique_ptr<ScratchDir>> live =
      ScratchDir::Create({.base = base.path()});
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_EQ((*live)->removed().size(), 2u);
  EXPECT_FALSE(fs::exists(abandoned));
  EXPECT_FALSE(fs::exists(abandoned_too));
  // Not ours to judge: no owner lock, another name, another length, a file.
  fs::create_directory(root / "accord-query-noLock");
  LeaveAbandoned(root, "accord-other-Ab12Cd");
  LeaveAbandoned(root, "accord-query-toolong");
  std::ofstream(root / "accord-query-file00").put('\n');
  // Two more servers killed since.
  LeaveAbandoned(root, "accord-query-agn000");
  LeaveAbandoned(root, "accord-query-agn001");

  absl::StatusOr<std::unique_ptr<ScratchDir>> next =
      ScratchDir::Create({.base = base.path()});
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_THAT((*next)->removed(), ::testing::UnorderedElementsAre(
                                      (root / "accord-query-agn000").string(),
                                      (root / "accord-query-agn001").string()));
  EXPECT_TRUE(fs::is_directory((*live)->path()));
  EXPECT_TRUE(fs::exists((*live)->path() + "/" + ScratchDir::kOwnerLockName));
  EXPECT_TRUE(fs::is_directory(root / "accord-query-noLock"));
  EXPECT_TRUE(fs::is_directory(root / "accord-other-Ab12Cd"));
  EXPECT_TRUE(fs::is_directory(root / "accord-query-toolong"));
  EXPECT_TRUE(fs::is_regular_file(root / "accord-query-file00"));
  EXPECT_NE((*next)->path(), (*live)->path());
}

TEST(ScratchDirTest, AnUnwritableBaseIsAClearError) {
  absl::StatusOr<std::unique_ptr<ScratchDir>> dir =
      ScratchDir::Create({.base = "/nonexistent-accord-base"});
  ASSERT_FALSE(dir.ok());
  EXPECT_THAT(dir.status().message(),
              ::testing::HasSubstr("/nonexistent-accord-base"));
  EXPECT_THAT(dir.status().message(), ::testing::HasSubstr("--secondary_dir"));
}

}  // namespace
}  // namespace accord::query
