// The one place where absl::Status becomes grpc::Status.
//
// Every error an Accord service returns carries a google.rpc.Status in the
// grpc-status-details-bin trailer with one google.rpc.ErrorInfo: a
// machine-readable `reason` (UPPER_SNAKE_CASE), the domain "accord.v1",
// and metadata that names the offending input. Libraries attach the reason
// to an absl::Status with WithErrorInfo; the RPC edge calls ToGrpcStatus.
#ifndef ACCORD_COMMON_RPC_STATUS_H_
#define ACCORD_COMMON_RPC_STATUS_H_

#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"

namespace accord::rpc {

inline constexpr absl::string_view kErrorDomain = "accord.v1";

// Returns `status` with an ErrorInfo reason and metadata attached.
absl::Status WithErrorInfo(
    absl::Status status, absl::string_view reason,
    const std::map<std::string, std::string>& metadata = {});

// The ErrorInfo reason attached by WithErrorInfo, or "" if none.
std::string ErrorReasonOf(const absl::Status& status);

// Converts to a grpc::Status with the same code and message and a
// google.rpc.Status detail. Without an attached reason, the reason is the
// code's name ("NOT_FOUND").
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace accord::rpc

#endif  // ACCORD_COMMON_RPC_STATUS_H_
