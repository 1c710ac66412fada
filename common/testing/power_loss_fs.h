// PowerLossFileSystem: a RocksDB FileSystem for tests that can lose power.
//
// A process killed with SIGKILL loses nothing the kernel already has; a
// machine that loses power also loses what the kernel had not written to
// the disk yet. This wrapper passes all I/O to the real file system and
// records, for each file written through it, its length and the length at
// its last Sync/Fsync. SimulatePowerLoss() then cuts every such file back
// to its synced length and fails every later write, so a test can check
// that what a store acknowledged survives, and a store that skips a sync
// fails that check.
//
// Not modelled: directory entries (a file created, renamed or deleted
// without a directory fsync stays that way here), RangeSync (never counted
// as durable), files opened with NewRandomRWFile, and the RocksDB info LOG.
// Files that existed before the wrapper saw them count as synced. The
// target must be a local file system: files are cut with truncate(2).
//
//   auto fs = std::make_shared<accord::testing::PowerLossFileSystem>(
//       rocksdb::FileSystem::Default());
//   std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(fs);
//   StoreOptions options;
//   options.env = env.get();  // outlives the store
//   ... open a store with `options`, commit ...
//   fs->SimulatePowerLoss();
//   store.reset();  // what it writes while closing is lost too
//   ... reopen with the default Env and check what survived ...
//
// Thread-safety: all methods may be called concurrently. SimulatePowerLoss
// waits for writes in flight, so none lands after it.
#ifndef ACCORD_COMMON_TESTING_POWER_LOSS_FS_H_
#define ACCORD_COMMON_TESTING_POWER_LOSS_FS_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "rocksdb/file_system.h"

namespace accord::testing {

class PowerLossFileSystem : public rocksdb::FileSystemWrapper {
 public:
  explicit PowerLossFileSystem(std::shared_ptr<rocksdb::FileSystem> target);

  static const char* kClassName() { return "AccordPowerLossFileSystem"; }
  const char* Name() const override { return kClassName(); }

  // Cuts every file written through this wrapper back to its last synced
  // length; from then on every write, sync, create, rename and delete
  // fails with an I/O error ("power lost").
  void SimulatePowerLoss();
  bool power_lost() const;
  // Bytes that SimulatePowerLoss cut off (written but never synced).
  uint64_t bytes_lost() const;

  // Writes are tracked; every other mutation fails once power is lost.
  rocksdb::IOStatus NewWritableFile(
      const std::string& name, const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSWritableFile>* result,
      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(
      const std::string& name, const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSWritableFile>* result,
      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReuseWritableFile(
      const std::string& name, const std::string& old_name,
      const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSWritableFile>* result,
      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewRandomRWFile(
      const std::string& name, const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSRandomRWFile>* result,
      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus RenameFile(const std::string& from, const std::string& to,
                               const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus LinkFile(const std::string& from, const std::string& to,
                             const rocksdb::IOOptions& options,
                             rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus DeleteFile(const std::string& name,
                               const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus Truncate(const std::string& name, size_t size,
                             const rocksdb::IOOptions& options,
                             rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus CreateDir(const std::string& name,
                              const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus CreateDirIfMissing(const std::string& name,
                                       const rocksdb::IOOptions& options,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus DeleteDir(const std::string& name,
                              const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override;

  // What the wrapper knows of one file written through it.
  struct FileState {
    std::string path;
    uint64_t size = 0;
    uint64_t synced = 0;
  };

 private:
  friend class PowerLossWritableFile;

  // OK, or the error every mutation gets once power is lost.
  rocksdb::IOStatus CheckPower() const ABSL_SHARED_LOCKS_REQUIRED(power_mu_);
  // Tracks `name` from now on, as a file of `size` bytes of which
  // `synced` are durable, and wraps `file`.
  void Track(const std::string& name, uint64_t size, uint64_t synced,
             std::unique_ptr<rocksdb::FSWritableFile>* file)
      ABSL_SHARED_LOCKS_REQUIRED(power_mu_);
  // Cuts `state`'s file to its synced length.
  void CutToSynced(const FileState& state) ABSL_LOCKS_EXCLUDED(files_mu_);

  // Held shared by every I/O call, exclusively by SimulatePowerLoss: no
  // write is half done when power goes.
  mutable absl::Mutex power_mu_;
  bool power_lost_ ABSL_GUARDED_BY(power_mu_) = false;

  mutable absl::Mutex files_mu_ ABSL_ACQUIRED_AFTER(power_mu_);
  absl::flat_hash_map<std::string, std::shared_ptr<FileState>> files_
      ABSL_GUARDED_BY(files_mu_);
  uint64_t bytes_lost_ ABSL_GUARDED_BY(files_mu_) = 0;
};

}  // namespace accord::testing

#endif  // ACCORD_COMMON_TESTING_POWER_LOSS_FS_H_
