#include "ingest-service/worker_pool.h"

#include <pthread.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace accord::ingest {
namespace {

TEST(WorkerPoolTest, RunsEveryItemOnceAndReturnsWhenAllAreDone) {
  WorkerPool pool({.threads = 3, .name = "test-pool"});
  for (size_t n : {0, 1, 2, 7, 1000}) {
    std::vector<std::atomic<int>> runs(n);
    pool.ParallelFor(n, [&](size_t i) { runs[i]++; });
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(runs[i].load(), 1) << i;
  }
}

TEST(WorkerPoolTest, WithoutWorkersTheCallerDoesEverything) {
  WorkerPool pool({.threads = 0});
  const std::thread::id caller = std::this_thread::get_id();
  int ran = 0;
  pool.ParallelFor(5, [&](size_t) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    ++ran;
  });
  EXPECT_EQ(ran, 5);
}

// The point of the pool: the same threads serve call after call, so their
// per-thread caches survive. Threads started per call would show new ids.
TEST(WorkerPoolTest, CallsReuseTheSameThreads) {
  WorkerPool pool({.threads = 2, .name = "test-pool"});
  absl::Mutex mu;
  std::set<std::thread::id> seen;
  for (int call = 0; call < 50; ++call) {
    pool.ParallelFor(8, [&](size_t) {
      absl::SleepFor(absl::Microseconds(200));
      absl::MutexLock lock(&mu);
      seen.insert(std::this_thread::get_id());
    });
  }
  // Two workers and the caller.
  EXPECT_LE(seen.size(), 3u);
  EXPECT_GE(seen.size(), 2u);
}

TEST(WorkerPoolTest, ConcurrentCallsShareTheWorkers) {
  WorkerPool pool({.threads = 2, .name = "test-pool"});
  std::atomic<int> total{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c) {
    callers.emplace_back([&] {
      for (int call = 0; call < 20; ++call) {
        std::atomic<int> mine{0};
        pool.ParallelFor(10, [&](size_t) {
          mine++;
          total++;
        });
        EXPECT_EQ(mine.load(), 10);
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(total.load(), 4 * 20 * 10);
}

// Names of this process's threads, as top and gdb show them.
std::multiset<std::string> ThreadNames() {
  std::multiset<std::string> names;
  for (const auto& task :
       std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string name;
    std::getline(comm, name);
    names.insert(name);
  }
  return names;
}

TEST(WorkerPoolTest, WorkersCarryTheirNameCutTo15Bytes) {
  WorkerPool pool({.threads = 2, .name = "accord-prepare-documents"});
  EXPECT_EQ(ThreadNames().count("accord-prepare-"), 2u);
}

}  // namespace
}  // namespace accord::ingest
