// The entity keys of schema.h: ids, key forms, and parsing them back.
#include "common/store/schema.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::store {
namespace {

TEST(EntityIdTest, IsKindSlashKeyInPrintableAscii) {
  for (const char* valid : {"country/VN", "org/un", "person/h0123456789abcdef",
                            "treaty/un-cc", "place/new-york", "org/un/unga"}) {
    EXPECT_TRUE(IsValidEntityId(valid)) << valid;
  }
  for (const std::string& invalid :
       {std::string(""), std::string("VN"), std::string("country/"),
        std::string("/VN"), std::string("Country/VN"),
        std::string("count3y/VN"), std::string("country/V N"),
        std::string("country/V\tN"), std::string("country/V\0N", 11),
        std::string("country/Việt"), "person/" + std::string(194, 'x')}) {
    EXPECT_FALSE(IsValidEntityId(invalid)) << invalid;
  }
  EXPECT_TRUE(IsValidEntityId("person/" + std::string(193, 'x')));
}

TEST(EntityKeyTest, RoleKeysParseBackInBothForms) {
  EntityRoleKeyParts parts;
  const std::string stated =
      EntityRoleKey("person/x", "role/president", "country/VN", 258);
  ASSERT_TRUE(ParseEntityRoleKey(stated, "person/x", &parts));
  EXPECT_EQ(parts.role_id, "role/president");
  EXPECT_EQ(parts.of_entity_id, "country/VN");
  EXPECT_FALSE(parts.office);
  EXPECT_EQ(parts.sequence, 258u);

  const std::string office =
      EntityOfficeKey("person/x", "role/president", "", "2016-04-02", "");
  ASSERT_TRUE(ParseEntityRoleKey(office, "person/x", &parts));
  EXPECT_TRUE(parts.office);
  EXPECT_EQ(parts.of_entity_id, "");
  EXPECT_EQ(parts.start, "2016-04-02");
  EXPECT_EQ(parts.end, "");
  // Offices sort after every document that states the same role.
  EXPECT_LT(EntityRoleKey("person/x", "role/p", "c/x", kMaxDocuments - 1),
            EntityOfficeKey("person/x", "role/p", "c/x", "", ""));
  // A seven-character start cannot pass for a sequence.
  ASSERT_TRUE(ParseEntityRoleKey(
      EntityOfficeKey("person/x", "role/p", "c/x", "2016-04", ""), "person/x",
      &parts));
  EXPECT_TRUE(parts.office);

  EXPECT_FALSE(ParseEntityRoleKey(stated, "person/y", &parts));
  EXPECT_FALSE(ParseEntityRoleKey(stated, "person", &parts));
  EXPECT_FALSE(ParseEntityRoleKey(stated.substr(0, stated.size() - 1),
                                  "person/x", &parts));
  EXPECT_FALSE(ParseEntityRoleKey(EntityKeyPrefix("person/x") + "role/p",
                                  "person/x", &parts));
}

TEST(EntityKeyTest, DocumentKeysSortInIngestOrderWithinTheirEntity) {
  uint64_t sequence = 0;
  const std::string key = EntityDocumentKey("country/VN", 70000);
  ASSERT_TRUE(ParseEntityDocumentKey(key, "country/VN", &sequence));
  EXPECT_EQ(sequence, 70000u);
  EXPECT_FALSE(ParseEntityDocumentKey(key, "country/V", &sequence));
  EXPECT_LT(EntityDocumentKey("country/VN", 255),
            EntityDocumentKey("country/VN", 256));
  // One entity's prefix never starts another entity's keys.
  EXPECT_NE(EntityDocumentKey("country/VNM", 0)
                .rfind(EntityKeyPrefix("country/VN"), 0),
            0u);
  EXPECT_EQ(EntityAliasKey("putin", "person/x"),
            EntityAliasPrefix("putin") + "person/x");
}

}  // namespace
}  // namespace accord::store

namespace accord::store {
namespace {

accord::v1::TemporalExpression DayRange(int month, int day, int end_month,
                                        int end_day) {
  accord::v1::TemporalExpression date;
  date.mutable_value()->set_grain(accord::v1::GRAIN_DAY);
  date.mutable_value()->set_month(month);
  date.mutable_value()->set_day(day);
  if (end_month > 0) {
    date.mutable_end()->set_grain(accord::v1::GRAIN_DAY);
    date.mutable_end()->set_month(end_month);
    date.mutable_end()->set_day(end_day);
  }
  return date;
}

TEST(EventMonthDaysTest, EveryDayOfADayRangeUpToTheCap) {
  EXPECT_THAT(EventMonthDays(DayRange(11, 10, 0, 0)),
              ::testing::ElementsAre("11-10"));
  EXPECT_THAT(EventMonthDays(DayRange(5, 24, 5, 25)),
              ::testing::ElementsAre("05-24", "05-25"));
  // Across a month's end, February 29 included, and across the new year.
  EXPECT_THAT(EventMonthDays(DayRange(2, 28, 3, 1)),
              ::testing::ElementsAre("02-28", "02-29", "03-01"));
  EXPECT_THAT(EventMonthDays(DayRange(12, 31, 1, 1)),
              ::testing::ElementsAre("12-31", "01-01"));
  EXPECT_EQ(EventMonthDays(DayRange(1, 1, 3, 1)).size(),
            static_cast<size_t>(kMaxEventMonthDays));
  // Coarser than a day: none.
  accord::v1::TemporalExpression month;
  month.mutable_value()->set_grain(accord::v1::GRAIN_MONTH);
  month.mutable_value()->set_month(11);
  EXPECT_TRUE(EventMonthDays(month).empty());
}

}  // namespace
}  // namespace accord::store
