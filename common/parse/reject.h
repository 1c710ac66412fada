// Rejections of submitted documents as absl::Status values.
//
// A document the service cannot take is reported per item in the bundle
// (DocumentResult.reject_reason), not as a failed RPC. The parse and ingest
// layers return an absl::Status whose payload carries the RejectReason, so
// the reason travels with the message through ordinary Status plumbing.
#ifndef ACCORD_COMMON_PARSE_REJECT_H_
#define ACCORD_COMMON_PARSE_REJECT_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "accord/v1/bundle.pb.h"

namespace accord {

// Returns an InvalidArgument status that carries `reason`.
absl::Status RejectError(accord::v1::RejectReason reason,
                         absl::string_view message);

// The reason carried by `status`, or REJECT_REASON_UNSPECIFIED.
accord::v1::RejectReason RejectReasonOf(const absl::Status& status);

}  // namespace accord

#endif  // ACCORD_COMMON_PARSE_REJECT_H_
