#include "query-service/store_status.h"

#include <memory>
#include <vector>

#include "absl/time/clock.h"
#include "common/store/schema.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"

namespace accord::query {
namespace {

TEST(GetStoreStatusTest, BeforeTheStoreExistsSaysWhy) {
  testing::TempDir dir;
  store::FollowerOptions options;
  options.primary_path = dir.Sub("db");
  options.secondary_path = dir.Sub("secondary");
  options.max_catch_up_lag = absl::Seconds(90);
  store::Follower follower(options);
  follower.Start();
  absl::StatusOr<accord::v1::GetStoreStatusResponse> status =
      GetStoreStatus(follower, absl::Now());
  ASSERT_TRUE(status.ok()) << status.status();
  EXPECT_FALSE(status->store_open());
  EXPECT_NE(status->last_error().find("no Accord store"), std::string::npos)
      << status->last_error();
  EXPECT_EQ(status->max_catch_up_lag().seconds(), 90);
  EXPECT_FALSE(status->has_caught_up_time());
}

TEST(GetStoreStatusTest, GivesTheLagAndTheVisibleDocuments) {
  testing::TempDir dir;
  store::FollowerOptions options;
  options.primary_path = dir.Sub("db");
  options.secondary_path = dir.Sub("secondary");
  options.catch_up_interval = absl::Milliseconds(20);
  absl::StatusOr<std::unique_ptr<store::Store>> primary =
      store::Store::OpenPrimary(options.primary_path, store::StoreOptions());
  ASSERT_TRUE(primary.ok());
  std::vector<store::PendingDocument> docs(2);
  docs[0].document().set_id(std::string(store::kDocumentIdLength, 'a'));
  docs[1].index = 1;
  docs[1].document().set_id(std::string(store::kDocumentIdLength, 'b'));
  accord::v1::Bundle bundle;
  bundle.set_id("b");
  bundle.add_results();
  bundle.add_results();
  ASSERT_TRUE((*primary)->CommitBundle(&docs, &bundle).ok());

  store::Follower follower(options);
  follower.Start();
  absl::SleepFor(absl::Milliseconds(100));
  const absl::Time now = absl::Now() + absl::Seconds(3);
  absl::StatusOr<accord::v1::GetStoreStatusResponse> status =
      GetStoreStatus(follower, now);
  ASSERT_TRUE(status.ok()) << status.status();
  EXPECT_TRUE(status->store_open());
  EXPECT_EQ(status->document_count(), 2);
  EXPECT_EQ(status->last_error(), "");
  EXPECT_EQ(status->catch_up_interval().nanos(), 20'000'000);
  // Asked three seconds from now: the lag is the time since the last
  // catch-up started, a little over three seconds.
  EXPECT_EQ(status->catch_up_lag().seconds(), 3);
  const absl::Time caught_up =
      absl::FromUnixSeconds(status->caught_up_time().seconds()) +
      absl::Nanoseconds(status->caught_up_time().nanos());
  EXPECT_NEAR(
      absl::ToDoubleSeconds(now - caught_up),
      status->catch_up_lag().seconds() + status->catch_up_lag().nanos() / 1e9,
      1e-6);
}

}  // namespace
}  // namespace accord::query
