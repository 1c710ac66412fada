// Tests of publication stamps in EN, FR, DE, ES, RU and VI formats, and
// of lines that must not be taken for stamps; every month name ICU gives
// these languages is read.
#include "ingest-service/extract/dates/publication_stamp.h"

#include <gtest/gtest.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "common/temporal/calendar_names.h"
#include "common/temporal/text_fold.h"

namespace accord::extract::dates {
namespace {

struct StampCase {
  std::string line;
  std::string iso8601;
  bool has_offset;
  int offset_minutes;
  accord::v1::TimePrecision precision;
  int64_t unix_seconds;
};

class PublicationStampTest : public ::testing::TestWithParam<StampCase> {};

TEST_P(PublicationStampTest, Parses) {
  const StampCase& c = GetParam();
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
        StampCase{"November 28, 2019 | 11:12 am GMT+7",
                  "2019-11-28T11:12+07:00", true, 420, kMinute, k1112Plus7},
        StampCase{"28/11/2019 11:12 GMT+7", "2019-11-28T11:12+07:00", true, 420,
                  kMinute, k1112Plus7},
        StampCase{"2019-11-28 11:12", "2019-11-28T11:12", false, 0, kMinute,
                  k1112Utc},
        StampCase{"28. November 2019, 11:12 Uhr", "2019-11-28T11:12", false, 0,
                  kMinute, k1112Utc},
        StampCase{"jeudi 28 novembre 2019 à 11h12", "2019-11-28T11:12", false,
                  0, kMinute, k1112Utc},
        StampCase{"Thứ Năm, 28/11/2019 11:12 (GMT+07:00)",
                  "2019-11-28T11:12+07:00", true, 420, kMinute, k1112Plus7},
        StampCase{"28 ноября 2019, 11:12", "2019-11-28T11:12", false, 0,
                  kMinute, k1112Utc},
        StampCase{"jueves, 28 de noviembre de 2019, 11:12 CET",
                  "2019-11-28T11:12+01:00", true, 60, kMinute, k1112Utc - 3600},
        StampCase{"Nov. 28, 2019 3:05:09 p.m. UTC", "2019-11-28T15:05:09Z",
                  true, 0, accord::v1::TIME_PRECISION_SECOND,
                  k1112Utc + 3 * 3600 + 53 * 60 + 9},
        StampCase{"Published 11/28/2019 11:12 -05:00", "2019-11-28T11:12-05:00",
                  true, -300, kMinute, k1112Utc + 5 * 3600},
        StampCase{"28/11/2019", "2019-11-28", false, 0,
                  accord::v1::TIME_PRECISION_DAY,
                  k1112Utc - 11 * 3600 - 12 * 60}));

constexpr int64_t kDay28 = k1112Utc - 11 * 3600 - 12 * 60;
constexpr auto kDay = accord::v1::TIME_PRECISION_DAY;

// Month and weekday names as ICU and the team's supplements give them
// (temporal::CalendarNames), in the forms stamps print.
INSTANTIATE_TEST_SUITE_P(
    CalendarNames, PublicationStampTest,
    ::testing::Values(
        StampCase{"Thursday, Nov 28, 2019", "2019-11-28", false, 0, kDay,
                  kDay28},
        StampCase{"Thurs. 28 Nov 2019", "2019-11-28", false, 0, kDay, kDay28},
        StampCase{"jeu. 28 nov. 2019 à 11h12", "2019-11-28T11:12", false, 0,
                  kMinute, k1112Utc},
        StampCase{"Donnerstag, 28. Nov. 2019, 11:12 Uhr", "2019-11-28T11:12",
                  false, 0, kMinute, k1112Utc},
        StampCase{"Do., 28.11.2019", "2019-11-28", false, 0, kDay, kDay28},
        StampCase{"jue, 28 nov 2019", "2019-11-28", false, 0, kDay, kDay28},
        // Russian genitive (ICU's format context) and its abbreviations.
        StampCase{"четверг, 28 ноября 2019 г., 11:12", "2019-11-28T11:12",
                  false, 0, kMinute, k1112Utc},
        StampCase{"28 нояб. 2019", "2019-11-28", false, 0, kDay, kDay28},
        StampCase{"чт, 28 ноя 2019, 11:12 MSK", "2019-11-28T11:12+03:00", true,
                  180, kMinute, k1112Utc - 3 * 3600},
        // Vietnamese "tháng 11" (ICU), in words (the team's), weekdays by
        // name and by number.
        StampCase{"Thứ Năm, ngày 28 tháng 11 năm 2019 lúc 11:12",
                  "2019-11-28T11:12", false, 0, kMinute, k1112Utc},
        StampCase{"28 tháng Mười Một năm 2019", "2019-11-28", false, 0, kDay,
                  kDay28},
        StampCase{"Thứ 5, 28/11/2019 11:12 GMT+7", "2019-11-28T11:12+07:00",
                  true, 420, kMinute, k1112Plus7},
        StampCase{"thứ năm, 28 thg 11, 2019", "2019-11-28", false, 0, kDay,
                  kDay28}));

// The month and weekday words of the normalizer's former hand tables
// (date_words.cc, replaced by temporal::CalendarNames) are all still names,
// for stamps and for datelines.
TEST(FormerDateWordsTest, EveryFormerNameIsACalendarName) {
  const temporal::CalendarNames& names = temporal::CalendarNames::Default();
  const std::vector<std::pair<std::string, int>> months = {
      {"january", 1},   {"jan", 1},        {"february", 2},   {"feb", 2},
      {"march", 3},     {"mar", 3},        {"april", 4},      {"apr", 4},
      {"may", 5},       {"june", 6},       {"jun", 6},        {"july", 7},
      {"jul", 7},       {"august", 8},     {"aug", 8},        {"september", 9},
      {"sep", 9},       {"sept", 9},       {"october", 10},   {"oct", 10},
      {"november", 11}, {"nov", 11},       {"december", 12},  {"dec", 12},
      {"janvier", 1},   {"janv", 1},       {"février", 2},    {"févr", 2},
      {"fevrier", 2},   {"mars", 3},       {"avril", 4},      {"avr", 4},
      {"mai", 5},       {"juin", 6},       {"juillet", 7},    {"juil", 7},
      {"août", 8},      {"aout", 8},       {"septembre", 9},  {"octobre", 10},
      {"novembre", 11}, {"décembre", 12},  {"déc", 12},       {"decembre", 12},
      {"januar", 1},    {"jänner", 1},     {"februar", 2},    {"märz", 3},
      {"mär", 3},       {"juni", 6},       {"juli", 7},       {"oktober", 10},
      {"okt", 10},      {"dezember", 12},  {"dez", 12},       {"enero", 1},
      {"ene", 1},       {"febrero", 2},    {"marzo", 3},      {"abril", 4},
      {"abr", 4},       {"mayo", 5},       {"junio", 6},      {"julio", 7},
      {"agosto", 8},    {"ago", 8},        {"septiembre", 9}, {"setiembre", 9},
      {"octubre", 10},  {"noviembre", 11}, {"diciembre", 12}, {"dic", 12},
      {"январь", 1},    {"января", 1},     {"янв", 1},        {"февраль", 2},
      {"февраля", 2},   {"фев", 2},        {"март", 3},       {"марта", 3},
      {"апрель", 4},    {"апреля", 4},     {"апр", 4},        {"май", 5},
      {"мая", 5},       {"июнь", 6},       {"июня", 6},       {"июль", 7},
      {"июля", 7},      {"август", 8},     {"августа", 8},    {"авг", 8},
      {"сентябрь", 9},  {"сентября", 9},   {"сен", 9},        {"сент", 9},
      {"октябрь", 10},  {"октября", 10},   {"окт", 10},       {"ноябрь", 11},
      {"ноября", 11},   {"нояб", 11},      {"ноя", 11},       {"декабрь", 12},
      {"декабря", 12},  {"дек", 12},       {"gennaio", 1},    {"febbraio", 2},
      {"aprile", 4},    {"maggio", 5},     {"giugno", 6},     {"luglio", 7},
      {"settembre", 9}, {"ottobre", 10},   {"dicembre", 12},  {"janeiro", 1},
      {"fevereiro", 2}, {"março", 3},      {"maio", 5},       {"junho", 6},
      {"julho", 7},     {"setembro", 9},   {"outubro", 10},   {"novembro", 11},
      {"dezembro", 12},
  };
  for (const auto& [word, month] : months) {
    EXPECT_EQ(names.Month(temporal::NameKey(word)), month) << word;
  }
  for (const char* weekday :
       {"monday", "tues", "thurs", "sun", "jeudi", "donnerstag", "sonnabend",
        "mi", "miércoles", "sábado", "четверг", "воскресенье", "пн", "thứ hai",
        "thứ năm", "chủ nhật", "giovedì", "segunda-feira", "terça"}) {
    EXPECT_GT(names.Weekday(temporal::NameKey(weekday)), 0) << weekday;
  }
}

// Every wide and abbreviated month name of ICU's DateFormatSymbols, in the
// format context (Russian genitive "ноября", Vietnamese "tháng 11") and the
// standalone one (Russian "ноябрь"), in the order each language writes a
// date, reads as that month.
struct LocaleCase {
  const char* locale;
  // The stamp, with "%s" where the month name goes.
  const char* pattern;
};

class IcuMonthStampTest : public ::testing::TestWithParam<LocaleCase> {};

TEST_P(IcuMonthStampTest, EveryIcuMonthNameParses) {
  const LocaleCase& c = GetParam();
  UErrorCode status = U_ZERO_ERROR;
  const icu::DateFormatSymbols symbols(icu::Locale(c.locale), status);
  ASSERT_TRUE(U_SUCCESS(status)) << c.locale;
  int names = 0;
  for (const auto context :
       {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
    for (const auto width :
         {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
      int32_t count = 0;
      const icu::UnicodeString* months =
          symbols.getMonths(count, context, width);
      ASSERT_GE(count, 12);
      for (int month = 1; month <= 12; ++month) {
        std::string name;
        months[month - 1].toUTF8String(name);
        std::string stamp = c.pattern;
        stamp.replace(stamp.find("%s"), 2, name);
        const auto parsed = ParsePublicationStamp(stamp);
        ASSERT_TRUE(parsed.has_value()) << c.locale << ": " << stamp;
        EXPECT_EQ(parsed->iso8601(),
                  absl::StrFormat("2019-%02d-28T11:12", month))
            << c.locale << ": " << stamp;
        ++names;
      }
    }
  }
  EXPECT_EQ(names, 48);
}

INSTANTIATE_TEST_SUITE_P(
    Languages, IcuMonthStampTest,
    ::testing::Values(LocaleCase{"en", "%s 28, 2019 11:12"},
                      LocaleCase{"en", "28 %s 2019 11:12"},
                      LocaleCase{"fr", "28 %s 2019 à 11h12"},
                      LocaleCase{"de", "28. %s 2019, 11:12 Uhr"},
                      LocaleCase{"de_AT", "28. %s 2019, 11:12 Uhr"},
                      LocaleCase{"es", "28 de %s de 2019, 11:12"},
                      LocaleCase{"ru", "28 %s 2019 г., 11:12"},
                      LocaleCase{"vi", "ngày 28 %s năm 2019 lúc 11:12"},
                      LocaleCase{"vi", "28 %s, 2019 11:12"}));

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
  // Found by fuzz_dates: an instant in year 1 whose local date is in year
  // 0, which no ISO 8601 date of Accord's can write.
  EXPECT_FALSE(ParsePublicationStamp("0000-12-31 23:59 GMT-12").has_value());
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
