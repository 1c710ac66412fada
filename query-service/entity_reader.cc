#include "query-service/entity_reader.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/rpc/status.h"
#include "common/store/schema.h"
#include "common/util/untrusted_text.h"

namespace accord::query {
namespace {

absl::Status CheckEntityId(absl::string_view id) {
  if (store::IsValidEntityId(id)) return absl::OkStatus();
  const std::string shown = EscapeUntrusted(id);
  return rpc::WithErrorInfo(
      absl::InvalidArgumentError(absl::StrCat(
          "entity id \"", shown,
          "\" is not <kind>/<key> (lowercase kind, a slash, a key of "
          "printable ASCII without spaces, at most ",
          store::kMaxEntityIdLength, " bytes), e.g. \"country/VN\"")),
      "INVALID_ENTITY_ID", {{"entity_id", shown}});
}

absl::StatusOr<size_t> MaxDocuments(int32_t requested) {
  if (requested == 0) return kDefaultEntityDocuments;
  if (requested > 0 && requested <= kMaxEntityDocuments) {
    return static_cast<size_t>(requested);
  }
  return rpc::WithErrorInfo(
      absl::InvalidArgumentError(absl::StrCat(
          "max_documents is ", requested, "; give 1 to ", kMaxEntityDocuments,
          ", or 0 for ", kDefaultEntityDocuments)),
      "INVALID_MAX_DOCUMENTS",
      {{"max_documents", absl::StrCat(requested)},
       {"max_allowed", absl::StrCat(kMaxEntityDocuments)}});
}

}  // namespace

absl::StatusOr<accord::v1::GetEntityResponse> EntityReader::GetEntity(
    const accord::v1::GetEntityRequest& request,
    const CallDeadline& deadline) const {
  if (absl::Status id = CheckEntityId(request.entity_id()); !id.ok()) {
    return id;
  }
  absl::StatusOr<size_t> max_documents = MaxDocuments(request.max_documents());
  if (!max_documents.ok()) return max_documents.status();
  absl::StatusOr<std::shared_ptr<const store::Store>> store =
      follower_->AvailableStore();
  if (!store.ok()) {
    return rpc::WithErrorInfo(store.status(), "STORE_UNAVAILABLE");
  }
  absl::StatusOr<accord::v1::Entity> entity =
      (*store)->GetEntity(request.entity_id(), *max_documents, deadline);
  if (absl::IsNotFound(entity.status())) {
    return rpc::WithErrorInfo(
        absl::NotFoundError(
            absl::StrCat("entity ", request.entity_id(), " not found")),
        "ENTITY_NOT_FOUND", {{"entity_id", request.entity_id()}});
  }
  if (!entity.ok()) return entity.status();
  accord::v1::GetEntityResponse response;
  *response.mutable_entity() = *std::move(entity);
  return response;
}

}  // namespace accord::query
