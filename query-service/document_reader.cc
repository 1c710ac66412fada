#include "query-service/document_reader.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/status.h"
#include "common/store/schema.h"
#include "common/util/hash.h"
#include "common/util/untrusted_text.h"

namespace accord::query {
namespace {

absl::Status CheckDocumentId(absl::string_view id) {
  if (IsLowerHex(id, store::kDocumentIdLength)) return absl::OkStatus();
  const std::string shown = EscapeUntrusted(id);
  return rpc::WithErrorInfo(
      absl::InvalidArgumentError(
          absl::StrCat("document id \"", shown, "\" is not ",
                       store::kDocumentIdLength, " lowercase hex digits")),
      "INVALID_DOCUMENT_ID", {{"document_id", shown}});
}

absl::Status DocumentNotFound(absl::string_view id) {
  return rpc::WithErrorInfo(
      absl::NotFoundError(absl::StrCat("document ", id, " not found")),
      "DOCUMENT_NOT_FOUND", {{"document_id", std::string(id)}});
}

}  // namespace

absl::StatusOr<std::shared_ptr<const store::Store>> DocumentReader::Store()
    const {
  absl::StatusOr<std::shared_ptr<const store::Store>> store =
      follower_->AvailableStore();
  if (!store.ok())
    return rpc::WithErrorInfo(store.status(), "STORE_UNAVAILABLE");
  return store;
}

absl::StatusOr<accord::v1::GetDocumentResponse> DocumentReader::GetDocument(
    const accord::v1::GetDocumentRequest& request) const {
  if (absl::Status id = CheckDocumentId(request.document_id()); !id.ok()) {
    return id;
  }
  absl::StatusOr<std::shared_ptr<const store::Store>> store = Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<accord::v1::Document> document =
      (*store)->GetDocument(request.document_id());
  if (absl::IsNotFound(document.status())) {
    return DocumentNotFound(request.document_id());
  }
  if (!document.ok()) return document.status();
  accord::v1::GetDocumentResponse response;
  *response.mutable_document() = *std::move(document);
  if (request.include_raw_content()) {
    absl::StatusOr<std::string> raw =
        (*store)->GetRawContentOf(response.document().sequence());
    if (!raw.ok()) return raw.status();
    response.set_raw_content(*std::move(raw));
  }
  return response;
}

absl::StatusOr<accord::v1::BatchGetDocumentsResponse>
DocumentReader::BatchGetDocuments(
    const accord::v1::BatchGetDocumentsRequest& request) const {
  if (request.document_ids_size() == 0) {
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError("document_ids is empty"), "EMPTY_REQUEST");
  }
  if (request.document_ids_size() > kMaxBatchGetIds) {
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError(absl::StrCat(request.document_ids_size(),
                                                " ids requested; at most ",
                                                kMaxBatchGetIds, " per call")),
        "TOO_MANY_IDS", {{"max_ids", absl::StrCat(kMaxBatchGetIds)}});
  }
  std::vector<std::string> ids(request.document_ids().begin(),
                               request.document_ids().end());
  for (const std::string& id : ids) {
    if (absl::Status valid = CheckDocumentId(id); !valid.ok()) return valid;
  }
  absl::StatusOr<std::shared_ptr<const store::Store>> store = Store();
  if (!store.ok()) return store.status();
  std::vector<absl::StatusOr<accord::v1::Document>> documents =
      (*store)->GetDocuments(ids);
  accord::v1::BatchGetDocumentsResponse response;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (documents[i].ok()) {
      *response.add_documents() = *std::move(documents[i]);
    } else if (absl::IsNotFound(documents[i].status())) {
      response.add_missing_ids(ids[i]);
    } else {
      return documents[i].status();
    }
  }
  return response;
}

}  // namespace accord::query
