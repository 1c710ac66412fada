#include "common/util/call_deadline.h"

#include <atomic>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace accord {
namespace {

TEST(CallDeadlineTest, NoDeadlineNeverStops) {
  EXPECT_TRUE(CallDeadline().Check("search").ok());
}

TEST(CallDeadlineTest, APassedDeadlineStopsTheWorkAndSaysWhich) {
  CallDeadline passed(absl::Now() - absl::Milliseconds(1));
  absl::Status stop = passed.Check("search");
  EXPECT_TRUE(absl::IsDeadlineExceeded(stop)) << stop;
  EXPECT_EQ(stop.message(), "search stopped: the call's deadline passed");
  EXPECT_TRUE(CallDeadline(absl::Now() + absl::Hours(1)).Check("x").ok());
}

TEST(CallDeadlineTest, ACancelledCallStops) {
  std::atomic<bool> cancelled{false};
  CallDeadline deadline(absl::InfiniteFuture(),
                        [&cancelled] { return cancelled.load(); });
  EXPECT_TRUE(deadline.Check("ingest").ok());
  cancelled = true;
  // Seen once the caller is asked again, within kCancelCheckInterval.
  absl::SleepFor(CallDeadline::kCancelCheckInterval + absl::Milliseconds(1));
  EXPECT_TRUE(absl::IsCancelled(deadline.Check("ingest")));
}

// Asking gRPC whether a call was cancelled polls its completion queue: a
// search checks between clauses, so the question is rate-limited.
TEST(CallDeadlineTest, TheCallerIsAskedAtMostOncePerInterval) {
  std::atomic<int> asked{0};
  CallDeadline deadline(absl::InfiniteFuture(), [&asked] {
    ++asked;
    return false;
  });  // the default interval
  const absl::Time start = absl::Now();
  for (int i = 0; i < 100000; ++i) ASSERT_TRUE(deadline.Check("search").ok());
  const absl::Duration elapsed = absl::Now() - start;
  EXPECT_GE(asked.load(), 1);
  EXPECT_LE(asked.load(), elapsed / CallDeadline::kCancelCheckInterval + 1)
      << elapsed;
  // A copy asks on its own schedule, from where the original was.
  CallDeadline copy = deadline;
  EXPECT_TRUE(copy.Check("search").ok());
}

// The caller's deadline fires a little before ours and reaches us as a
// cancelled stream: that is still a deadline, and the log should say so.
TEST(CallDeadlineTest, ACancellationJustBeforeTheDeadlineIsTheDeadline) {
  CallDeadline near(absl::Now() + absl::Milliseconds(100), [] { return true; });
  absl::Status stop = near.Check("ingest");
  EXPECT_TRUE(absl::IsDeadlineExceeded(stop)) << stop;

  CallDeadline far(absl::Now() + absl::Minutes(5), [] { return true; });
  EXPECT_TRUE(absl::IsCancelled(far.Check("ingest")));
}

}  // namespace
}  // namespace accord
