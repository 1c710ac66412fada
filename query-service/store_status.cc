#include "query-service/store_status.h"

#include <memory>

#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace accord::query {
namespace {

void SetDuration(absl::Duration duration, google::protobuf::Duration* out) {
  const int64_t nanos = absl::ToInt64Nanoseconds(duration);
  out->set_seconds(nanos / 1'000'000'000);
  out->set_nanos(static_cast<int32_t>(nanos % 1'000'000'000));
}

}  // namespace

absl::StatusOr<accord::v1::GetStoreStatusResponse> GetStoreStatus(
    const store::Follower& follower, absl::Time now) {
  const store::FollowerStatus status = follower.Status();
  accord::v1::GetStoreStatusResponse response;
  response.set_store_open(status.store_open);
  SetDuration(follower.options().catch_up_interval,
              response.mutable_catch_up_interval());
  SetDuration(follower.options().max_catch_up_lag,
              response.mutable_max_catch_up_lag());
  if (!status.last_error.ok()) {
    response.set_last_error(status.last_error.ToString());
  }
  if (!status.store_open) return response;

  const int64_t micros = absl::ToUnixMicros(status.caught_up_time);
  response.mutable_caught_up_time()->set_seconds(micros / 1'000'000);
  response.mutable_caught_up_time()->set_nanos(
      static_cast<int32_t>(micros % 1'000'000) * 1000);
  SetDuration(now - status.caught_up_time, response.mutable_catch_up_lag());
  std::shared_ptr<const store::Store> store = follower.store();
  absl::StatusOr<uint64_t> count = store->DocumentCount();
  if (!count.ok()) return count.status();
  response.set_document_count(*count);
  return response;
}

}  // namespace accord::query
