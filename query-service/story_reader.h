// StoryReader: GetEvent and GetStory for query-service, over a Follower.
//
// Validates the request (ids' form, how many reports or members), reads
// the event or story from the store (Store::GetEvent, Store::GetStory,
// docs/STORAGE.md "Events and stories") and gives every failure an
// ErrorInfo reason, so the gRPC adapter only converts. Thread-safe.
//
//   StoryReader stories(&follower);
//   absl::StatusOr<accord::v1::GetStoryResponse> response =
//       stories.GetStory(request, rpc::DeadlineOf(context));
#ifndef ACCORD_QUERY_SERVICE_STORY_READER_H_
#define ACCORD_QUERY_SERVICE_STORY_READER_H_

#include "absl/status/statusor.h"
#include "accord/v1/query_service.pb.h"
#include "common/store/follower.h"
#include "common/util/call_deadline.h"

namespace accord::query {

// GetEventRequest.max_reports and GetStoryRequest.max_members: the
// default (when 0) and the most.
inline constexpr int kDefaultStoryItems = 100;
inline constexpr int kMaxStoryItems = 1000;

class StoryReader {
 public:
  // `follower` must outlive the reader.
  explicit StoryReader(const store::Follower* follower) : follower_(follower) {}

  // INVALID_ARGUMENT (INVALID_EVENT_ID, INVALID_MAX_REPORTS), NOT_FOUND
  // (EVENT_NOT_FOUND), UNAVAILABLE (STORE_UNAVAILABLE), DEADLINE_EXCEEDED
  // or CANCELLED when `deadline` stops the read of a much-reported event.
  absl::StatusOr<accord::v1::GetEventResponse> GetEvent(
      const accord::v1::GetEventRequest& request,
      const CallDeadline& deadline) const;

  // INVALID_ARGUMENT (STORY_SELECTOR: neither or both of story_id and
  // document_id; INVALID_STORY_ID, INVALID_DOCUMENT_ID,
  // INVALID_MAX_MEMBERS), NOT_FOUND (STORY_NOT_FOUND: no such story, or
  // the document is not stored or was stored without understanding),
  // UNAVAILABLE (STORE_UNAVAILABLE), DEADLINE_EXCEEDED or CANCELLED.
  absl::StatusOr<accord::v1::GetStoryResponse> GetStory(
      const accord::v1::GetStoryRequest& request,
      const CallDeadline& deadline) const;

 private:
  const store::Follower* const follower_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_STORY_READER_H_
