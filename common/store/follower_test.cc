#include "common/store/follower.h"

#include <memory>
#include <vector>

#include "absl/time/clock.h"
#include "common/testing/temp_dir.h"
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
  docs[0].document.set_id(std::string(kDocumentIdLength, 'f'));
  accord::v1::Bundle bundle;
  bundle.set_id("b");
  bundle.add_results();
  ASSERT_TRUE((*primary)->CommitBundle(&docs, &bundle).ok());
  absl::Time committed = absl::Now();
  while (
      !follower.store()->HasDocument(docs[0].document.id()).value_or(false) &&
      absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  absl::Duration lag = absl::Now() - committed;
  EXPECT_TRUE(*follower.store()->HasDocument(docs[0].document.id()));
  // The documented bound is one interval plus one catch-up; allow the
  // catch-up generous time on a loaded 2-core machine.
  EXPECT_LT(lag, options.catch_up_interval + absl::Seconds(1)) << lag;
}

}  // namespace
}  // namespace accord::store
