#include "common/store/memory_budget.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::store {
namespace {

using ::testing::HasSubstr;

constexpr size_t kMiB = size_t{1} << 20;

TEST(MemoryBudgetTest, IngestKeepsASmallCacheAndBoundsItsEventCache) {
  absl::StatusOr<MemoryBudget> budget =
      MemoryBudget::Split(MemoryBudget::Server::kIngest, 1024 * kMiB);
  ASSERT_TRUE(budget.ok()) << budget.status();
  EXPECT_EQ(budget->total_bytes, 1024 * kMiB);
  EXPECT_EQ(budget->block_cache_bytes, 256 * kMiB);
  EXPECT_EQ(budget->memtable_bytes, 128 * kMiB);
  EXPECT_EQ(budget->own_cache_bytes, 32 * kMiB);
  EXPECT_EQ(budget->bundle_memory_bytes, 256 * kMiB);
  StoreOptions options;
  budget->ApplyTo(&options);
  EXPECT_EQ(options.block_cache_bytes, 256 * kMiB);
  EXPECT_EQ(options.memtable_budget_bytes, 128 * kMiB);
}

TEST(MemoryBudgetTest, QueryGivesHalfToTheBlockCache) {
  absl::StatusOr<MemoryBudget> budget =
      MemoryBudget::Split(MemoryBudget::Server::kQuery, 512 * kMiB);
  ASSERT_TRUE(budget.ok()) << budget.status();
  EXPECT_EQ(budget->block_cache_bytes, 256 * kMiB);
  EXPECT_EQ(budget->memtable_bytes, 128 * kMiB);
  EXPECT_EQ(budget->own_cache_bytes, 0);
  EXPECT_EQ(budget->bundle_memory_bytes, 0);
}

TEST(MemoryBudgetTest, ABudgetBelowTheMinimumIsRefused) {
  EXPECT_TRUE(MemoryBudget::Split(MemoryBudget::Server::kQuery,
                                  MemoryBudget::kMinimumBytes)
                  .ok());
  absl::StatusOr<MemoryBudget> budget = MemoryBudget::Split(
      MemoryBudget::Server::kIngest, MemoryBudget::kMinimumBytes - 1);
  EXPECT_EQ(budget.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(budget.status().message(), HasSubstr("below the 256 MiB"));
  EXPECT_FALSE(MemoryBudget::Split(MemoryBudget::Server::kQuery, 0).ok());
  EXPECT_FALSE(MemoryBudget::SplitMiB(MemoryBudget::Server::kQuery, -512).ok());
  absl::StatusOr<MemoryBudget> from_mib =
      MemoryBudget::SplitMiB(MemoryBudget::Server::kIngest, 512);
  ASSERT_TRUE(from_mib.ok()) << from_mib.status();
  EXPECT_EQ(from_mib->total_bytes, 512 * kMiB);
}

}  // namespace
}  // namespace accord::store
