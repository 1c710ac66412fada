#include "common/util/call_deadline.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace accord {

absl::Status CallDeadline::Check(absl::string_view work) const {
  const absl::Time now = absl::Now();
  if (deadline_ != absl::InfiniteFuture() && now >= deadline_) {
    return absl::DeadlineExceededError(
        absl::StrCat(work, " stopped: the call's deadline passed"));
  }
  if (!is_cancelled_) return absl::OkStatus();
  const int64_t now_ns = absl::ToUnixNanos(now);
  int64_t due = next_cancel_check_ns_.load(std::memory_order_relaxed);
  // With no interval every check asks (a lost race below would skip one).
  if (cancel_check_interval_ns_ > 0 &&
      (now_ns < due || !next_cancel_check_ns_.compare_exchange_strong(
                           due, now_ns + cancel_check_interval_ns_,
                           std::memory_order_relaxed))) {
    return absl::OkStatus();  // asked a moment ago, here or on another thread
  }
  if (is_cancelled_()) {
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
