#include "common/util/free_memory.h"

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace accord {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kOwnAllocator = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kOwnAllocator = true;
#else
constexpr bool kOwnAllocator = false;
#endif
#else
constexpr bool kOwnAllocator = false;
#endif

// Resident bytes of this process (/proc/self/statm).
size_t ResidentBytes() {
  FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return 0;
  unsigned long size = 0, resident = 0;
  const int read = std::fscanf(statm, "%lu %lu", &size, &resident);
  std::fclose(statm);
  return read == 2 ? resident * static_cast<size_t>(sysconf(_SC_PAGESIZE)) : 0;
}

// 96 MiB in small blocks (below malloc's mmap threshold, so on the heap),
// touched, then all freed but a block allocated after them: malloc keeps
// the freed memory, and that block keeps the heap's top from shrinking on
// its own.
std::unique_ptr<char[]> AllocateAndFreeMostOfTheHeap() {
  constexpr int kBlocks = 96 * 256;
  std::vector<std::unique_ptr<char[]>> blocks;
  // Reserved: no freed vector buffer for the last block to land in.
  blocks.reserve(kBlocks);
  for (int i = 0; i < kBlocks; ++i) {
    blocks.emplace_back(new char[4096]);
    for (int b = 0; b < 4096; b += 512) blocks.back()[b] = 1;
    // The compiler may not elide the allocation: its address escapes.
    asm volatile("" : : "r"(blocks.back().get()) : "memory");
  }
  // Large enough that no chunk freed earlier in the process holds it:
  // from the heap's top (and below malloc's 128 KiB mmap threshold).
  std::unique_ptr<char[]> last(new char[96 << 10]);
  asm volatile("" : : "r"(last.get()) : "memory");
  return last;
}

TEST(FreeMemoryTest, ReleaseNowHandsFreedHeapMemoryBack) {
  if (kOwnAllocator) GTEST_SKIP() << "the sanitizer's allocator, not glibc's";
  std::unique_ptr<char[]> keep = AllocateAndFreeMostOfTheHeap();
  const size_t before = ResidentBytes();
  FreeMemoryReleaser::ReleaseNow();
  const size_t after = ResidentBytes();
  std::printf("RSS %.1f MiB before the trim, %.1f MiB after\n",
              before / 1048576.0, after / 1048576.0);
  EXPECT_GT(before, after + (size_t{48} << 20));
}

TEST(FreeMemoryTest, TheReleaserTrimsOnItsOwn) {
  if (kOwnAllocator) GTEST_SKIP() << "the sanitizer's allocator, not glibc's";
  std::unique_ptr<char[]> keep = AllocateAndFreeMostOfTheHeap();
  const size_t before = ResidentBytes();
  // Started only now: a releaser running during the allocation trimmed
  // before `before` was read on a loaded CI machine, and the test then saw
  // nothing to compare against.
  FreeMemoryReleaser releaser(absl::Milliseconds(50));
  size_t after = before;
  for (absl::Time deadline = absl::Now() + absl::Seconds(10);
       after + (size_t{48} << 20) > before && absl::Now() < deadline;) {
    absl::SleepFor(absl::Milliseconds(20));
    after = ResidentBytes();
  }
  EXPECT_GT(before, after + (size_t{48} << 20));
}

TEST(FreeMemoryTest, TheReleaserStopsPromptly) {
  const absl::Time start = absl::Now();
  { FreeMemoryReleaser releaser(absl::Hours(1)); }
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

}  // namespace
}  // namespace accord
