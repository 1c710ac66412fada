// DocumentReader: document lookups for query-service, over a Follower.
//
// Validates ids, bounds batch sizes and gives every failure an ErrorInfo
// reason, so the gRPC adapter only converts. Thread-safe.
#ifndef ACCORD_QUERY_SERVICE_DOCUMENT_READER_H_
#define ACCORD_QUERY_SERVICE_DOCUMENT_READER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "accord/v1/query_service.pb.h"
#include "common/store/follower.h"

namespace accord::query {

// BatchGetDocuments takes at most this many ids.
inline constexpr int kMaxBatchGetIds = 1000;

class DocumentReader {
 public:
  // `follower` must outlive the reader.
  explicit DocumentReader(const store::Follower* follower)
      : follower_(follower) {}

  absl::StatusOr<accord::v1::GetDocumentResponse> GetDocument(
      const accord::v1::GetDocumentRequest& request) const;
  absl::StatusOr<accord::v1::BatchGetDocumentsResponse> BatchGetDocuments(
      const accord::v1::BatchGetDocumentsRequest& request) const;

 private:
  // The store, or UNAVAILABLE while the follower has none.
  absl::StatusOr<std::shared_ptr<const store::Store>> Store() const;

  const store::Follower* const follower_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_DOCUMENT_READER_H_
