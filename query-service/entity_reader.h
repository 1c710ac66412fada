// EntityReader: GetEntity and SearchEntities for query-service, over a
// Follower.
//
// Validates the request (the entity id's form, the query, kinds, paging),
// reads the entities from the store (Store::GetEntity, docs/STORAGE.md
// "Entities"; names through query-service/entity_search.h) and gives every
// failure an ErrorInfo reason, so the gRPC adapter only converts.
// Thread-safe.
//
//   EntityReader entities(&follower);
//   absl::StatusOr<accord::v1::GetEntityResponse> response =
//       entities.GetEntity(request, rpc::DeadlineOf(context));
#ifndef ACCORD_QUERY_SERVICE_ENTITY_READER_H_
#define ACCORD_QUERY_SERVICE_ENTITY_READER_H_

#include "absl/status/statusor.h"
#include "accord/v1/query_service.pb.h"
#include "common/store/follower.h"
#include "common/util/call_deadline.h"

namespace accord::query {

// GetEntityRequest.max_documents: the default (when 0) and the most.
inline constexpr int kDefaultEntityDocuments = 100;
inline constexpr int kMaxEntityDocuments = 1000;

// SearchEntitiesRequest: page_size and max_documents, the default (when 0)
// and the most; the longest query; how many matches one search lists over
// all its pages.
inline constexpr int kDefaultEntityPageSize = 10;
inline constexpr int kMaxEntityPageSize = 100;
inline constexpr int kDefaultMatchDocuments = 10;
inline constexpr int kMaxMatchDocuments = 100;
inline constexpr size_t kMaxEntityQueryBytes = 200;
inline constexpr size_t kMaxEntityMatches = 1000;

class EntityReader {
 public:
  // `follower` must outlive the reader.
  explicit EntityReader(const store::Follower* follower)
      : follower_(follower) {}

  // INVALID_ARGUMENT (INVALID_ENTITY_ID, INVALID_MAX_DOCUMENTS), NOT_FOUND
  // (ENTITY_NOT_FOUND), UNAVAILABLE (STORE_UNAVAILABLE), DEADLINE_EXCEEDED
  // or CANCELLED when `deadline` stops the read of a much-mentioned entity.
  absl::StatusOr<accord::v1::GetEntityResponse> GetEntity(
      const accord::v1::GetEntityRequest& request,
      const CallDeadline& deadline) const;

  // The entities whose names match request.query (FindEntitiesByName), a
  // page at a time. The first page pins the store's document count in its
  // page token: later pages list only names given by documents before it,
  // so they neither repeat nor skip entities while documents arrive.
  // INVALID_ARGUMENT (INVALID_QUERY, INVALID_FILTER, INVALID_PAGE_SIZE,
  // INVALID_MAX_DOCUMENTS, INVALID_PAGE_TOKEN), UNAVAILABLE
  // (STORE_UNAVAILABLE), DEADLINE_EXCEEDED or CANCELLED.
  absl::StatusOr<accord::v1::SearchEntitiesResponse> SearchEntities(
      const accord::v1::SearchEntitiesRequest& request,
      const CallDeadline& deadline) const;

 private:
  const store::Follower* const follower_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_ENTITY_READER_H_
