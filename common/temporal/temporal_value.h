// Conversion between the calendar values of calendar.h and the API's
// accord::v1::TemporalValue / accord::v1::Grain (understanding.proto), in
// one place for both services. Stateless and thread-safe.
//
//   accord::v1::TemporalValue v = ToProto(PartialDate::Month(2024, 12));
//   // v.iso8601() == "2024-12", v.grain() == GRAIN_MONTH, v.year() == 2024
//   absl::StatusOr<PartialDate> d = FromProto(v);
#ifndef ACCORD_COMMON_TEMPORAL_TEMPORAL_VALUE_H_
#define ACCORD_COMMON_TEMPORAL_TEMPORAL_VALUE_H_

#include "absl/status/statusor.h"
#include "accord/v1/understanding.pb.h"
#include "common/temporal/calendar.h"

namespace accord::temporal {

accord::v1::Grain ToProto(Grain grain);
// INVALID_ARGUMENT for GRAIN_UNSPECIFIED or an unknown number.
absl::StatusOr<Grain> FromProto(accord::v1::Grain grain);

// Every field set: iso8601 (FormatIso8601), grain, year (0 when unknown),
// month, day, week. REQUIRES: IsValid(date).
accord::v1::TemporalValue ToProto(const PartialDate& date);
// Reads the numeric fields and checks that iso8601 agrees with them;
// INVALID_ARGUMENT when the value is not one ToProto produces.
absl::StatusOr<PartialDate> FromProto(const accord::v1::TemporalValue& value);

}  // namespace accord::temporal

#endif  // ACCORD_COMMON_TEMPORAL_TEMPORAL_VALUE_H_
