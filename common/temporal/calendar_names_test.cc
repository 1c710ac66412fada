// Tests of the ICU month and weekday tables: every corpus language, both
// contexts (Russian genitive and nominative), accent-insensitive keys, the
// team's supplements, and agreement with ICU for every month of every
// locale.
#include "common/temporal/calendar_names.h"

#include <gtest/gtest.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include "common/temporal/text_fold.h"

namespace accord::temporal {
namespace {

int Month(std::string_view text, std::string_view language = {}) {
  return CalendarNames::Default().Month(NameKey(text), language);
}
int Weekday(std::string_view text, std::string_view language = {}) {
  return CalendarNames::Default().Weekday(NameKey(text), language);
}

TEST(TextFoldTest, Folds) {
  EXPECT_EQ(Fold("Décembre"), "decembre");
  EXPECT_EQ(Fold("MÄRZ"), "marz");
  EXPECT_EQ(Fold("Thứ Năm"), "thu nam");
  EXPECT_EQ(Fold("Đà Nẵng"), "da nang");
  EXPECT_EQ(Fold("трёх"), "трех");
  EXPECT_EQ(Lower("Décembre"), "décembre");
  EXPECT_EQ(NameKey("janv."), "janv");
  EXPECT_EQ(NameKey("segunda-feira"), "segunda feira");
  EXPECT_EQ(NameKey("  Thg 11 "), "thg 11");
}

TEST(CalendarNamesTest, EveryLanguage) {
  EXPECT_EQ(Month("November", "en"), 11);
  EXPECT_EQ(Month("novembre", "fr"), 11);
  EXPECT_EQ(Month("Dezember", "de"), 12);
  EXPECT_EQ(Month("noviembre", "es"), 11);
  EXPECT_EQ(Month("ноября", "ru"), 11);  // Genitive (format).
  EXPECT_EQ(Month("ноябрь", "ru"), 11);  // Nominative (standalone).
  EXPECT_EQ(Month("tháng 11", "vi"), 11);
  EXPECT_EQ(Month("novembre", "it"), 11);
  EXPECT_EQ(Month("novembro", "pt"), 11);
  EXPECT_EQ(Weekday("vendredi", "fr"), 5);
  EXPECT_EQ(Weekday("Freitag", "de"), 5);
  EXPECT_EQ(Weekday("viernes", "es"), 5);
  EXPECT_EQ(Weekday("пятница", "ru"), 5);
  EXPECT_EQ(Weekday("Thứ Sáu", "vi"), 5);
  EXPECT_EQ(Weekday("Chủ Nhật", "vi"), 7);
  EXPECT_EQ(Weekday("Sunday", "en"), 7);
  EXPECT_EQ(Weekday("segunda-feira", "pt"), 1);
  EXPECT_EQ(Weekday("venerdì", "it"), 5);
}

TEST(CalendarNamesTest, AbbreviationsAndAccents) {
  EXPECT_EQ(Month("Déc."), 12);
  EXPECT_EQ(Month("dec"), 12);
  EXPECT_EQ(Month("decembre"), 12);
  EXPECT_EQ(Month("fevrier", "fr"), 2);
  EXPECT_EQ(Month("Marz", "de"), 3);
  EXPECT_EQ(Month("Jänner", "de"), 1);  // de_AT.
  EXPECT_EQ(Month("нояб."), 11);
  EXPECT_EQ(Weekday("Mi", "de"), 3);
  EXPECT_EQ(Weekday("mié", "es"), 3);
  const CalendarNames& names = CalendarNames::Default();
  EXPECT_EQ(names.Month("nov", "en", /*wide_only=*/true), 0);
  EXPECT_EQ(names.Month("november", "en", /*wide_only=*/true), 11);
}

TEST(CalendarNamesTest, TeamSupplements) {
  EXPECT_EQ(Month("Sept.", "en"), 9);
  EXPECT_EQ(Weekday("Thurs", "en"), 4);
  EXPECT_EQ(Month("декабре", "ru"), 12);
  EXPECT_EQ(Month("tháng Mười Một", "vi"), 11);
  EXPECT_EQ(Month("tháng Chạp", "vi"), 12);
  EXPECT_EQ(Weekday("Thứ 6", "vi"), 5);
  EXPECT_EQ(Weekday("Sonnabend", "de"), 6);
  EXPECT_EQ(Month("setiembre", "es"), 9);
  const auto& entries = CalendarNames::Default().Lookup(NameKey("декабре"));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].source, "team:calendar_names.cc");
  EXPECT_EQ(CalendarNames::Default().max_words(), 3);
}

TEST(CalendarNamesTest, NotNames) {
  EXPECT_EQ(Month("un"), 0);
  EXPECT_EQ(Month("monday"), 0);
  EXPECT_EQ(Weekday("november"), 0);
  EXPECT_EQ(Month("mayo", "en"), 0);  // Spanish only.
  EXPECT_EQ(Month(""), 0);
}

TEST(CalendarNamesTest, NameWords) {
  const CalendarNames& names = CalendarNames::Default();
  for (const char* word :
       {"thu", "nam", "chu", "nhat", "feira", "thang", "november", "jeudi"}) {
    EXPECT_TRUE(names.IsNameWord(word)) << word;
  }
  EXPECT_FALSE(names.IsNameWord("published"));
  EXPECT_FALSE(names.IsNameWord("11"));
}

// The table agrees with ICU: every wide month and weekday of every default
// locale, in both contexts, is found with its number.
TEST(CalendarNamesTest, AgreesWithIcu) {
  const CalendarNames& names = CalendarNames::Default();
  for (const std::string& locale : CalendarNamesOptions().locales) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(icu::Locale(locale.c_str()), status);
    ASSERT_TRUE(U_SUCCESS(status)) << locale;
    const std::string language = locale.substr(0, 2);
    for (const auto context :
         {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      int32_t count = 0;
      const icu::UnicodeString* months =
          symbols.getMonths(count, context, icu::DateFormatSymbols::WIDE);
      for (int32_t i = 0; i < count; ++i) {
        std::string text;
        months[i].toUTF8String(text);
        EXPECT_EQ(names.Month(NameKey(text), language), i + 1)
            << locale << " " << text;
      }
      const icu::UnicodeString* days =
          symbols.getWeekdays(count, context, icu::DateFormatSymbols::WIDE);
      for (int32_t i = 1; i < count; ++i) {
        std::string text;
        days[i].toUTF8String(text);
        EXPECT_EQ(names.Weekday(NameKey(text), language), i == 1 ? 7 : i - 1)
            << locale << " " << text;
      }
    }
  }
}

}  // namespace
}  // namespace accord::temporal
