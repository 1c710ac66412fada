// Tests of publication stamps in EN, FR, DE, ES, RU and VI formats, and
// of lines that must not be taken for stamps.
#include "ingest-service/extract/dates/publication_stamp.h"

#include <gtest/gtest.h>

#include <string>

namespace accord::extract::dates {
namespace {

struct Case {
  std::string line;
  std::string iso8601;
  bool has_offset;
  int offset_minutes;
  accord::v1::TimePrecision precision;
  int64_t unix_seconds;
};

class PublicationStampTest : public ::testing::TestWithParam<Case> {};

TEST_P(PublicationStampTest, Parses) {
  const Case& c = GetParam();
  const auto stamp = ParsePublicationStamp(c.line);
  ASSERT_TRUE(stamp.has_value()) << c.line;
  EXPECT_EQ(stamp->iso8601(), c.iso8601);
  EXPECT_EQ(stamp->has_utc_offset(), c.has_offset);
  EXPECT_EQ(stamp->utc_offset_minutes(), c.offset_minutes);
  EXPECT_EQ(stamp->precision(), c.precision);
  EXPECT_EQ(stamp->time().seconds(), c.unix_seconds);
  EXPECT_EQ(stamp->origin(), accord::v1::PUBLICATION_ORIGIN_TEXT_STAMP);
  EXPECT_EQ(stamp->text(), c.line);
}

// 2019-11-28 11:12 UTC is 1574939520; at UTC+7 it is 04:12 UTC.
constexpr int64_t k1112Utc = 1574939520;
constexpr int64_t k1112Plus7 = k1112Utc - 7 * 3600;
constexpr auto kMinute = accord::v1::TIME_PRECISION_MINUTE;

INSTANTIATE_TEST_SUITE_P(
    Languages, PublicationStampTest,
    ::testing::Values(
        Case{"November 28, 2019 | 11:12 am GMT+7", "2019-11-28T11:12+07:00",
             true, 420, kMinute, k1112Plus7},
        Case{"28/11/2019 11:12 GMT+7", "2019-11-28T11:12+07:00", true, 420,
             kMinute, k1112Plus7},
        Case{"2019-11-28 11:12", "2019-11-28T11:12", false, 0, kMinute,
             k1112Utc},
        Case{"28. November 2019, 11:12 Uhr", "2019-11-28T11:12", false, 0,
             kMinute, k1112Utc},
        Case{"jeudi 28 novembre 2019 à 11h12", "2019-11-28T11:12", false, 0,
             kMinute, k1112Utc},
        Case{"Thứ Năm, 28/11/2019 11:12 (GMT+07:00)", "2019-11-28T11:12+07:00",
             true, 420, kMinute, k1112Plus7},
        Case{"28 ноября 2019, 11:12", "2019-11-28T11:12", false, 0, kMinute,
             k1112Utc},
        Case{"jueves, 28 de noviembre de 2019, 11:12 CET",
             "2019-11-28T11:12+01:00", true, 60, kMinute, k1112Utc - 3600},
        Case{"Nov. 28, 2019 3:05:09 p.m. UTC", "2019-11-28T15:05:09Z", true, 0,
             accord::v1::TIME_PRECISION_SECOND,
             k1112Utc + 3 * 3600 + 53 * 60 + 9},
        Case{"Published 11/28/2019 11:12 -05:00", "2019-11-28T11:12-05:00",
             true, -300, kMinute, k1112Utc + 5 * 3600},
        Case{"28/11/2019", "2019-11-28", false, 0,
             accord::v1::TIME_PRECISION_DAY, k1112Utc - 11 * 3600 - 12 * 60}));

TEST(PublicationStampNegativeTest, SentencesAndBadDatesAreNotStamps) {
  EXPECT_FALSE(ParsePublicationStamp(
                   "The meeting took place on November 28, 2019 in Hanoi.")
                   .has_value());
  EXPECT_FALSE(ParsePublicationStamp("11:12").has_value());
  EXPECT_FALSE(ParsePublicationStamp("November 28").has_value());
  EXPECT_FALSE(ParsePublicationStamp("31/02/2019 10:00").has_value());
  EXPECT_FALSE(ParsePublicationStamp("28/11/2019 25:00").has_value());
  EXPECT_FALSE(ParsePublicationStamp("2019").has_value());
  EXPECT_FALSE(ParsePublicationStamp("").has_value());
  EXPECT_FALSE(ParsePublicationStamp("Kommentar (0)").has_value());
  EXPECT_FALSE(ParsePublicationStamp("Am 28. November 2019 trafen sich die "
                                     "Minister")
                   .has_value());
}

// Found by fuzz_normalizer: a year 0000, or a date at either end of
// 0001..9999 shifted past it by its zone, gave a time that is not a valid
// google.protobuf.Timestamp (JSON output of the record then fails).
TEST(PublicationStampNegativeTest, OnlyTimesATimestampCanHold) {
  EXPECT_FALSE(ParsePublicationStamp("0000-01-01 00:00").has_value());
  EXPECT_FALSE(ParsePublicationStamp("9999-12-31 23:59 GMT-12").has_value());
  EXPECT_FALSE(ParsePublicationStamp("01/01/0001 00:30 GMT+5").has_value());
  const auto last = ParsePublicationStamp("9999-12-31 23:59:59 UTC");
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->time().seconds(), 253402300799);
  const auto first = ParsePublicationStamp("0001-01-01");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->time().seconds(), -62135596800);
}

// Found by fuzz_normalizer: a date with a zone but no time read the day in
// that zone while the record said no offset was known, so time and
// iso8601 named different instants.
TEST(PublicationStampNegativeTest, ADateWithoutTimeIgnoresItsZone) {
  const auto stamp = ParsePublicationStamp("November 28, 2019 GMT+7");
  ASSERT_TRUE(stamp.has_value());
  EXPECT_EQ(stamp->iso8601(), "2019-11-28");
  EXPECT_FALSE(stamp->has_utc_offset());
  EXPECT_EQ(stamp->time().seconds(), 1574899200);  // 2019-11-28T00:00Z
}

}  // namespace
}  // namespace accord::extract::dates
