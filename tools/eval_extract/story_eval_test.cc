#include "tools/eval_extract/story_eval.h"

#include "gtest/gtest.h"

namespace accord::eval_extract {
namespace {

TEST(BCubedTest, PerfectClusteringScoresOne) {
  const BCubedScore score = BCubed({"a", "a", "b"}, {"x", "x", "y"});
  EXPECT_DOUBLE_EQ(score.precision, 1.0);
  EXPECT_DOUBLE_EQ(score.recall, 1.0);
  EXPECT_DOUBLE_EQ(score.f1, 1.0);
}

TEST(BCubedTest, OneClusterForAllLosesPrecision) {
  // Gold {1,2} {3} {4}; predicted all together: precision per item 2/4,
  // 2/4, 1/4, 1/4; recall 1 each.
  const BCubedScore score = BCubed({"a", "a", "b", "c"}, {"x", "x", "x", "x"});
  EXPECT_DOUBLE_EQ(score.precision, (0.5 + 0.5 + 0.25 + 0.25) / 4);
  EXPECT_DOUBLE_EQ(score.recall, 1.0);
  EXPECT_NEAR(score.f1, 2 * 0.375 / 1.375, 1e-12);
}

TEST(BCubedTest, SingletonsForAllLoseRecall) {
  // Gold {1,2,3} {4}; predicted singletons: recall 1/3, 1/3, 1/3, 1.
  const BCubedScore score = BCubed({"a", "a", "a", "b"}, {"w", "x", "y", "z"});
  EXPECT_DOUBLE_EQ(score.precision, 1.0);
  EXPECT_DOUBLE_EQ(score.recall, (1.0 / 3 * 3 + 1) / 4);
}

TEST(BCubedTest, EmptyOrMismatchedIsZero) {
  EXPECT_DOUBLE_EQ(BCubed({}, {}).f1, 0.0);
  EXPECT_DOUBLE_EQ(BCubed({"a"}, {}).f1, 0.0);
}

}  // namespace
}  // namespace accord::eval_extract
