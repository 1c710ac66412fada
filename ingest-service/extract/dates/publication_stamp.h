// Reads a publication stamp: a short standalone line that is only a date,
// usually with a time and a time zone, as news sites print under a headline.
//
//   "November 28, 2019 | 11:12 am GMT+7"
//   "28/11/2019 11:12 GMT+7", "2019-11-28 11:12", "28. November 2019, 11:12
//   Uhr" "jeudi 28 novembre 2019 à 11h12", "Thứ Năm, 28/11/2019 11:12
//   (GMT+07:00)" "28 ноября 2019, 11:12"
//
// Every word of the line must be part of the date, a month or weekday name
// (temporal::CalendarNames: ICU's names in every language it lists, with
// the team's supplements, "Thứ 5", "tháng Mười Một") or a known connecting
// word ("at", "à", "Uhr", "года", "lúc", "published"), so a sentence that
// merely contains a date is never taken for a stamp. Stateless and
// thread-safe; the first call builds CalendarNames::Default().
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_DATES_PUBLICATION_STAMP_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_DATES_PUBLICATION_STAMP_H_

#include <optional>
#include <string_view>

#include "accord/v1/document.pb.h"

namespace accord::extract::dates {

// Longest line, in code points, that can be a stamp.
inline constexpr size_t kMaxStampChars = 100;

// Parses `line` as a stamp. On success the result has time, iso8601
// ("2019-11-28T11:12+07:00"), has_utc_offset / utc_offset_minutes,
// precision, origin TEXT_STAMP and text (the line as written). The time is
// the UTC instant when the offset is known, else the local time read as UTC.
// Numeric dates are read day first ("28/11/2019") unless only month first is
// valid ("11/28/2019"). A date needs a year; a time alone is not a stamp.
// The time is always a valid google.protobuf.Timestamp (0001-01-01T00:00:00Z
// to 9999-12-31T23:59:59Z); a stamp outside that range is not a stamp.
std::optional<accord::v1::Publication> ParsePublicationStamp(
    std::string_view line);

}  // namespace accord::extract::dates

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_DATES_PUBLICATION_STAMP_H_
