// How a long-running server keeps malloc from holding memory it no longer
// uses. glibc's malloc keeps what a thread frees in that thread's arena for
// reuse; under many threads (gRPC's, RocksDB's, the ingest workers') it
// held as much free memory as Accord used: an accord-query under search
// load kept 230 MB free beside 220 MB in use, and its RSS climbed with it
// (bench/grpc/memory_load.cc; docs/PERFORMANCE.md, "Memory under load").
//
//   accord::LimitMallocArenas(4);                        // first, in main
//   accord::FreeMemoryReleaser releaser(absl::Seconds(10));
#ifndef ACCORD_COMMON_UTIL_FREE_MEMORY_H_
#define ACCORD_COMMON_UTIL_FREE_MEMORY_H_

#include <cstddef>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace accord {

// Caps the number of malloc arenas (M_ARENA_MAX; glibc's default is 8 per
// core), so free memory is shared between threads rather than stranded in
// theirs. Call before the process starts threads. MALLOC_ARENA_MAX in the
// environment, when set, wins. Returns false where malloc is not glibc's.
bool LimitMallocArenas(int arenas);

// Returns the free memory malloc holds to the kernel (malloc_trim) every
// `interval` on a thread of its own, until destroyed. A trim takes each
// arena's lock in turn for about a millisecond per 100 MB it walks.
class FreeMemoryReleaser {
 public:
  explicit FreeMemoryReleaser(absl::Duration interval);
  ~FreeMemoryReleaser();
  FreeMemoryReleaser(const FreeMemoryReleaser&) = delete;
  FreeMemoryReleaser& operator=(const FreeMemoryReleaser&) = delete;

  // Trims now, on the calling thread.
  static void ReleaseNow();

 private:
  void Run(absl::Duration interval);

  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace accord

#endif  // ACCORD_COMMON_UTIL_FREE_MEMORY_H_
