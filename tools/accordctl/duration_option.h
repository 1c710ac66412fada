// Durations given on the accordctl command line (--timeout).
//
//   absl::StatusOr<absl::Duration> timeout = ParseDurationOption("500ms");
//
// Accepted: a number of seconds ("5", "0.5") or numbers with units as absl
// writes them ("500ms", "5s", "2m", "1h", "1m30s"; units ns, us, ms, s, m,
// h). The duration must be finite and more than zero: a deadline of zero
// or less would fail every call before it starts.
#ifndef ACCORD_TOOLS_ACCORDCTL_DURATION_OPTION_H_
#define ACCORD_TOOLS_ACCORDCTL_DURATION_OPTION_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace accord::ctl {

// What ParseDurationOption accepts, for error messages and --help.
inline constexpr absl::string_view kDurationForms =
    "seconds (5, 0.5) or a number with a unit (500ms, 5s, 2m, 1h)";

// The duration `text` names. InvalidArgument, with a message that quotes
// `text` and lists kDurationForms, for anything else.
absl::StatusOr<absl::Duration> ParseDurationOption(absl::string_view text);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_DURATION_OPTION_H_
