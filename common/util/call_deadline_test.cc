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
  EXPECT_TRUE(absl::IsCancelled(deadline.Check("ingest")));
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
