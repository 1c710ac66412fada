// Page tokens of SearchDocuments: opaque to clients, they pin a search to
// the snapshot its first page read, so that later pages neither repeat nor
// skip documents while new ones arrive.
#ifndef ACCORD_QUERY_SERVICE_SEARCH_PAGE_TOKEN_H_
#define ACCORD_QUERY_SERVICE_SEARCH_PAGE_TOKEN_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "accord/v1/query_service.pb.h"

namespace accord::query {

struct PageToken {
  // Documents with sequence < snapshot are searched.
  uint32_t snapshot = 0;
  // Hits before this page.
  uint64_t offset = 0;
  // Fingerprint of the request fields that define the result list.
  std::string fingerprint;
};

// SHA-256 (hex, 16 digits) over the query and filters of `request`, not its
// paging fields. Stable across processes and versions of the binary.
std::string RequestFingerprint(
    const accord::v1::SearchDocumentsRequest& request);

std::string EncodePageToken(const PageToken& token);
// InvalidArgument for anything EncodePageToken did not produce.
absl::StatusOr<PageToken> DecodePageToken(absl::string_view text);

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_PAGE_TOKEN_H_
