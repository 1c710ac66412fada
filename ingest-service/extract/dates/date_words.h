// Month names, weekday names and the small connecting words of written
// dates, in English, French, German, Spanish, Russian, Vietnamese, Italian
// and Portuguese.
//
// Publication stamps and datelines are read by matching tokens against
// these tables, so one parser serves every language listed here. All
// lookups take lowercase words without a trailing period ("nov", "déc").
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_DATES_DATE_WORDS_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_DATES_DATE_WORDS_H_

#include <string_view>

namespace accord::extract::dates {

// 1..12 for a month name or abbreviation in any listed language, else 0.
// Russian genitive forms ("ноября") are included.
int MonthNumber(std::string_view lower_word);
// True for weekday names and abbreviations ("thursday", "jeudi", "thứ").
bool IsWeekdayWord(std::string_view lower_word);
// True for words that may sit between the parts of a date stamp: "at",
// "à", "um", "uhr", "de", "года", "lúc", "published", "updated", ...
bool IsDateFillerWord(std::string_view lower_word);

}  // namespace accord::extract::dates

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_DATES_DATE_WORDS_H_
