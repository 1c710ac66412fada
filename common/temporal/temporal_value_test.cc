// Tests of the conversion between PartialDate and accord::v1::TemporalValue.
#include "common/temporal/temporal_value.h"

#include <gtest/gtest.h>

namespace accord::temporal {
namespace {

TEST(TemporalValueTest, RoundTrips) {
  for (const PartialDate& d :
       {PartialDate::Day(2019, 11, 27), PartialDate::Day(kUnknownYear, 11, 10),
        PartialDate::Month(2024, 12), PartialDate::Year(2018),
        PartialDate::Week(2019, 48)}) {
    const accord::v1::TemporalValue v = ToProto(d);
    EXPECT_EQ(v.iso8601(), FormatIso8601(d));
    const absl::StatusOr<PartialDate> back = FromProto(v);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, d);
  }
}

TEST(TemporalValueTest, Fields) {
  const accord::v1::TemporalValue v = ToProto(PartialDate::Month(2024, 12));
  EXPECT_EQ(v.iso8601(), "2024-12");
  EXPECT_EQ(v.grain(), accord::v1::GRAIN_MONTH);
  EXPECT_EQ(v.year(), 2024);
  EXPECT_EQ(v.month(), 12);
  EXPECT_EQ(v.day(), 0);
  const accord::v1::TemporalValue u =
      ToProto(PartialDate::Day(kUnknownYear, 11, 10));
  EXPECT_EQ(u.iso8601(), "XXXX-11-10");
  EXPECT_EQ(u.year(), 0);
  EXPECT_EQ(u.grain(), accord::v1::GRAIN_DAY);
}

TEST(TemporalValueTest, RejectsInconsistentValues) {
  accord::v1::TemporalValue v = ToProto(PartialDate::Day(2019, 11, 27));
  v.set_iso8601("2019-11-28");
  EXPECT_FALSE(FromProto(v).ok());
  v = ToProto(PartialDate::Day(2019, 11, 27));
  v.set_grain(accord::v1::GRAIN_UNSPECIFIED);
  EXPECT_FALSE(FromProto(v).ok());
  v = ToProto(PartialDate::Day(2019, 11, 27));
  v.set_day(31);
  v.set_iso8601("2019-11-31");
  EXPECT_FALSE(FromProto(v).ok());
}

}  // namespace
}  // namespace accord::temporal
