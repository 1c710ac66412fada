// Fuzz target: the date grammars, DateExtractor::Extract
// (ingest-service/extract/dates/date_extractor.h), and the publication-stamp
// parser, ParsePublicationStamp (ingest-service/extract/dates/
// publication_stamp.h), which gives Extract its anchor.
//
// Feeds "<language>\n<anchor>\n<text>": the language as given ("en", "fr",
// "de", "es", "ru", "vi", anything else); the anchor line read as a
// publication stamp (Anchor::FromPublication, source text_stamp), else as
// an ISO 8601 day ("2019-11-28", source metadata), else no anchor. Every
// line of the text is also read as a stamp.
//
// Asserts, for every expression Extract returns:
//  - its span is in the text, non-empty, on UTF-8 boundaries (when the text
//    is valid UTF-8), with the part asked for, after the previous one's end
//    (text order, no overlap); its surface is the span's text;
//  - DATE and RANGE values are valid: TemporalValue FromProto accepts them,
//    their iso8601 is what ParseIso8601 reads back to the same value and
//    FormatIso8601 writes again; a RANGE has an end, and begin <= end
//    (temporal::IsValid(DateRange)) when both years are known;
//  - the resolution agrees with the value: EXPLICIT and ANCHORED values have
//    their year, YEAR_UNKNOWN ones do not; ANCHORED names the anchor given
//    (date and source); UNANCHORED only without one (or when the anchor
//    shifted leaves the years 1..9999), with a grain and no iso8601;
//  - DURATION has a well-formed ISO 8601 duration ("P20Y", "P2W"; no value),
//    SET a well-formed period, a relative expression a signed one in
//    `offset`;
//  - weekday is 0..7; candidate_years are ascending, in the options' range,
//    and each puts the date on the stated weekday;
//  - the derivation is MECHANISM_DATE_GRAMMAR, rule "date/<lang>/...";
//  - the expressions serialize and parse back (proto strings are valid
//    UTF-8) when the text is valid UTF-8;
//  - extracting again gives the same expressions.
// And for every line a stamp is read from: iso8601 is well formed and names
// the same instant as time (a valid google.protobuf.Timestamp), precision
// and offset agree with it, text is the trimmed line, origin TEXT_STAMP.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/temporal/calendar.h"
#include "common/temporal/temporal_value.h"
#include "ingest-service/extract/dates/date_extractor.h"
#include "ingest-service/extract/dates/publication_stamp.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

using accord::extract::dates::Anchor;
using accord::extract::dates::DateExtractor;
using accord::extract::dates::DateExtractorOptions;
using accord::v1::TemporalExpression;
using accord::v1::TemporalValue;
namespace temporal = accord::temporal;

// google.protobuf.Timestamp: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;
// Stamps read per input: the parser is line-local.
constexpr int kMaxStampLines = 64;

const DateExtractorOptions& Options() {
  static const auto* const kOptions = new DateExtractorOptions();
  return *kOptions;
}
const DateExtractor& Extractor() {
  static const auto* const kExtractor = new DateExtractor(Options());
  return *kExtractor;
}

std::string Describe(const TemporalExpression& e) {
  return Escape(e.ShortDebugString());
}

// Removes `prefix` from the front of `*s` when it is there.
bool Consume(std::string_view* s, std::string_view prefix) {
  if (s->substr(0, prefix.size()) != prefix) return false;
  s->remove_prefix(prefix.size());
  return true;
}

// "P" then at least one "<digits><designator>", designators in the order
// Y M W D, then optionally "T" and H M S (each at least one component).
bool IsIsoDuration(std::string_view d) {
  if (!Consume(&d, "P") || d.empty()) return false;
  auto components = [&d](std::string_view designators) {
    int count = 0;
    size_t next = 0;
    while (!d.empty() && d[0] >= '0' && d[0] <= '9') {
      size_t digits = 0;
      while (digits < d.size() && d[digits] >= '0' && d[digits] <= '9') {
        ++digits;
      }
      if (digits == d.size() || digits > 9) return -1;
      const size_t at = designators.find(d[digits], next);
      if (at == std::string_view::npos) return -1;
      next = at + 1;
      d.remove_prefix(digits + 1);
      ++count;
    }
    return count;
  };
  const int date_part = components("YMWD");
  if (date_part < 0) return false;
  if (Consume(&d, "T")) {
    const int time_part = components("HMS");
    if (time_part <= 0) return false;
  } else if (date_part == 0) {
    return false;
  }
  return d.empty();
}

// A value Extract wrote: FromProto accepts it and its iso8601 round-trips.
temporal::PartialDate CheckValue(const TemporalValue& v,
                                 const TemporalExpression& e,
                                 const char* which) {
  const absl::StatusOr<temporal::PartialDate> date = temporal::FromProto(v);
  FUZZ_CHECK(date.ok(), absl::StrCat(which, ": ", date.status().ToString(),
                                     " in ", Describe(e)));
  FUZZ_CHECK(temporal::IsValid(*date), absl::StrCat(which, " ", Describe(e)));
  const std::optional<temporal::PartialDate> parsed =
      temporal::ParseIso8601(v.iso8601());
  FUZZ_CHECK(parsed.has_value() && *parsed == *date,
             absl::StrCat(which, " iso8601 does not read back: ", Describe(e)));
  FUZZ_CHECK(temporal::FormatIso8601(*parsed) == v.iso8601(),
             absl::StrCat(which, " iso8601 not canonical: ", Describe(e)));
  return *date;
}

void CheckExpression(const TemporalExpression& e, const Anchor& anchor,
                     const std::string& anchor_iso) {
  // The value and the resolution.
  const bool dated = e.kind() == accord::v1::TEMPORAL_KIND_DATE ||
                     e.kind() == accord::v1::TEMPORAL_KIND_RANGE;
  FUZZ_CHECK(dated || e.kind() == accord::v1::TEMPORAL_KIND_DURATION ||
                 e.kind() == accord::v1::TEMPORAL_KIND_SET,
             Describe(e));
  if (e.kind() == accord::v1::TEMPORAL_KIND_DURATION) {
    FUZZ_CHECK(IsIsoDuration(e.duration()), Describe(e));
    FUZZ_CHECK(!e.has_value() && !e.has_end(), Describe(e));
  }
  if (e.kind() == accord::v1::TEMPORAL_KIND_SET) {
    FUZZ_CHECK(IsIsoDuration(e.period()), Describe(e));
    FUZZ_CHECK(!e.has_value() && !e.has_end(), Describe(e));
  }
  if (!e.offset().empty()) {
    std::string_view offset = e.offset();
    Consume(&offset, "-");
    FUZZ_CHECK(IsIsoDuration(offset), Describe(e));
  }
  FUZZ_CHECK(e.weekday() >= 0 && e.weekday() <= 7, Describe(e));
  if (dated) {
    FUZZ_CHECK(e.has_value(), Describe(e));
    if (e.resolution() == accord::v1::TEMPORAL_RESOLUTION_UNANCHORED) {
      FUZZ_CHECK(!anchor.date.has_value() ||
                     absl::StrContains(e.derivation().detail(),
                                       "outside the years 1..9999"),
                 Describe(e));
      FUZZ_CHECK(e.value().iso8601().empty() &&
                     e.value().grain() != accord::v1::GRAIN_UNSPECIFIED,
                 Describe(e));
    } else {
      const temporal::PartialDate value = CheckValue(e.value(), e, "value");
      switch (e.resolution()) {
        case accord::v1::TEMPORAL_RESOLUTION_EXPLICIT:
          FUZZ_CHECK(value.has_year(), Describe(e));
          break;
        case accord::v1::TEMPORAL_RESOLUTION_ANCHORED:
          FUZZ_CHECK(value.has_year(), Describe(e));
          FUZZ_CHECK(anchor.date.has_value() && e.anchor() == anchor_iso &&
                         e.anchor_source() == anchor.source,
                     Describe(e));
          break;
        case accord::v1::TEMPORAL_RESOLUTION_YEAR_UNKNOWN:
          FUZZ_CHECK(!value.has_year(), Describe(e));
          break;
        default:
          FUZZ_CHECK(false, absl::StrCat("resolution ", Describe(e)));
      }
      if (e.kind() == accord::v1::TEMPORAL_KIND_RANGE) {
        FUZZ_CHECK(e.has_end(), Describe(e));
        const temporal::PartialDate end = CheckValue(e.end(), e, "end");
        FUZZ_CHECK(value.has_year() == end.has_year(), Describe(e));
        FUZZ_CHECK(temporal::IsValid(temporal::DateRange{value, end}),
                   absl::StrCat("range ends out of order: ", Describe(e)));
      } else {
        FUZZ_CHECK(!e.has_end(), Describe(e));
      }
      int previous = 0;
      for (const int year : e.candidate_years()) {
        FUZZ_CHECK(year > previous && year >= Options().first_candidate_year &&
                       year <= Options().last_candidate_year,
                   Describe(e));
        previous = year;
        FUZZ_CHECK(value.grain == temporal::Grain::kDay &&
                       temporal::IsValid(temporal::PartialDate::Day(
                           year, value.month, value.day)) &&
                       temporal::IsoWeekday(absl::CivilDay(
                           year, value.month, value.day)) == e.weekday(),
                   Describe(e));
      }
    }
  }

  // The derivation.
  FUZZ_CHECK(e.derivation().mechanism() == accord::v1::MECHANISM_DATE_GRAMMAR &&
                 absl::StartsWith(e.derivation().rule(), "date/") &&
                 e.derivation().source() == "team:dates",
             Describe(e));
}

void CheckStamp(std::string_view line, const accord::v1::Publication& stamp) {
  const std::string& iso = stamp.iso8601();
  const std::string where = absl::StrCat(Escape(line), " -> ", Escape(iso));
  FUZZ_CHECK(stamp.origin() == accord::v1::PUBLICATION_ORIGIN_TEXT_STAMP,
             where);
  FUZZ_CHECK(!stamp.text().empty() &&
                 line.find(stamp.text()) != std::string_view::npos,
             where);
  const int64_t seconds = stamp.time().seconds();
  FUZZ_CHECK(seconds >= kMinTimestampSeconds &&
                 seconds <= kMaxTimestampSeconds && stamp.time().nanos() == 0,
             where);
  // YYYY-MM-DD[THH:MM[:SS][Z|±HH:MM]]
  const std::optional<temporal::PartialDate> day =
      iso.size() >= 10 ? temporal::ParseIso8601(iso.substr(0, 10))
                       : std::nullopt;
  FUZZ_CHECK(day.has_value() && day->grain == temporal::Grain::kDay, where);
  int hour = 0, minute = 0, second = 0;
  std::string_view rest = std::string_view(iso).substr(10);
  auto two = [&rest](int* out, int max) {
    if (rest.size() < 2 || rest[0] < '0' || rest[0] > '9' || rest[1] < '0' ||
        rest[1] > '9') {
      return false;
    }
    *out = (rest[0] - '0') * 10 + (rest[1] - '0');
    if (*out > max) return false;
    rest.remove_prefix(2);
    return true;
  };
  accord::v1::TimePrecision precision = accord::v1::TIME_PRECISION_DAY;
  int offset_minutes = 0;
  bool has_offset = false;
  if (Consume(&rest, "T")) {
    FUZZ_CHECK(two(&hour, 23) && Consume(&rest, ":") && two(&minute, 59),
               where);
    precision = accord::v1::TIME_PRECISION_MINUTE;
    if (Consume(&rest, ":")) {
      FUZZ_CHECK(two(&second, 59), where);
      precision = accord::v1::TIME_PRECISION_SECOND;
    }
    if (Consume(&rest, "Z")) {
      has_offset = true;
    } else if (!rest.empty()) {
      const int sign = rest[0] == '-' ? -1 : 1;
      FUZZ_CHECK(rest[0] == '+' || rest[0] == '-', where);
      rest.remove_prefix(1);
      int h = 0, m = 0;
      FUZZ_CHECK(two(&h, 18) && Consume(&rest, ":") && two(&m, 59) &&
                     (h != 0 || m != 0),
                 where);
      has_offset = true;
      offset_minutes = sign * (h * 60 + m);
    }
  }
  FUZZ_CHECK(rest.empty(), where);
  FUZZ_CHECK(stamp.precision() == precision, where);
  FUZZ_CHECK(stamp.has_utc_offset() == has_offset &&
                 stamp.utc_offset_minutes() == offset_minutes,
             where);
  const absl::Time instant = absl::FromCivil(
      absl::CivilSecond(day->year, day->month, day->day, hour, minute, second),
      absl::FixedTimeZone(offset_minutes * 60));
  FUZZ_CHECK(absl::ToUnixSeconds(instant) == seconds,
             absl::StrCat(where, " vs time ", seconds));
  // The anchor the date grammars take from it is its local date.
  const Anchor anchor = Anchor::FromPublication(stamp);
  FUZZ_CHECK(
      anchor.date.has_value() &&
          *anchor.date == absl::CivilDay(day->year, day->month, day->day) &&
          anchor.source == "publication:text_stamp",
      where);
}

Anchor ReadAnchor(std::string_view line) {
  if (const auto stamp = extract::dates::ParsePublicationStamp(line)) {
    CheckStamp(line, *stamp);
    return Anchor::FromPublication(*stamp);
  }
  Anchor anchor;
  const std::optional<temporal::PartialDate> day = temporal::ParseIso8601(line);
  if (day.has_value() && day->grain == temporal::Grain::kDay &&
      day->has_year()) {
    anchor.date = absl::CivilDay(day->year, day->month, day->day);
    anchor.source = "publication:metadata";
  }
  return anchor;
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;  // NOLINT: the fuzz entry point.
  FuzzInput input(data, size);
  const std::string_view language = input.Line();
  const Anchor anchor = ReadAnchor(input.Line());
  const std::string_view text = input.Rest();
  const bool valid_utf8 = IsValidUtf8(text);
  const std::string anchor_iso =
      anchor.date ? accord::temporal::FormatIso8601(
                        accord::temporal::PartialDate::FromCivilDay(
                            *anchor.date, accord::temporal::Grain::kDay))
                  : std::string();

  const auto part = accord::v1::TEXT_PART_BODY;
  const std::vector<TemporalExpression> found =
      Extractor().Extract(text, part, language, anchor);
  uint32_t previous_end = 0;
  for (const TemporalExpression& e : found) {
    const uint32_t begin = e.span().begin(), end = e.span().end();
    FUZZ_CHECK(e.span().part() == part, Describe(e));
    FUZZ_CHECK(begin < end && end <= text.size(),
               absl::StrCat("span out of the text (", text.size(),
                            " bytes): ", Describe(e)));
    FUZZ_CHECK(begin >= previous_end,
               absl::StrCat("out of order or overlapping: ", Describe(e)));
    previous_end = end;
    if (valid_utf8) {
      FUZZ_CHECK(IsBoundary(text, begin) && IsBoundary(text, end),
                 absl::StrCat("span not on a UTF-8 boundary: ", Describe(e)));
    }
    FUZZ_CHECK(e.surface() == text.substr(begin, end - begin), Describe(e));
    CheckExpression(e, anchor, anchor_iso);
    if (valid_utf8 && IsValidUtf8(language)) {
      std::string bytes;
      TemporalExpression back;
      FUZZ_CHECK(e.SerializeToString(&bytes) && back.ParseFromString(bytes),
                 Describe(e));
    }
  }
  const std::vector<TemporalExpression> again =
      Extractor().Extract(text, part, language, anchor);
  FUZZ_CHECK(again.size() == found.size(), "a second Extract differs");
  for (size_t i = 0; i < found.size(); ++i) {
    FUZZ_CHECK(again[i].SerializeAsString() == found[i].SerializeAsString(),
               absl::StrCat("a second Extract differs: ", Describe(found[i])));
  }

  // Every line of the text as a stamp.
  std::string_view rest = text;
  for (int i = 0; i < kMaxStampLines && !rest.empty(); ++i) {
    const size_t newline = rest.find('\n');
    const std::string_view line = rest.substr(0, newline);
    rest.remove_prefix(newline == std::string_view::npos ? rest.size()
                                                         : newline + 1);
    if (const auto stamp =
            accord::extract::dates::ParsePublicationStamp(line)) {
      CheckStamp(line, *stamp);
    }
  }
  return 0;
}
