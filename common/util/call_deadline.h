// CallDeadline: when the work of one call must stop.
//
// A gRPC caller sets a deadline or goes away; a server that keeps working
// after that spends its cores on an answer nobody will read. Long work
// (preparing a bundle's documents, ranking a search) takes a CallDeadline
// and checks it between units of work. It holds no gRPC type, so libraries
// stay callable without a network; common/rpc/call.h makes one from a
// grpc::ServerContext.
//
//   for (const Input& input : inputs) {
//     if (absl::Status go_on = deadline.Check("preparing documents");
//         !go_on.ok()) return go_on;
//     ...
//   }
//
// Thread-safe when `is_cancelled` is (gRPC's ServerContext::IsCancelled is).
#ifndef ACCORD_COMMON_UTIL_CALL_DEADLINE_H_
#define ACCORD_COMMON_UTIL_CALL_DEADLINE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace accord {

class CallDeadline {
 public:
  // No deadline; never cancelled.
  CallDeadline() = default;
  // `is_cancelled` is asked at the first Check and then at most once per
  // `cancel_check_interval`: gRPC's sync server answers it by polling the
  // call's completion queue, which cost a tenth of a search's time when
  // asked between every clause.
  static constexpr absl::Duration kCancelCheckInterval = absl::Milliseconds(1);

  // Stops at `deadline`, or once `is_cancelled` (may be empty) says the
  // caller went away.
  explicit CallDeadline(
      absl::Time deadline, std::function<bool()> is_cancelled = nullptr,
      absl::Duration cancel_check_interval = kCancelCheckInterval)
      : deadline_(deadline),
        is_cancelled_(std::move(is_cancelled)),
        cancel_check_interval_ns_(
            absl::ToInt64Nanoseconds(cancel_check_interval)) {}
  CallDeadline(const CallDeadline& other)
      : deadline_(other.deadline_),
        is_cancelled_(other.is_cancelled_),
        cancel_check_interval_ns_(other.cancel_check_interval_ns_),
        next_cancel_check_ns_(other.next_cancel_check_ns_.load()) {}
  CallDeadline& operator=(const CallDeadline& other) {
    deadline_ = other.deadline_;
    is_cancelled_ = other.is_cancelled_;
    cancel_check_interval_ns_ = other.cancel_check_interval_ns_;
    next_cancel_check_ns_ = other.next_cancel_check_ns_.load();
    return *this;
  }

  // OK while the call may go on. Once it should stop: DeadlineExceeded
  // when the deadline has passed, else Cancelled; the message says that
  // `work` was stopped ("search stopped: the call's deadline passed").
  absl::Status Check(absl::string_view work) const;

  // A cancellation seen this close before the deadline is the caller's
  // deadline passing. The caller's clock started before ours (the request
  // was in transit, gRPC rounds the timeout it sends up), so its deadline
  // fires first and reaches us as a cancelled stream, not as our own
  // deadline.
  static constexpr absl::Duration kCallerClockLead = absl::Milliseconds(500);

  absl::Time deadline() const { return deadline_; }

 private:
  absl::Time deadline_ = absl::InfiniteFuture();
  std::function<bool()> is_cancelled_;
  int64_t cancel_check_interval_ns_ = 0;
  // absl::ToUnixNanos of the earliest time is_cancelled_ is asked again.
  mutable std::atomic<int64_t> next_cancel_check_ns_{0};
};

}  // namespace accord

#endif  // ACCORD_COMMON_UTIL_CALL_DEADLINE_H_
