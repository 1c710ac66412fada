#include "common/temporal/calendar.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"

namespace accord::temporal {
namespace {

bool IsLeap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  // An unknown year allows February 29.
  if (month == 2 && (year == kUnknownYear || IsLeap(year))) return 29;
  return kDays[month - 1];
}

bool YearInRange(int year) {
  return year == kUnknownYear || (year >= 1 && year <= 9999);
}

// Parses exactly `digits` ASCII digits at the start of `*text`.
bool TakeNumber(std::string_view* text, size_t digits, int* value) {
  if (text->size() < digits) return false;
  *value = 0;
  for (size_t i = 0; i < digits; ++i) {
    const char c = (*text)[i];
    if (c < '0' || c > '9') return false;
    *value = *value * 10 + (c - '0');
  }
  text->remove_prefix(digits);
  return true;
}

bool TakeChar(std::string_view* text, char c) {
  if (text->empty() || text->front() != c) return false;
  text->remove_prefix(1);
  return true;
}

}  // namespace

PartialDate PartialDate::FromCivilDay(absl::CivilDay day, Grain grain) {
  const int year = static_cast<int>(day.year());
  switch (grain) {
    case Grain::kYear:
      return Year(year);
    case Grain::kMonth:
      return Month(year, day.month());
    case Grain::kWeek: {
      const IsoWeek week = IsoWeekOf(day);
      return Week(week.year, week.week);
    }
    case Grain::kDay:
      break;
  }
  return Day(year, day.month(), day.day());
}

bool IsValid(const PartialDate& d) {
  if (!YearInRange(d.year)) return false;
  switch (d.grain) {
    case Grain::kYear:
      return d.month == 0 && d.day == 0 && d.week == 0;
    case Grain::kMonth:
      return d.month >= 1 && d.month <= 12 && d.day == 0 && d.week == 0;
    case Grain::kWeek:
      return d.has_year() && d.month == 0 && d.day == 0 && d.week >= 1 &&
             d.week <= IsoWeeksInYear(d.year);
    case Grain::kDay:
      return d.month >= 1 && d.month <= 12 && d.week == 0 && d.day >= 1 &&
             d.day <= DaysInMonth(d.year, d.month);
  }
  return false;
}

std::string FormatIso8601(const PartialDate& d) {
  const std::string year =
      d.has_year() ? absl::StrFormat("%04d", d.year) : std::string("XXXX");
  switch (d.grain) {
    case Grain::kYear:
      return year;
    case Grain::kMonth:
      return absl::StrFormat("%s-%02d", year, d.month);
    case Grain::kWeek:
      return absl::StrFormat("%s-W%02d", year, d.week);
    case Grain::kDay:
      break;
  }
  return absl::StrFormat("%s-%02d-%02d", year, d.month, d.day);
}

std::optional<PartialDate> ParseIso8601(std::string_view text) {
  PartialDate d;
  if (text.substr(0, 4) == "XXXX") {
    text.remove_prefix(4);
  } else if (!TakeNumber(&text, 4, &d.year) || d.year == 0) {
    return std::nullopt;
  }
  d.grain = Grain::kYear;
  if (TakeChar(&text, '-')) {
    if (TakeChar(&text, 'W')) {
      if (!TakeNumber(&text, 2, &d.week)) return std::nullopt;
      d.grain = Grain::kWeek;
    } else {
      if (!TakeNumber(&text, 2, &d.month)) return std::nullopt;
      d.grain = Grain::kMonth;
      if (TakeChar(&text, '-')) {
        if (!TakeNumber(&text, 2, &d.day)) return std::nullopt;
        d.grain = Grain::kDay;
      }
    }
  }
  if (!text.empty() || !IsValid(d)) return std::nullopt;
  return d;
}

absl::CivilDay FirstDay(const PartialDate& d) {
  switch (d.grain) {
    case Grain::kYear:
      return absl::CivilDay(d.year, 1, 1);
    case Grain::kMonth:
      return absl::CivilDay(d.year, d.month, 1);
    case Grain::kWeek:
      return MondayOfIsoWeek(d.year, d.week);
    case Grain::kDay:
      break;
  }
  return absl::CivilDay(d.year, d.month, d.day);
}

absl::CivilDay LastDay(const PartialDate& d) {
  switch (d.grain) {
    case Grain::kYear:
      return absl::CivilDay(d.year, 12, 31);
    case Grain::kMonth:
      return absl::CivilDay(absl::CivilMonth(d.year, d.month) + 1) - 1;
    case Grain::kWeek:
      return MondayOfIsoWeek(d.year, d.week) + 6;
    case Grain::kDay:
      break;
  }
  return absl::CivilDay(d.year, d.month, d.day);
}

bool IsValid(const DateRange& range) {
  if (!IsValid(range.begin) || !IsValid(range.end)) return false;
  if (!range.begin.has_year() || !range.end.has_year()) return true;
  return FirstDay(range.begin) <= LastDay(range.end);
}

int IsoWeekday(absl::CivilDay day) {
  switch (absl::GetWeekday(day)) {
    case absl::Weekday::monday:
      return 1;
    case absl::Weekday::tuesday:
      return 2;
    case absl::Weekday::wednesday:
      return 3;
    case absl::Weekday::thursday:
      return 4;
    case absl::Weekday::friday:
      return 5;
    case absl::Weekday::saturday:
      return 6;
    case absl::Weekday::sunday:
      return 7;
  }
  return 0;
}

absl::CivilDay MondayOfIsoWeek(int iso_year, int week) {
  // Week 1 is the week with January 4 in it.
  const absl::CivilDay jan4(iso_year, 1, 4);
  const absl::CivilDay week1_monday = jan4 - (IsoWeekday(jan4) - 1);
  return week1_monday + 7 * (week - 1);
}

IsoWeek IsoWeekOf(absl::CivilDay day) {
  // The ISO week-year is the year of the week's Thursday.
  const absl::CivilDay thursday = day + (4 - IsoWeekday(day));
  const int year = static_cast<int>(thursday.year());
  const int week =
      static_cast<int>((thursday - absl::CivilDay(year, 1, 1)) / 7) + 1;
  return {year, week};
}

int IsoWeeksInYear(int iso_year) {
  return IsoWeekOf(absl::CivilDay(iso_year, 12, 28)).week;
}

std::vector<int> CandidateYears(int month, int day, int weekday, int first_year,
                                int last_year) {
  std::vector<int> years;
  if (month < 1 || month > 12 || day < 1 || weekday < 1 || weekday > 7 ||
      first_year < 1 || last_year > 9999 || day > DaysInMonth(0, month)) {
    return years;
  }
  for (int year = first_year; year <= last_year; ++year) {
    if (day > DaysInMonth(year, month)) continue;
    if (IsoWeekday(absl::CivilDay(year, month, day)) == weekday) {
      years.push_back(year);
    }
  }
  return years;
}

}  // namespace accord::temporal
