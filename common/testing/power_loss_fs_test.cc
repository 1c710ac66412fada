#include "common/testing/power_loss_fs.h"

#include <memory>
#include <string>

#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"

namespace accord::testing {
namespace {

std::string Contents(const std::string& path) {
  std::string data;
  EXPECT_TRUE(rocksdb::ReadFileToString(rocksdb::FileSystem::Default().get(),
                                        path, &data)
                  .ok());
  return data;
}

TEST(PowerLossFileSystemTest, KeepsWhatWasSyncedAndNothingAfter) {
  TempDir dir;
  auto fs =
      std::make_shared<PowerLossFileSystem>(rocksdb::FileSystem::Default());
  std::unique_ptr<rocksdb::FSWritableFile> file;
  const rocksdb::IOOptions io;
  ASSERT_TRUE(
      fs->NewWritableFile(dir.Sub("a"), rocksdb::FileOptions(), &file, nullptr)
          .ok());
  ASSERT_TRUE(file->Append("synced", io, nullptr).ok());
  ASSERT_TRUE(file->Sync(io, nullptr).ok());
  ASSERT_TRUE(file->Append(" unsynced", io, nullptr).ok());
  ASSERT_TRUE(file->Flush(io, nullptr).ok());
  // A file synced whole, then renamed (as RocksDB writes CURRENT).
  std::unique_ptr<rocksdb::FSWritableFile> tmp;
  ASSERT_TRUE(
      fs->NewWritableFile(dir.Sub("tmp"), rocksdb::FileOptions(), &tmp, nullptr)
          .ok());
  ASSERT_TRUE(tmp->Append("whole", io, nullptr).ok());
  ASSERT_TRUE(tmp->Sync(io, nullptr).ok());
  ASSERT_TRUE(tmp->Close(io, nullptr).ok());
  ASSERT_TRUE(fs->RenameFile(dir.Sub("tmp"), dir.Sub("b"), io, nullptr).ok());
  EXPECT_EQ(Contents(dir.Sub("a")), "synced unsynced");

  fs->SimulatePowerLoss();
  EXPECT_TRUE(fs->power_lost());
  EXPECT_EQ(fs->bytes_lost(), 9u);
  EXPECT_EQ(Contents(dir.Sub("a")), "synced");
  EXPECT_EQ(Contents(dir.Sub("b")), "whole");
  // The machine is off: nothing more reaches the disk.
  EXPECT_FALSE(file->Append(" later", io, nullptr).ok());
  EXPECT_FALSE(file->Sync(io, nullptr).ok());
  EXPECT_FALSE(file->Close(io, nullptr).ok());
  file.reset();
  EXPECT_EQ(Contents(dir.Sub("a")), "synced");
  std::unique_ptr<rocksdb::FSWritableFile> late;
  EXPECT_FALSE(
      fs->NewWritableFile(dir.Sub("c"), rocksdb::FileOptions(), &late, nullptr)
          .ok());
  EXPECT_FALSE(fs->DeleteFile(dir.Sub("b"), io, nullptr).ok());
}

// The wrapper is strict enough to catch a write that RocksDB acknowledged
// without syncing it; the same write with sync=true survives.
TEST(PowerLossFileSystemTest, LosesRocksDbWritesThatWereNotSynced) {
  for (bool sync : {false, true}) {
    TempDir dir;
    auto fs =
        std::make_shared<PowerLossFileSystem>(rocksdb::FileSystem::Default());
    std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(fs);
    {
      rocksdb::Options options;
      options.create_if_missing = true;
      options.env = env.get();
      rocksdb::DB* raw = nullptr;
      ASSERT_TRUE(rocksdb::DB::Open(options, dir.path(), &raw).ok());
      std::unique_ptr<rocksdb::DB> db(raw);
      rocksdb::WriteOptions write;
      write.sync = sync;
      ASSERT_TRUE(db->Put(write, "key", "value").ok());
      fs->SimulatePowerLoss();
    }
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::Options(), dir.path(), &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    std::string value;
    EXPECT_EQ(db->Get(rocksdb::ReadOptions(), "key", &value).ok(), sync)
        << "sync=" << sync;
  }
}

}  // namespace
}  // namespace accord::testing
