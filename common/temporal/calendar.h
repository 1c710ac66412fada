// Calendar values of the temporal component: a date as precise as a text
// states it (a PartialDate, possibly without its year), ranges of them,
// their ISO 8601 form, weekdays, and the years a yearless date with a
// weekday can be in. Shared by ingest-service (the date grammars) and
// query-service (reading TemporalValue back); temporal_value.h converts to
// and from accord::v1::TemporalValue.
//
// Grain and ISO 8601 forms (ISO 8601-1, with ISO 8601-2 "X" for unknown
// digits):
//
//   kDay    2019-11-27   XXXX-11-27 (year unknown)
//   kWeek   2019-W48     (ISO week: Monday..Sunday, of its ISO week-year)
//   kMonth  2024-12      XXXX-12
//   kYear   2018
//
// A DateRange is inclusive at its grain: {2019-05-24, 2019-05-25} covers
// both days; {2024-11, 2024-12} covers both months. Every value here is a
// plain struct; every function is stateless and thread-safe.
//
//   PartialDate d = PartialDate::Day(kUnknownYear, 11, 10);
//   FormatIso8601(d);                            // "XXXX-11-10"
//   CandidateYears(11, 10, kFriday, 1990, 2035); // {1995, 2000, 2006, 2017, 2023, 2028, 2034}
#ifndef ACCORD_COMMON_TEMPORAL_CALENDAR_H_
#define ACCORD_COMMON_TEMPORAL_CALENDAR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"

namespace accord::temporal {

// How precise a value is, coarsest first. The numbers are those of
// accord::v1::Grain.
enum class Grain { kYear = 1, kMonth = 2, kWeek = 3, kDay = 4 };

// PartialDate::year when the text does not fix the year.
inline constexpr int kUnknownYear = 0;

// ISO weekdays: 1 = Monday .. 7 = Sunday (TemporalExpression.weekday).
inline constexpr int kMonday = 1;
inline constexpr int kFriday = 5;
inline constexpr int kSunday = 7;

// A calendar value at a grain. Fields finer than the grain are 0.
struct PartialDate {
  // 1..9999, or kUnknownYear. For kWeek, the ISO week-year.
  int year = kUnknownYear;
  // 1..12 for kMonth and kDay, else 0.
  int month = 0;
  // 1..31 for kDay, else 0.
  int day = 0;
  // 1..53 for kWeek, else 0.
  int week = 0;
  Grain grain = Grain::kDay;

  static PartialDate Day(int year, int month, int day) {
    return {year, month, day, 0, Grain::kDay};
  }
  static PartialDate Month(int year, int month) {
    return {year, month, 0, 0, Grain::kMonth};
  }
  static PartialDate Year(int year) { return {year, 0, 0, 0, Grain::kYear}; }
  static PartialDate Week(int iso_year, int week) {
    return {iso_year, 0, 0, week, Grain::kWeek};
  }
  // `day` truncated to `grain`: its year, its month, its ISO week, or itself.
  static PartialDate FromCivilDay(absl::CivilDay day, Grain grain);

  bool has_year() const { return year != kUnknownYear; }

  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// True when the fields are in range for the grain and the day exists in
// its month: February 29 needs a leap year, or an unknown year.
bool IsValid(const PartialDate& date);

// ISO 8601 at the grain, "XXXX" for an unknown year (see the table above).
// REQUIRES: IsValid(date); a kWeek value needs its year.
std::string FormatIso8601(const PartialDate& date);
// The inverse of FormatIso8601; nullopt for anything it does not produce.
std::optional<PartialDate> ParseIso8601(std::string_view text);

// First and last days a value covers. REQUIRES: IsValid(date) and
// date.has_year().
absl::CivilDay FirstDay(const PartialDate& date);
absl::CivilDay LastDay(const PartialDate& date);

// A span of time: both ends included at their grain. `begin` and `end`
// usually share their grain; "from May 2019 to 2020" may not.
struct DateRange {
  PartialDate begin;
  PartialDate end;
  friend bool operator==(const DateRange&, const DateRange&) = default;
};
// Both ends valid, and, when both years are known, begin's first day is
// not after end's last day.
bool IsValid(const DateRange& range);

// ISO weekday of a day: 1 = Monday .. 7 = Sunday.
int IsoWeekday(absl::CivilDay day);
// The ISO week of a day: its week-year (which differs from the calendar
// year around January 1) and week 1..53.
struct IsoWeek {
  int year = 0;
  int week = 0;
};
IsoWeek IsoWeekOf(absl::CivilDay day);
// The Monday of ISO week `week` of `iso_year`.
absl::CivilDay MondayOfIsoWeek(int iso_year, int week);
// Number of ISO weeks in `iso_year` (52 or 53).
int IsoWeeksInYear(int iso_year);

// The years in [first_year, last_year] in which `month`/`day` falls on
// `weekday` (1..7), ascending. Empty when the date never exists (April 31)
// or the arguments are out of range; February 29 counts leap years only.
std::vector<int> CandidateYears(int month, int day, int weekday, int first_year,
                                int last_year);

}  // namespace accord::temporal

#endif  // ACCORD_COMMON_TEMPORAL_CALENDAR_H_
