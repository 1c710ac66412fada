#include "common/store/follower.h"

#include <memory>
#include <vector>

#include "absl/time/clock.h"
#include "common/testing/temp_dir.h"
#include "common/testing/time_scale.h"
#include "gtest/gtest.h"

namespace accord::store {
namespace {

TEST(FollowerTest, OpensOnceThePrimaryExistsAndFollowsItsWrites) {
  testing::TempDir dir;
  FollowerOptions options;
  options.primary_path = dir.Sub("db");
  options.secondary_path = dir.Sub("secondary");
  options.catch_up_interval = absl::Milliseconds(50);
  options.open_retry_interval = absl::Milliseconds(50);
  Follower follower(options);
  follower.Start();
  EXPECT_EQ(follower.store(), nullptr);
  EXPECT_FALSE(follower.Health().ok());

  absl::StatusOr<std::unique_ptr<Store>> primary =
      Store::OpenPrimary(options.primary_path, StoreOptions());
  ASSERT_TRUE(primary.ok());
  absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (follower.store() == nullptr && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  ASSERT_NE(follower.store(), nullptr);
  EXPECT_TRUE(follower.Health().ok());

  std::vector<PendingDocument> docs(1);
  docs[0].document().set_id(std::string(kDocumentIdLength, 'f'));
  accord::v1::Bundle bundle;
  bundle.set_id("b");
  bundle.add_results();
  ASSERT_TRUE((*primary)->CommitBundle(&docs, &bundle).ok());
  absl::Time committed = absl::Now();
  while (
      !follower.store()->HasDocument(docs[0].document().id()).value_or(false) &&
      absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  absl::Duration lag = absl::Now() - committed;
  EXPECT_TRUE(*follower.store()->HasDocument(docs[0].document().id()));
  // The documented bound is one interval plus one catch-up; allow the
  // catch-up generous time on a loaded 2-core machine.
  EXPECT_LT(lag, options.catch_up_interval + testing::Scaled(absl::Seconds(1)))
      << lag;
}

// A reader waiting for the next catch-up wakes when it has happened, and
// then sees a write acknowledged before that catch-up began.
TEST(FollowerTest, WaitForCatchUpWakesAfterTheNextCatchUp) {
  testing::TempDir dir;
  FollowerOptions options;
  options.primary_path = dir.Sub("db");
  options.secondary_path = dir.Sub("secondary");
  options.catch_up_interval = absl::Milliseconds(20);
  absl::StatusOr<std::unique_ptr<Store>> primary =
      Store::OpenPrimary(options.primary_path, StoreOptions());
  ASSERT_TRUE(primary.ok());
  Follower follower(options);
  follower.Start();
  ASSERT_NE(follower.store(), nullptr);
  const uint64_t opened = follower.catch_ups();
  EXPECT_GE(opened, 1u);

  std::vector<PendingDocument> docs(1);
  docs[0].document().set_id(std::string(kDocumentIdLength, 'a'));
  accord::v1::Bundle bundle;
  bundle.set_id("b");
  bundle.add_results();
  ASSERT_TRUE((*primary)->CommitBundle(&docs, &bundle).ok());
  // Counted after the commit (catch-ups went on during its sync): the
  // catch-up in progress may have begun before the commit, so wait for
  // the one after it.
  const uint64_t committed = follower.catch_ups();
  const uint64_t first = follower.WaitForCatchUp(committed, absl::Seconds(10));
  ASSERT_GT(first, committed);
  const uint64_t second = follower.WaitForCatchUp(first, absl::Seconds(10));
  ASSERT_GT(second, first);
  EXPECT_EQ(*follower.store()->DocumentCount(), 1u);

  // With nothing to wake it, it returns at the timeout.
  Follower stopped_early(options);
  const absl::Time start = absl::Now();
  EXPECT_EQ(stopped_early.WaitForCatchUp(0, absl::Milliseconds(50)), 0u);
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(45));
}

// Health must not flap while catch-ups lag (a catch-up of seconds under
// heavy ingest, a primary briefly unreadable): only a lag past the generous
// bound makes the follower unhealthy. The old rule, ten catch-up intervals
// (one second by default), restarted healthy pods under load.
TEST(HealthOfTest, LagUpToTheBoundIsHealthyAndBeyondItIsNot) {
  const absl::Time now = absl::FromUnixSeconds(1'800'000'000);
  const absl::Duration bound = absl::Seconds(60);
  FollowerStatus status;
  status.store_open = true;
  status.caught_up_time = now - absl::Seconds(5);
  EXPECT_TRUE(HealthOf(status, now, bound).ok());

  status.last_error = absl::UnavailableError("catch up: IO error");
  status.caught_up_time = now - absl::Seconds(59);
  EXPECT_TRUE(HealthOf(status, now, bound).ok());

  status.caught_up_time = now - absl::Seconds(61);
  absl::Status health = HealthOf(status, now, bound);
  EXPECT_TRUE(absl::IsUnavailable(health)) << health;
  EXPECT_NE(health.message().find("1m1s ago, more than the 1m allowed"),
            absl::string_view::npos)
      << health;
  EXPECT_NE(health.message().find("IO error"), absl::string_view::npos)
      << health;

  status.last_error = absl::OkStatus();
  EXPECT_NE(HealthOf(status, now, bound)
                .message()
                .find("a catch-up is still running"),
            absl::string_view::npos);
}

TEST(HealthOfTest, NoStoreIsUnavailableWithTheReason) {
  FollowerStatus status;
  EXPECT_TRUE(
      absl::IsUnavailable(HealthOf(status, absl::Now(), absl::Seconds(60))));
  status.last_error = absl::NotFoundError("no Accord store in /x yet");
  EXPECT_EQ(HealthOf(status, absl::Now(), absl::Seconds(60)),
            status.last_error);
}

TEST(FollowerTest, StatusGivesTheCatchUpTimeAsAFigure) {
  testing::TempDir dir;
  FollowerOptions options;
  options.primary_path = dir.Sub("db");
  options.secondary_path = dir.Sub("secondary");
  options.catch_up_interval = absl::Milliseconds(10);
  Follower not_open(options);
  EXPECT_FALSE(not_open.Status().store_open);
  EXPECT_EQ(not_open.Status().caught_up_time, absl::InfinitePast());

  absl::StatusOr<std::unique_ptr<Store>> primary =
      Store::OpenPrimary(options.primary_path, StoreOptions());
  ASSERT_TRUE(primary.ok());
  Follower follower(options);
  const absl::Time before = absl::Now();
  follower.Start();
  ASSERT_TRUE(follower.Health().ok()) << follower.Health();
  // Caught up again since the open: the time moves with the catch-ups
  // (polled: a starved follower thread may take longer than a few
  // intervals).
  FollowerStatus status = follower.Status();
  for (const absl::Time deadline = absl::Now() + absl::Seconds(10);
       status.caught_up_time <= before + absl::Milliseconds(20) &&
       absl::Now() < deadline;
       status = follower.Status()) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  EXPECT_TRUE(status.store_open);
  EXPECT_TRUE(status.last_error.ok()) << status.last_error;
  EXPECT_GT(status.caught_up_time, before + absl::Milliseconds(20));
  EXPECT_LE(status.caught_up_time, absl::Now());
}

}  // namespace
}  // namespace accord::store
