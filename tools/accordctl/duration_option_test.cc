#include "tools/accordctl/duration_option.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace accord::ctl {
namespace {

TEST(ParseDurationOptionTest, BareNumbersAreSeconds) {
  EXPECT_EQ(*ParseDurationOption("5"), absl::Seconds(5));
  EXPECT_EQ(*ParseDurationOption("0.5"), absl::Milliseconds(500));
  EXPECT_EQ(*ParseDurationOption(" 30 "), absl::Seconds(30));
}

TEST(ParseDurationOptionTest, NumbersWithUnits) {
  EXPECT_EQ(*ParseDurationOption("500ms"), absl::Milliseconds(500));
  EXPECT_EQ(*ParseDurationOption("5s"), absl::Seconds(5));
  EXPECT_EQ(*ParseDurationOption("2m"), absl::Minutes(2));
  EXPECT_EQ(*ParseDurationOption("1h"), absl::Hours(1));
  EXPECT_EQ(*ParseDurationOption("1m30s"), absl::Seconds(90));
}

TEST(ParseDurationOptionTest, BadValuesSayWhatIsAccepted) {
  for (const char* bad :
       {"abc", "", "5 s", "5x", "s", "inf", "nan", "-5", "-5s", "0", "0s"}) {
    absl::StatusOr<absl::Duration> parsed = ParseDurationOption(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_TRUE(absl::IsInvalidArgument(parsed.status())) << bad;
    EXPECT_TRUE(absl::StrContains(parsed.status().message(), "500ms, 5s, 2m"))
        << parsed.status();
    EXPECT_TRUE(absl::StrContains(parsed.status().message(),
                                  absl::StrCat("\"", bad, "\"")))
        << parsed.status();
  }
}

}  // namespace
}  // namespace accord::ctl
