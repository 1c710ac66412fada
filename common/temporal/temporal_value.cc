#include "common/temporal/temporal_value.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace accord::temporal {

accord::v1::Grain ToProto(Grain grain) {
  return static_cast<accord::v1::Grain>(static_cast<int>(grain));
}

absl::StatusOr<Grain> FromProto(accord::v1::Grain grain) {
  switch (grain) {
    case accord::v1::GRAIN_YEAR:
      return Grain::kYear;
    case accord::v1::GRAIN_MONTH:
      return Grain::kMonth;
    case accord::v1::GRAIN_WEEK:
      return Grain::kWeek;
    case accord::v1::GRAIN_DAY:
      return Grain::kDay;
    default:
      break;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "temporal value without a grain (", static_cast<int>(grain), ")"));
}

accord::v1::TemporalValue ToProto(const PartialDate& date) {
  accord::v1::TemporalValue value;
  value.set_iso8601(FormatIso8601(date));
  value.set_grain(ToProto(date.grain));
  value.set_year(date.year);
  value.set_month(date.month);
  value.set_day(date.day);
  value.set_week(date.week);
  return value;
}

absl::StatusOr<PartialDate> FromProto(const accord::v1::TemporalValue& value) {
  absl::StatusOr<Grain> grain = FromProto(value.grain());
  if (!grain.ok()) return grain.status();
  const PartialDate date{value.year(), value.month(), value.day(), value.week(),
                         *grain};
  if (!IsValid(date)) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid temporal value \"", value.iso8601(), "\""));
  }
  if (FormatIso8601(date) != value.iso8601()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "temporal value \"", value.iso8601(), "\" disagrees with its fields (",
        FormatIso8601(date), ")"));
  }
  return date;
}

}  // namespace accord::temporal
