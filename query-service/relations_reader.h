// RelationsReader: GetRelations for query-service, over a Follower.
//
// An entity's relations come from two reads, both bounded and both taken
// from the snapshot of the listing's first page:
//   cooperation    the events it takes part in (the `p` event lookups,
//                  which hold the countries participants act for too):
//                  every other participant, and every country another
//                  participant acts for, shares that event, with its
//                  topics and date;
//   co-occurrence  its most recent documents: every other entity they
//                  mention shares that document.
// Relations are ordered by shared events, then shared documents, then id.
// Every failure carries an ErrorInfo reason, so the gRPC adapter only
// converts. Thread-safe.
//
//   RelationsReader relations(&follower);
//   absl::StatusOr<accord::v1::GetRelationsResponse> response =
//       relations.GetRelations(request, rpc::DeadlineOf(context));
#ifndef ACCORD_QUERY_SERVICE_RELATIONS_READER_H_
#define ACCORD_QUERY_SERVICE_RELATIONS_READER_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "accord/v1/query_service.pb.h"
#include "common/store/follower.h"
#include "common/util/call_deadline.h"

namespace accord::query {

struct RelationsOptions {
  // Events of the entity read. Default: 1,000.
  size_t max_events = 1000;
  // Most recent documents of the entity read. Default: 500.
  size_t max_documents = 500;
};

// GetRelationsRequest: page_size and max_evidence, the default (when 0)
// and the most.
inline constexpr int kDefaultRelationsPageSize = 20;
inline constexpr int kMaxRelationsPageSize = 100;
inline constexpr int kDefaultRelationEvidence = 5;
inline constexpr int kMaxRelationEvidence = 100;

class RelationsReader {
 public:
  // `follower` must outlive the reader.
  explicit RelationsReader(const store::Follower* follower,
                           RelationsOptions options = RelationsOptions())
      : follower_(follower), options_(options) {}

  // INVALID_ARGUMENT (INVALID_ENTITY_ID, INVALID_FILTER, INVALID_PAGE_SIZE,
  // INVALID_MAX_EVIDENCE, INVALID_PAGE_TOKEN), NOT_FOUND (ENTITY_NOT_FOUND),
  // UNAVAILABLE (STORE_UNAVAILABLE), DEADLINE_EXCEEDED or CANCELLED.
  absl::StatusOr<accord::v1::GetRelationsResponse> GetRelations(
      const accord::v1::GetRelationsRequest& request,
      const CallDeadline& deadline) const;

 private:
  const store::Follower* const follower_;
  const RelationsOptions options_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_RELATIONS_READER_H_
