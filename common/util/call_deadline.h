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
  // Stops at `deadline`, or once `is_cancelled` (may be empty) says the
  // caller went away.
  explicit CallDeadline(absl::Time deadline,
                        std::function<bool()> is_cancelled = nullptr)
      : deadline_(deadline), is_cancelled_(std::move(is_cancelled)) {}

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
};

}  // namespace accord

#endif  // ACCORD_COMMON_UTIL_CALL_DEADLINE_H_
