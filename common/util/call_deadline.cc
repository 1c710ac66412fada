#include "common/util/call_deadline.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace accord {

absl::Status CallDeadline::Check(absl::string_view work) const {
  if (deadline_ != absl::InfiniteFuture() && absl::Now() >= deadline_) {
    return absl::DeadlineExceededError(
        absl::StrCat(work, " stopped: the call's deadline passed"));
  }
  if (is_cancelled_ && is_cancelled_()) {
    if (deadline_ != absl::InfiniteFuture() &&
        absl::Now() >= deadline_ - kCallerClockLead) {
      return absl::DeadlineExceededError(absl::StrCat(
          work, " stopped: the caller's deadline passed and it cancelled"));
    }
    return absl::CancelledError(
        absl::StrCat(work, " stopped: the caller cancelled the call"));
  }
  return absl::OkStatus();
}

}  // namespace accord
