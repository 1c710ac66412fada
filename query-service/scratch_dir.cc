#include "query-service/scratch_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/util/log.h"

namespace accord::query {
namespace {

namespace fs = std::filesystem;

// mkdtemp's six random characters.
constexpr size_t kRandomLength = 6;

std::string BaseOf(const ScratchDirOptions& options) {
  if (!options.base.empty()) return options.base;
  const char* tmp = std::getenv("TMPDIR");
  return tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
}

// True when `dir` holds an owner lock that no process holds: its server
// is gone. A directory without one is not ours to judge.
bool IsAbandoned(const fs::path& dir) {
  const fs::path lock = dir / ScratchDir::kOwnerLockName;
  const int fd = open(lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  absl::Cleanup closer = [fd] { close(fd); };
  // Released at close: the lock only asks whether another holds it.
  return flock(fd, LOCK_EX | LOCK_NB) == 0;
}

// Removes the abandoned directories named prefix + six characters under
// `base`; returns their paths.
std::vector<std::string> Sweep(const fs::path& base,
                               const std::string& prefix) {
  std::vector<std::string> removed;
  std::error_code listing;
  fs::directory_iterator entries(base, listing);
  // Advanced with an error code: a range-for would throw on a failed read.
  for (; !listing && entries != fs::directory_iterator();
       entries.increment(listing)) {
    const fs::directory_entry& entry = *entries;
    const std::string name = entry.path().filename().string();
    std::error_code error;
    if (name.size() != prefix.size() + kRandomLength ||
        !absl::StartsWith(name, prefix) || !entry.is_directory(error) ||
        entry.is_symlink(error) || !IsAbandoned(entry.path())) {
      continue;
    }
    fs::remove_all(entry.path(), error);
    if (error) {
      LogWarning(
          "accord-query: cannot remove the stale scratch directory %s: %s",
          entry.path().string(), error.message());
      continue;
    }
    removed.push_back(entry.path().string());
  }
  if (listing) {
    LogWarning("accord-query: cannot list %s for stale scratch directories: %s",
               base.string(), listing.message());
  }
  return removed;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ScratchDir>> ScratchDir::Create(
    const ScratchDirOptions& options) {
  const fs::path base = BaseOf(options);
  // One sweep or creation at a time under `base`: a starting server's
  // directory exists a moment before its owner lock is held.
  const fs::path sweep_lock =
      base / absl::StrCat(".", options.prefix, "sweep.lock");
  const int sweep_fd =
      open(sweep_lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (sweep_fd < 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot open ", sweep_lock.string(), ": ", std::strerror(errno),
        " (set --secondary_dir, or TMPDIR to a writable directory)"));
  }
  absl::Cleanup sweep_closer = [sweep_fd] { close(sweep_fd); };
  if (flock(sweep_fd, LOCK_EX) != 0) {
    return absl::InternalError(absl::StrCat("cannot lock ", sweep_lock.string(),
                                            ": ", std::strerror(errno)));
  }
  std::vector<std::string> removed = Sweep(base, options.prefix);
  for (const std::string& path : removed) {
    LogInfo("accord-query: removed %s, left by a server that is gone", path);
  }

  std::string pattern = (base / (options.prefix + "XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create a scratch directory under ", base.string(),
                     ": ", std::strerror(errno),
                     " (set --secondary_dir, or TMPDIR to a writable "
                     "directory)"));
  }
  const fs::path lock = fs::path(pattern) / kOwnerLockName;
  const int lock_fd =
      open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (lock_fd < 0 || flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
    const std::string reason = std::strerror(errno);
    if (lock_fd >= 0) close(lock_fd);
    std::error_code ignored;
    fs::remove_all(pattern, ignored);
    return absl::InternalError(
        absl::StrCat("cannot lock ", lock.string(), ": ", reason));
  }
  return std::unique_ptr<ScratchDir>(
      new ScratchDir(std::move(pattern), lock_fd, std::move(removed)));
}

ScratchDir::ScratchDir(std::string path, int lock_fd,
                       std::vector<std::string> removed)
    : path_(std::move(path)), lock_fd_(lock_fd), removed_(std::move(removed)) {}

ScratchDir::~ScratchDir() {
  // Removed while still locked: no sweep takes it for abandoned first.
  std::error_code ignored;
  fs::remove_all(path_, ignored);
  close(lock_fd_);
}

}  // namespace accord::query
