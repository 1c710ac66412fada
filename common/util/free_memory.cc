#include "common/util/free_memory.h"

#include <malloc.h>

#include <cstdlib>

namespace accord {

bool LimitMallocArenas(int arenas) {
#if defined(__GLIBC__)
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return true;
  return mallopt(M_ARENA_MAX, arenas) == 1;
#else
  (void)arenas;
  return false;
#endif
}

void FreeMemoryReleaser::ReleaseNow() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

FreeMemoryReleaser::FreeMemoryReleaser(absl::Duration interval)
    : thread_([this, interval] { Run(interval); }) {}

FreeMemoryReleaser::~FreeMemoryReleaser() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
}

void FreeMemoryReleaser::Run(absl::Duration interval) {
  absl::MutexLock lock(&mu_);
  while (!mu_.AwaitWithTimeout(absl::Condition(&stopping_), interval)) {
    mu_.Unlock();
    ReleaseNow();
    mu_.Lock();
  }
}

}  // namespace accord
