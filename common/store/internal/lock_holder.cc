#include "common/store/internal/lock_holder.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace accord::store::internal {

std::optional<pid_t> LockHolder(const std::string& lock_file) {
  const int fd = open(lock_file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct flock probe = {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  probe.l_start = 0;
  probe.l_len = 0;  // The whole file, as RocksDB locks it.
  std::optional<pid_t> holder;
  if (fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK &&
      probe.l_pid > 0) {
    holder = probe.l_pid;
  }
  close(fd);
  return holder;
}

std::string ProcessName(pid_t pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/comm"));
  std::string name;
  std::getline(in, name);
  return std::string(absl::StripAsciiWhitespace(name));
}

std::optional<absl::Status> StoreLockedError(const std::string& path,
                                             const rocksdb::Status& status) {
  if (!status.IsIOError()) return std::nullopt;
  const std::string lock_file = path + "/LOCK";
  const std::string message = status.ToString();
  if (absl::StrContains(message, "lock hold by current process")) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", path,
        " is already open for writing in this process; a store has one "
        "writer. (",
        message, ")"));
  }
  if (!absl::StrContains(message, lock_file)) return std::nullopt;
  std::string who = "another process, most likely another accord-ingest,";
  if (std::optional<pid_t> holder = LockHolder(lock_file)) {
    const std::string name = ProcessName(*holder);
    who = name.empty() ? absl::StrCat("process ", *holder)
                       : absl::StrCat("process ", *holder, " (", name, ")");
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "store ", path, " is in use: ", who,
      " holds its lock. A store has one writer: stop that process first, "
      "or start this one on another data directory (accord-query only "
      "reads a store and runs beside its writer). RocksDB said: ",
      message));
}

}  // namespace accord::store::internal
