// The one place where absl::Status becomes grpc::Status.
//
// Every error an Accord service returns carries a google.rpc.Status in the
// grpc-status-details-bin trailer with one google.rpc.ErrorInfo: a
// machine-readable `reason` (UPPER_SNAKE_CASE), the domain "accord.v1",
// and metadata that names the offending input. Libraries attach the reason
// to an absl::Status with WithErrorInfo; the RPC edge calls ToGrpcStatus.
// An error worth retrying after a while (a server too busy now) carries a
// google.rpc.RetryInfo too (WithRetryDelay).
#ifndef ACCORD_COMMON_RPC_STATUS_H_
#define ACCORD_COMMON_RPC_STATUS_H_

#include <map>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/support/status.h"

namespace accord::rpc {

inline constexpr absl::string_view kErrorDomain = "accord.v1";

// Returns `status` with an ErrorInfo reason and metadata attached.
absl::Status WithErrorInfo(
    absl::Status status, absl::string_view reason,
    const std::map<std::string, std::string>& metadata = {});

// Returns `status` with a google.rpc.RetryInfo: the same call may succeed
// when sent again after `delay`.
absl::Status WithRetryDelay(absl::Status status, absl::Duration delay);

// The delay attached by WithRetryDelay, or nullopt if none.
std::optional<absl::Duration> RetryDelayOf(const absl::Status& status);

// The ErrorInfo reason attached by WithErrorInfo, or "" if none.
std::string ErrorReasonOf(const absl::Status& status);

// Converts to a grpc::Status with the same code and message and a
// google.rpc.Status detail (the ErrorInfo, then the RetryInfo if any). Without an attached reason, the reason is the
// code's name ("NOT_FOUND").
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace accord::rpc

#endif  // ACCORD_COMMON_RPC_STATUS_H_
