#include "common/parse/reject.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"

namespace accord {
namespace {
constexpr absl::string_view kRejectReasonUrl =
    "type.googleapis.com/accord.v1.RejectReason";
}  // namespace

absl::Status RejectError(accord::v1::RejectReason reason,
                         absl::string_view message) {
  absl::Status status = absl::InvalidArgumentError(message);
  status.SetPayload(kRejectReasonUrl, absl::Cord(std::to_string(reason)));
  return status;
}

accord::v1::RejectReason RejectReasonOf(const absl::Status& status) {
  absl::optional<absl::Cord> payload = status.GetPayload(kRejectReasonUrl);
  int value = 0;
  if (!payload || !absl::SimpleAtoi(std::string(*payload), &value) ||
      !accord::v1::RejectReason_IsValid(value)) {
    return accord::v1::REJECT_REASON_UNSPECIFIED;
  }
  return static_cast<accord::v1::RejectReason>(value);
}

}  // namespace accord
