// Page tokens of SearchDocuments, SearchEntities and ListEvents: opaque to
// clients, they pin a listing to the snapshot its first page read (the
// store's document count then), so that later pages neither repeat nor
// skip results while new documents arrive.
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

// The page a request reads: the first, at the snapshot `document_count`
// (offset 0), when `page_token` is empty; else the one the token
// continues. INVALID_ARGUMENT with ErrorInfo reason INVALID_PAGE_TOKEN
// when the token is not one this service issued, belongs to a request
// with another `fingerprint` (other query or filters), or names a
// snapshot past `document_count`.
absl::StatusOr<PageToken> ResolvePage(absl::string_view page_token,
                                      uint64_t document_count,
                                      absl::string_view fingerprint);

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_PAGE_TOKEN_H_
