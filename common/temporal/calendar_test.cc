// Tests of partial dates, ISO 8601 at each grain, ISO weeks, ranges and
// candidate years, checked against absl::CivilDay.
#include "common/temporal/calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace accord::temporal {
namespace {

using ::testing::ElementsAre;

TEST(CalendarTest, FormatsEveryGrain) {
  EXPECT_EQ(FormatIso8601(PartialDate::Day(2019, 11, 27)), "2019-11-27");
  EXPECT_EQ(FormatIso8601(PartialDate::Day(kUnknownYear, 11, 10)),
            "XXXX-11-10");
  EXPECT_EQ(FormatIso8601(PartialDate::Month(2024, 12)), "2024-12");
  EXPECT_EQ(FormatIso8601(PartialDate::Month(kUnknownYear, 5)), "XXXX-05");
  EXPECT_EQ(FormatIso8601(PartialDate::Year(2018)), "2018");
  EXPECT_EQ(FormatIso8601(PartialDate::Week(2019, 48)), "2019-W48");
  EXPECT_EQ(FormatIso8601(PartialDate::Day(987, 1, 2)), "0987-01-02");
}

TEST(CalendarTest, ParsesWhatItFormats) {
  for (const PartialDate& d :
       {PartialDate::Day(2019, 11, 27), PartialDate::Day(kUnknownYear, 2, 29),
        PartialDate::Month(2024, 12), PartialDate::Year(2018),
        PartialDate::Week(2020, 53), PartialDate::Month(kUnknownYear, 7)}) {
    const auto parsed = ParseIso8601(FormatIso8601(d));
    ASSERT_TRUE(parsed.has_value()) << FormatIso8601(d);
    EXPECT_EQ(*parsed, d);
  }
  for (const char* bad : {"", "2019-13", "2019-02-29", "XXXX-W10", "2019-W54",
                          "19-11-27", "2019-11-27T10:00", "0000", "2019-1-2"}) {
    EXPECT_FALSE(ParseIso8601(bad).has_value()) << bad;
  }
}

TEST(CalendarTest, Validity) {
  EXPECT_TRUE(IsValid(PartialDate::Day(2020, 2, 29)));
  EXPECT_FALSE(IsValid(PartialDate::Day(2019, 2, 29)));
  EXPECT_TRUE(IsValid(PartialDate::Day(kUnknownYear, 2, 29)));
  EXPECT_FALSE(IsValid(PartialDate::Day(2019, 4, 31)));
  EXPECT_FALSE(IsValid(PartialDate::Month(2019, 0)));
  EXPECT_FALSE(IsValid(PartialDate::Week(kUnknownYear, 3)));
  EXPECT_FALSE(IsValid(PartialDate::Week(2019, 53)));  // 2019 has 52 weeks.
  EXPECT_TRUE(IsValid(PartialDate::Week(2020, 53)));
}

TEST(CalendarTest, IsoWeeksAroundNewYear) {
  // 2019-12-30 is a Monday in week 1 of 2020; 2021-01-03 is a Sunday in
  // week 53 of 2020.
  EXPECT_EQ(IsoWeekOf(absl::CivilDay(2019, 12, 30)).year, 2020);
  EXPECT_EQ(IsoWeekOf(absl::CivilDay(2019, 12, 30)).week, 1);
  EXPECT_EQ(IsoWeekOf(absl::CivilDay(2021, 1, 3)).year, 2020);
  EXPECT_EQ(IsoWeekOf(absl::CivilDay(2021, 1, 3)).week, 53);
  EXPECT_EQ(IsoWeekOf(absl::CivilDay(2019, 11, 27)).week, 48);
  EXPECT_EQ(MondayOfIsoWeek(2020, 1), absl::CivilDay(2019, 12, 30));
  EXPECT_EQ(IsoWeeksInYear(2015), 53);
  EXPECT_EQ(IsoWeeksInYear(2019), 52);
  // Every day of 2000..2040 lies in the week whose Monday..Sunday holds it.
  for (absl::CivilDay d(2000, 1, 1); d < absl::CivilDay(2041, 1, 1); ++d) {
    const IsoWeek w = IsoWeekOf(d);
    const absl::CivilDay monday = MondayOfIsoWeek(w.year, w.week);
    ASSERT_LE(monday, d);
    ASSERT_GT(monday + 7, d);
    ASSERT_EQ(IsoWeekday(monday), kMonday);
  }
}

TEST(CalendarTest, FirstAndLastDays) {
  EXPECT_EQ(FirstDay(PartialDate::Month(2024, 2)), absl::CivilDay(2024, 2, 1));
  EXPECT_EQ(LastDay(PartialDate::Month(2024, 2)), absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(LastDay(PartialDate::Year(2018)), absl::CivilDay(2018, 12, 31));
  EXPECT_EQ(LastDay(PartialDate::Week(2019, 48)), absl::CivilDay(2019, 12, 1));
  EXPECT_EQ(
      PartialDate::FromCivilDay(absl::CivilDay(2019, 12, 30), Grain::kWeek),
      PartialDate::Week(2020, 1));
  EXPECT_EQ(
      PartialDate::FromCivilDay(absl::CivilDay(2019, 12, 30), Grain::kMonth),
      PartialDate::Month(2019, 12));
}

TEST(CalendarTest, RangesAreInclusive) {
  EXPECT_TRUE(IsValid(
      DateRange{PartialDate::Day(2019, 5, 24), PartialDate::Day(2019, 5, 24)}));
  EXPECT_TRUE(IsValid(
      DateRange{PartialDate::Day(2019, 5, 24), PartialDate::Day(2019, 5, 25)}));
  EXPECT_FALSE(IsValid(
      DateRange{PartialDate::Day(2019, 5, 26), PartialDate::Day(2019, 5, 25)}));
  // A month range ends on the last day of its end month.
  EXPECT_TRUE(IsValid(
      DateRange{PartialDate::Day(2024, 12, 31), PartialDate::Month(2024, 12)}));
  EXPECT_TRUE(IsValid(DateRange{PartialDate::Day(kUnknownYear, 5, 24),
                                PartialDate::Day(kUnknownYear, 5, 25)}));
}

TEST(CalendarTest, Weekdays) {
  EXPECT_EQ(IsoWeekday(absl::CivilDay(2017, 11, 10)), kFriday);
  EXPECT_EQ(IsoWeekday(absl::CivilDay(2019, 11, 24)), kSunday);
  EXPECT_EQ(IsoWeekday(absl::CivilDay(2019, 11, 25)), kMonday);
}

TEST(CalendarTest, CandidateYears) {
  // "vendredi 10 novembre".
  EXPECT_THAT(CandidateYears(11, 10, kFriday, 1990, 2035),
              ElementsAre(1995, 2000, 2006, 2017, 2023, 2028, 2034));
  // February 29 only in leap years: a Thursday in 1996, 2024.
  EXPECT_THAT(CandidateYears(2, 29, 4, 1990, 2035), ElementsAre(1996, 2024));
  EXPECT_TRUE(CandidateYears(4, 31, 1, 1990, 2035).empty());
  EXPECT_TRUE(CandidateYears(11, 10, 8, 1990, 2035).empty());
  EXPECT_TRUE(CandidateYears(11, 10, kFriday, 2035, 1990).empty());
  // Every candidate checked against CivilDay, every weekday.
  for (int weekday = 1; weekday <= 7; ++weekday) {
    for (int year : CandidateYears(3, 5, weekday, 1990, 2035)) {
      EXPECT_EQ(IsoWeekday(absl::CivilDay(year, 3, 5)), weekday);
    }
  }
}

}  // namespace
}  // namespace accord::temporal
