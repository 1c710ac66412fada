// The tsan leg checks itself: a race in Accord code is still reported with
// the absl::Mutex annotations and the suppressions in place, and an access
// guarded by absl::Mutex is not. Built only with ACCORD_SANITIZE=thread.
#include <cstdlib>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"

namespace accord {
namespace {

// Two threads write one int; `mu` guards it when given.
void TwoWriters(absl::Mutex* mu) {
  static int shared = 0;
  auto write = [mu] {
    for (int i = 0; i < 1000; ++i) {
      if (mu != nullptr) mu->Lock();
      shared = shared + 1;
      if (mu != nullptr) mu->Unlock();
    }
  };
  std::thread a(write);
  std::thread b(write);
  a.join();
  b.join();
}

// The same with a wait: the reader waits on a condition until the writer
// has published.
void PublishAndAwait() {
  absl::Mutex mu;
  bool ready = false;
  int value = 0;
  std::thread writer([&] {
    absl::MutexLock lock(&mu);
    value = 42;
    ready = true;
  });
  {
    absl::MutexLock lock(&mu);
    mu.Await(absl::Condition(&ready));
    if (value != 42) std::abort();
  }
  writer.join();
}

TEST(TsanCanaryTest, AnUnguardedRaceIsReported) {
  // TSan makes a process that reported a race exit with 66.
  EXPECT_EXIT(
      {
        TwoWriters(nullptr);
        std::exit(0);
      },
      ::testing::ExitedWithCode(66), "ThreadSanitizer: data race");
}

TEST(TsanCanaryTest, AbslMutexIsSeenAsSynchronization) {
  EXPECT_EXIT(
      {
        absl::Mutex mu;
        TwoWriters(&mu);
        PublishAndAwait();
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace accord
