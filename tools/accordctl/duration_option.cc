#include "tools/accordctl/duration_option.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace accord::ctl {

absl::StatusOr<absl::Duration> ParseDurationOption(absl::string_view text) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  absl::Duration duration;
  double seconds = 0;
  bool parsed = false;
  // SimpleAtod also takes "inf" and "nan"; a bare number must be digits.
  if (!trimmed.empty() &&
      (absl::ascii_isdigit(static_cast<unsigned char>(trimmed[0])) ||
       trimmed[0] == '.') &&
      absl::SimpleAtod(trimmed, &seconds)) {
    duration = absl::Seconds(seconds);
    parsed = true;
  } else {
    parsed = absl::ParseDuration(trimmed, &duration);
  }
  if (!parsed || duration == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", text, "\" is not a duration; give ", kDurationForms));
  }
  if (duration <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", text, "\" is not more than zero; give ", kDurationForms));
  }
  return duration;
}

}  // namespace accord::ctl
