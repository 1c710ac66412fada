// Who holds a store: the message for a primary that finds its directory
// locked by another process.
//
// RocksDB keeps a POSIX record lock (fcntl F_SETLK) on <dir>/LOCK for as
// long as a primary has the store open, so a second writer fails with a
// bare "IO error: While lock file: <dir>/LOCK: Resource temporarily
// unavailable". F_GETLK on the same file names the process holding it.
#ifndef ACCORD_COMMON_STORE_INTERNAL_LOCK_HOLDER_H_
#define ACCORD_COMMON_STORE_INTERNAL_LOCK_HOLDER_H_

#include <sys/types.h>

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "rocksdb/status.h"

namespace accord::store::internal {

// The pid of a process that holds a lock on `lock_file` which conflicts
// with a write lock; nullopt when none does or the file cannot be read.
// REQUIRES: this process holds no lock on `lock_file` (closing the file
// here would drop it: POSIX locks belong to the process, not the fd).
std::optional<pid_t> LockHolder(const std::string& lock_file);

// The command name of `pid` (/proc/<pid>/comm), or "" when unknown.
std::string ProcessName(pid_t pid);

// When `status`, returned by opening the primary in `path`, means another
// process (or this one) holds the store: FailedPrecondition that says who
// and what to do. Otherwise nullopt.
std::optional<absl::Status> StoreLockedError(const std::string& path,
                                             const rocksdb::Status& status);

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_LOCK_HOLDER_H_
