#include "common/testing/power_loss_fs.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <utility>
#include <vector>

namespace accord::testing {
namespace {

rocksdb::IOStatus PowerLost() {
  return rocksdb::IOStatus::IOError("power lost (simulated)");
}

}  // namespace

// A file written through PowerLossFileSystem: forwards to the real file
// and keeps its FileState's size and synced length up to date.
class PowerLossWritableFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  PowerLossWritableFile(PowerLossFileSystem* fs,
                        std::shared_ptr<PowerLossFileSystem::FileState> state,
                        std::unique_ptr<rocksdb::FSWritableFile> target)
      : rocksdb::FSWritableFileOwnerWrapper(std::move(target)),
        fs_(fs),
        state_(std::move(state)) {}

  ~PowerLossWritableFile() override {
    Close(rocksdb::IOOptions(), nullptr).PermitUncheckedError();
  }

  rocksdb::IOStatus Append(const rocksdb::Slice& data,
                           const rocksdb::IOOptions& options,
                           rocksdb::IODebugContext* dbg) override {
    absl::ReaderMutexLock power(&fs_->power_mu_);
    if (rocksdb::IOStatus lost = fs_->CheckPower(); !lost.ok()) return lost;
    rocksdb::IOStatus s = target()->Append(data, options, dbg);
    if (s.ok()) Grow(data.size());
    return s;
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data,
                           const rocksdb::IOOptions& options,
                           const rocksdb::DataVerificationInfo& info,
                           rocksdb::IODebugContext* dbg) override {
    absl::ReaderMutexLock power(&fs_->power_mu_);
    if (rocksdb::IOStatus lost = fs_->CheckPower(); !lost.ok()) return lost;
    rocksdb::IOStatus s = target()->Append(data, options, info, dbg);
    if (s.ok()) Grow(data.size());
    return s;
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data,
                                     uint64_t offset,
                                     const rocksdb::IOOptions& options,
                                     rocksdb::IODebugContext* dbg) override {
    absl::ReaderMutexLock power(&fs_->power_mu_);
    if (rocksdb::IOStatus lost = fs_->CheckPower(); !lost.ok()) return lost;
    rocksdb::IOStatus s =
        target()->PositionedAppend(data, offset, options, dbg);
    if (s.ok()) GrowTo(offset + data.size());
    return s;
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data,
                                     uint64_t offset,
                                     const rocksdb::IOOptions& options,
                                     const rocksdb::DataVerificationInfo& info,
                                     rocksdb::IODebugContext* dbg) override {
    absl::ReaderMutexLock power(&fs_->power_mu_);
    if (rocksdb::IOStatus lost = fs_->CheckPower(); !lost.ok()) return lost;
    rocksdb::IOStatus s =
        target()->PositionedAppend(data, offset, options, info, dbg);
    if (s.ok()) GrowTo(offset + data.size());
    return s;
  }
  rocksdb::IOStatus Truncate(uint64_t size, const rocksdb::IOOptions& options,
                             rocksdb::IODebugContext* dbg) override {
    absl::ReaderMutexLock power(&fs_->power_mu_);
    if (rocksdb::IOStatus lost = fs_->CheckPower(); !lost.ok()) return lost;
    rocksdb::IOStatus s = target()->Truncate(size, options, dbg);
    if (s.ok()) {
      absl::MutexLock files(&fs_->files_mu_);
      state_->size = size;
      state_->synced = std::min(state_->synced, size);
    }
    return s;
  }
  rocksdb::IOStatus Flush(const rocksdb::IOOptions& options,
                          rocksdb::IODebugContext* dbg) override {
    absl::ReaderMutexLock power(&fs_->power_mu_);
    if (rocksdb::IOStatus lost = fs_->CheckPower(); !lost.ok()) return lost;
    return target()->Flush(options, dbg);
  }
  rocksdb::IOStatus Sync(const rocksdb::IOOptions& options,
                         rocksdb::IODebugContext* dbg) override {
    absl::ReaderMutexLock power(&fs_->power_mu_);
    if (rocksdb::IOStatus lost = fs_->CheckPower(); !lost.ok()) return lost;
    rocksdb::IOStatus s = target()->Sync(options, dbg);
    if (s.ok()) MarkSynced();
    return s;
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options,
                          rocksdb::IODebugContext* dbg) override {
    absl::ReaderMutexLock power(&fs_->power_mu_);
    if (rocksdb::IOStatus lost = fs_->CheckPower(); !lost.ok()) return lost;
    rocksdb::IOStatus s = target()->Fsync(options, dbg);
    if (s.ok()) MarkSynced();
    return s;
  }
  // sync_file_range promises nothing about durability: not counted.
  rocksdb::IOStatus RangeSync(uint64_t offset, uint64_t bytes,
                              const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override {
    absl::ReaderMutexLock power(&fs_->power_mu_);
    if (rocksdb::IOStatus lost = fs_->CheckPower(); !lost.ok()) return lost;
    return target()->RangeSync(offset, bytes, options, dbg);
  }
  rocksdb::IOStatus Close(const rocksdb::IOOptions& options,
                          rocksdb::IODebugContext* dbg) override {
    if (closed_) return rocksdb::IOStatus::OK();
    closed_ = true;
    absl::ReaderMutexLock power(&fs_->power_mu_);
    rocksdb::IOStatus s = target()->Close(options, dbg);
    if (!fs_->CheckPower().ok()) {
      // Closing may have trimmed preallocated space by setting the file's
      // length again; the power is off, so cut it back.
      PowerLossFileSystem::FileState state;
      {
        absl::MutexLock files(&fs_->files_mu_);
        state = *state_;
      }
      fs_->CutToSynced(state);
      return PowerLost();
    }
    return s;
  }

 private:
  void Grow(uint64_t bytes) {
    absl::MutexLock files(&fs_->files_mu_);
    state_->size += bytes;
  }
  void GrowTo(uint64_t size) {
    absl::MutexLock files(&fs_->files_mu_);
    state_->size = std::max(state_->size, size);
  }
  void MarkSynced() {
    absl::MutexLock files(&fs_->files_mu_);
    state_->synced = state_->size;
  }

  PowerLossFileSystem* const fs_;
  const std::shared_ptr<PowerLossFileSystem::FileState> state_;
  bool closed_ = false;
};

PowerLossFileSystem::PowerLossFileSystem(
    std::shared_ptr<rocksdb::FileSystem> target)
    : rocksdb::FileSystemWrapper(std::move(target)) {}

void PowerLossFileSystem::SimulatePowerLoss() {
  absl::WriterMutexLock power(&power_mu_);
  if (power_lost_) return;
  power_lost_ = true;
  std::vector<FileState> states;
  {
    absl::MutexLock files(&files_mu_);
    for (const auto& [name, state] : files_) {
      bytes_lost_ += state->size - std::min(state->synced, state->size);
      states.push_back(*state);
    }
  }
  for (const FileState& state : states) CutToSynced(state);
}

bool PowerLossFileSystem::power_lost() const {
  absl::ReaderMutexLock power(&power_mu_);
  return power_lost_;
}

uint64_t PowerLossFileSystem::bytes_lost() const {
  absl::MutexLock files(&files_mu_);
  return bytes_lost_;
}

rocksdb::IOStatus PowerLossFileSystem::CheckPower() const {
  return power_lost_ ? PowerLost() : rocksdb::IOStatus::OK();
}

void PowerLossFileSystem::Track(
    const std::string& name, uint64_t size, uint64_t synced,
    std::unique_ptr<rocksdb::FSWritableFile>* file) {
  auto state = std::make_shared<FileState>();
  state->path = name;
  state->size = size;
  state->synced = synced;
  {
    absl::MutexLock files(&files_mu_);
    files_[name] = state;
  }
  *file = std::make_unique<PowerLossWritableFile>(this, std::move(state),
                                                  std::move(*file));
}

void PowerLossFileSystem::CutToSynced(const FileState& state) {
  // RocksDB 7.8's POSIX file system does not implement Truncate. A file
  // deleted meanwhile (ENOENT) has nothing left to lose.
  if (truncate(state.path.c_str(), static_cast<off_t>(state.synced)) != 0 &&
      errno != ENOENT) {
    std::perror(("power loss: truncate " + state.path).c_str());
  }
}

rocksdb::IOStatus PowerLossFileSystem::NewWritableFile(
    const std::string& name, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* result,
    rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  rocksdb::IOStatus s = target()->NewWritableFile(name, options, result, dbg);
  if (s.ok()) Track(name, 0, 0, result);
  return s;
}

rocksdb::IOStatus PowerLossFileSystem::ReopenWritableFile(
    const std::string& name, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* result,
    rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  uint64_t size = 0;
  target()
      ->GetFileSize(name, rocksdb::IOOptions(), &size, dbg)
      .PermitUncheckedError();  // A missing file is created empty.
  rocksdb::IOStatus s =
      target()->ReopenWritableFile(name, options, result, dbg);
  if (!s.ok()) return s;
  uint64_t synced = size;  // Bytes written before we saw the file.
  {
    absl::MutexLock files(&files_mu_);
    if (auto it = files_.find(name); it != files_.end()) {
      synced = std::min(it->second->synced, size);
    }
  }
  Track(name, size, synced, result);
  return s;
}

rocksdb::IOStatus PowerLossFileSystem::ReuseWritableFile(
    const std::string& name, const std::string& old_name,
    const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* result,
    rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  rocksdb::IOStatus s =
      target()->ReuseWritableFile(name, old_name, options, result, dbg);
  if (!s.ok()) return s;
  {
    absl::MutexLock files(&files_mu_);
    files_.erase(old_name);
  }
  Track(name, 0, 0, result);
  return s;
}

rocksdb::IOStatus PowerLossFileSystem::NewRandomRWFile(
    const std::string& name, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSRandomRWFile>* result,
    rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  return target()->NewRandomRWFile(name, options, result, dbg);
}

rocksdb::IOStatus PowerLossFileSystem::RenameFile(
    const std::string& from, const std::string& to,
    const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  rocksdb::IOStatus s = target()->RenameFile(from, to, options, dbg);
  if (s.ok()) {
    absl::MutexLock files(&files_mu_);
    files_.erase(to);
    if (auto it = files_.find(from); it != files_.end()) {
      std::shared_ptr<FileState> state = std::move(it->second);
      files_.erase(it);
      state->path = to;
      files_[to] = std::move(state);
    }
  }
  return s;
}

rocksdb::IOStatus PowerLossFileSystem::LinkFile(
    const std::string& from, const std::string& to,
    const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  return target()->LinkFile(from, to, options, dbg);
}

rocksdb::IOStatus PowerLossFileSystem::DeleteFile(
    const std::string& name, const rocksdb::IOOptions& options,
    rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  rocksdb::IOStatus s = target()->DeleteFile(name, options, dbg);
  if (s.ok()) {
    absl::MutexLock files(&files_mu_);
    files_.erase(name);
  }
  return s;
}

rocksdb::IOStatus PowerLossFileSystem::Truncate(
    const std::string& name, size_t size, const rocksdb::IOOptions& options,
    rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  rocksdb::IOStatus s = target()->Truncate(name, size, options, dbg);
  if (s.ok()) {
    absl::MutexLock files(&files_mu_);
    if (auto it = files_.find(name); it != files_.end()) {
      it->second->size = size;
      it->second->synced = std::min<uint64_t>(it->second->synced, size);
    }
  }
  return s;
}

rocksdb::IOStatus PowerLossFileSystem::CreateDir(
    const std::string& name, const rocksdb::IOOptions& options,
    rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  return target()->CreateDir(name, options, dbg);
}

rocksdb::IOStatus PowerLossFileSystem::CreateDirIfMissing(
    const std::string& name, const rocksdb::IOOptions& options,
    rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  return target()->CreateDirIfMissing(name, options, dbg);
}

rocksdb::IOStatus PowerLossFileSystem::DeleteDir(
    const std::string& name, const rocksdb::IOOptions& options,
    rocksdb::IODebugContext* dbg) {
  absl::ReaderMutexLock power(&power_mu_);
  if (rocksdb::IOStatus lost = CheckPower(); !lost.ok()) return lost;
  return target()->DeleteDir(name, options, dbg);
}

}  // namespace accord::testing
