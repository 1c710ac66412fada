// ScratchDir: the query-service's private directory for its follower's
// RocksDB files when --secondary_dir is not given: a fresh directory under
// a base ($TMPDIR), removed when the server exits.
//
// A server that is killed (SIGKILL, OOM, a crash) cannot remove its own,
// so every ScratchDir holds an flock on a file inside it for as long as it
// lives, and at creation sweeps the base for directories of its name whose
// lock no process holds: those are removed. A sweep-wide lock file in the
// base makes the sweep and the creation of a new directory one step, so a
// server never removes the directory of another that is just starting.
//
//   absl::StatusOr<std::unique_ptr<ScratchDir>> dir =
//       ScratchDir::Create({.base = "/tmp"});
//   ... (*dir)->path() ...
#ifndef ACCORD_QUERY_SERVICE_SCRATCH_DIR_H_
#define ACCORD_QUERY_SERVICE_SCRATCH_DIR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace accord::query {

struct ScratchDirOptions {
  // Where the directory is made; "" is $TMPDIR, or /tmp without it.
  std::string base;
  // Directories are named prefix + six random characters.
  std::string prefix = "accord-query-";
};

class ScratchDir {
 public:
  // Removes the directories left under `options.base` by servers that are
  // gone, then makes a new one and locks it. A directory that cannot be
  // removed is logged and left; only failing to make the new one is an
  // error.
  static absl::StatusOr<std::unique_ptr<ScratchDir>> Create(
      const ScratchDirOptions& options);

  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  // Removes the directory and everything in it.
  ~ScratchDir();

  const std::string& path() const { return path_; }
  // The stale directories this one's creation removed.
  const std::vector<std::string>& removed() const { return removed_; }

  // The name of the lock file inside each directory.
  static constexpr char kOwnerLockName[] = "owner.lock";

 private:
  ScratchDir(std::string path, int lock_fd, std::vector<std::string> removed);

  std::string path_;
  int lock_fd_;
  std::vector<std::string> removed_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SCRATCH_DIR_H_
