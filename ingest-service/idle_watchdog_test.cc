#include "ingest-service/idle_watchdog.h"

#include <atomic>

#include "absl/time/clock.h"
#include "common/testing/time_scale.h"
#include "gtest/gtest.h"

namespace accord::ingest {
namespace {

using ::accord::testing::Scaled;

// Waits up to `bound` for `done`; true once it holds.
template <typename Done>
bool WaitFor(Done done, absl::Duration bound) {
  const absl::Time give_up = absl::Now() + bound;
  while (!done()) {
    if (absl::Now() > give_up) return false;
    absl::SleepFor(absl::Milliseconds(5));
  }
  return true;
}

TEST(IdleWatchdogTest, EndsAWatchThatWaitsPastTheLimitOnce) {
  const absl::Duration limit = absl::Milliseconds(200);
  IdleWatchdog watchdog(limit);
  std::atomic<int> ended{0};
  std::atomic<int64_t> ended_at_ns{0};
  const absl::Time started = absl::Now();
  std::unique_ptr<IdleWatchdog::Watch> watch = watchdog.Start([&] {
    ended_at_ns = absl::ToUnixNanos(absl::Now());
    ++ended;
  });
  ASSERT_TRUE(
      WaitFor([&] { return ended.load() > 0; }, Scaled(absl::Seconds(5))));
  EXPECT_GE(absl::FromUnixNanos(ended_at_ns.load()) - started, limit);
  EXPECT_TRUE(watch->ended());
  EXPECT_FALSE(watch->Working());
  // Ended for good: waiting again neither revives it nor ends it twice.
  watch->Waiting();
  absl::SleepFor(2 * limit);
  EXPECT_EQ(ended.load(), 1);
  EXPECT_TRUE(watch->ended());
}

TEST(IdleWatchdogTest, AWorkingWatchIsNeverEnded) {
  const absl::Duration limit = absl::Milliseconds(100);
  IdleWatchdog watchdog(limit);
  std::atomic<int> ended{0};
  std::unique_ptr<IdleWatchdog::Watch> watch = watchdog.Start([&] { ++ended; });
  ASSERT_TRUE(watch->Working());
  absl::SleepFor(5 * limit);
  EXPECT_EQ(ended.load(), 0);
  EXPECT_TRUE(watch->Working());
  // Waiting again starts the count from then.
  watch->Waiting();
  ASSERT_TRUE(
      WaitFor([&] { return ended.load() > 0; }, Scaled(absl::Seconds(5))));
}

TEST(IdleWatchdogTest, WaitingAgainStartsTheCountAfresh) {
  const absl::Duration limit = Scaled(absl::Milliseconds(400));
  IdleWatchdog watchdog(limit);
  std::atomic<int> ended{0};
  std::unique_ptr<IdleWatchdog::Watch> watch = watchdog.Start([&] { ++ended; });
  // Messages every 50 ms for three limits' time: never idle that long.
  const absl::Time until = absl::Now() + 3 * limit;
  while (absl::Now() < until) {
    ASSERT_TRUE(watch->Working());
    watch->Waiting();
    absl::SleepFor(absl::Milliseconds(50));
  }
  EXPECT_EQ(ended.load(), 0);
  // Then silence.
  ASSERT_TRUE(
      WaitFor([&] { return ended.load() > 0; }, Scaled(absl::Seconds(5))));
}

TEST(IdleWatchdogTest, EachWatchIsTimedOnItsOwn) {
  const absl::Duration limit = Scaled(absl::Milliseconds(300));
  IdleWatchdog watchdog(limit);
  std::atomic<int> quiet_ended{0};
  std::atomic<int> busy_ended{0};
  std::unique_ptr<IdleWatchdog::Watch> quiet =
      watchdog.Start([&] { ++quiet_ended; });
  std::unique_ptr<IdleWatchdog::Watch> busy =
      watchdog.Start([&] { ++busy_ended; });
  const absl::Time until = absl::Now() + 3 * limit;
  while (absl::Now() < until) {
    busy->Waiting();
    absl::SleepFor(absl::Milliseconds(50));
  }
  EXPECT_EQ(quiet_ended.load(), 1);
  EXPECT_EQ(busy_ended.load(), 0);
}

TEST(IdleWatchdogTest, ADestroyedWatchIsNotEnded) {
  const absl::Duration limit = absl::Milliseconds(100);
  IdleWatchdog watchdog(limit);
  std::atomic<int> ended{0};
  watchdog.Start([&] { ++ended; }).reset();
  absl::SleepFor(4 * limit);
  EXPECT_EQ(ended.load(), 0);
}

TEST(IdleWatchdogTest, NoLimitEndsNothing) {
  IdleWatchdog watchdog(absl::ZeroDuration());
  std::atomic<int> ended{0};
  std::unique_ptr<IdleWatchdog::Watch> watch = watchdog.Start([&] { ++ended; });
  absl::SleepFor(absl::Milliseconds(300));
  EXPECT_EQ(ended.load(), 0);
  EXPECT_TRUE(watch->Working());
  EXPECT_FALSE(watch->ended());
}

}  // namespace
}  // namespace accord::ingest
