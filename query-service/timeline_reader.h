// TimelineReader: ListEvents for query-service, over a Follower.
//
// Finds the events of a timeline through the store's event lookups
// (docs/STORAGE.md, "Events and stories"): by participant (which holds
// the countries participants act for too), by place and by date; the
// filters given are intersected, then each event is assembled from the
// reports stored before the listing's snapshot, checked against the types
// and dates asked for, and ordered by date. Every failure carries an
// ErrorInfo reason, so the gRPC adapter only converts. Thread-safe.
//
//   TimelineReader timeline(&follower);
//   absl::StatusOr<accord::v1::ListEventsResponse> response =
//       timeline.ListEvents(request, rpc::DeadlineOf(context));
#ifndef ACCORD_QUERY_SERVICE_TIMELINE_READER_H_
#define ACCORD_QUERY_SERVICE_TIMELINE_READER_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "accord/v1/query_service.pb.h"
#include "common/store/follower.h"
#include "common/util/call_deadline.h"

namespace accord::query {

struct TimelineOptions {
  // Events one filter may find (a participant's, a place's, the dates')
  // before the listing is refused as too broad. Default: 50,000.
  size_t max_events_per_filter = 50000;
  // Events read and ordered for one listing, after the filters are
  // intersected. Default: 5,000.
  size_t max_events = 5000;
};

// ListEventsRequest: page_size and max_reports, the default (when 0) and
// the most; the most participant ids.
inline constexpr int kDefaultTimelinePageSize = 20;
inline constexpr int kMaxTimelinePageSize = 100;
inline constexpr int kDefaultTimelineReports = 10;
inline constexpr int kMaxTimelineReports = 100;
inline constexpr int kMaxTimelineParticipants = 10;

class TimelineReader {
 public:
  // `follower` must outlive the reader.
  explicit TimelineReader(const store::Follower* follower,
                          TimelineOptions options = TimelineOptions())
      : follower_(follower), options_(options) {}

  // INVALID_ARGUMENT (FILTER_REQUIRED, INVALID_FILTER, INVALID_PAGE_SIZE,
  // INVALID_MAX_REPORTS, INVALID_PAGE_TOKEN, TOO_MANY_EVENTS when the
  // filters match more events than TimelineOptions allow), UNAVAILABLE
  // (STORE_UNAVAILABLE), DEADLINE_EXCEEDED or CANCELLED.
  absl::StatusOr<accord::v1::ListEventsResponse> ListEvents(
      const accord::v1::ListEventsRequest& request,
      const CallDeadline& deadline) const;

 private:
  const store::Follower* const follower_;
  const TimelineOptions options_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_TIMELINE_READER_H_
