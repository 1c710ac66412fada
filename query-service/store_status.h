// QueryService.GetStoreStatus without the network: how current this
// query-service's view of the store is (common/store/follower.h).
#ifndef ACCORD_QUERY_SERVICE_STORE_STATUS_H_
#define ACCORD_QUERY_SERVICE_STORE_STATUS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "accord/v1/query_service.pb.h"
#include "common/store/follower.h"

namespace accord::query {

// The follower's status at `now`. An unopened store is a status to report
// (store_open false, the reason in last_error), not an error; errors are
// only failures to read the open store.
absl::StatusOr<accord::v1::GetStoreStatusResponse> GetStoreStatus(
    const store::Follower& follower, absl::Time now);

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_STORE_STATUS_H_
