#include "query-service/entity_reader.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/index/varint.h"
#include "common/rpc/status.h"
#include "common/store/schema.h"
#include "common/util/hash.h"
#include "common/util/untrusted_text.h"
#include "query-service/entity_search.h"
#include "query-service/search/page_token.h"

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

absl::StatusOr<size_t> MaxDocuments(int32_t requested, int default_documents,
                                    int max_documents) {
  if (requested == 0) return default_documents;
  if (requested > 0 && requested <= max_documents) {
    return static_cast<size_t>(requested);
  }
  return rpc::WithErrorInfo(
      absl::InvalidArgumentError(
          absl::StrCat("max_documents is ", requested, "; give 1 to ",
                       max_documents, ", or 0 for ", default_documents)),
      "INVALID_MAX_DOCUMENTS",
      {{"max_documents", absl::StrCat(requested)},
       {"max_allowed", absl::StrCat(max_documents)}});
}

absl::Status Invalid(absl::string_view reason, absl::string_view message,
                     std::map<std::string, std::string> metadata = {}) {
  return rpc::WithErrorInfo(absl::InvalidArgumentError(message), reason,
                            std::move(metadata));
}

absl::Status CheckSearchRequest(
    const accord::v1::SearchEntitiesRequest& request) {
  if (request.query().empty()) {
    return Invalid("INVALID_QUERY",
                   "query is required: a name or the beginning of one");
  }
  if (request.query().size() > kMaxEntityQueryBytes) {
    return Invalid("INVALID_QUERY",
                   absl::StrCat("query is ", request.query().size(),
                                " bytes; names are looked up with at most ",
                                kMaxEntityQueryBytes),
                   {{"max_bytes", absl::StrCat(kMaxEntityQueryBytes)}});
  }
  for (int kind : request.kinds()) {
    if (kind == accord::v1::ENTITY_KIND_UNSPECIFIED ||
        store::EntityIdKind(static_cast<accord::v1::EntityKind>(kind))
            .empty()) {
      return Invalid(
          "INVALID_FILTER",
          absl::StrCat("kinds: ", kind, " is not an entity kind to search for"),
          {{"field", "kinds"}});
    }
  }
  if (request.page_size() < 0) {
    return Invalid("INVALID_PAGE_SIZE", "page_size must not be negative",
                   {{"field", "page_size"}});
  }
  return absl::OkStatus();
}

// SHA-256 (hex, 16 digits) over what defines the list of matches: the
// query and the kinds, not the paging fields or max_documents.
std::string SearchFingerprint(
    const accord::v1::SearchEntitiesRequest& request) {
  // Length-prefixed fields after a name no other listing's fingerprint
  // starts with: a token of another listing never fits this one.
  std::string canonical = "SearchEntities";
  index::PutString(request.query(), &canonical);
  index::PutVarint32(static_cast<uint32_t>(request.kinds_size()), &canonical);
  for (int kind : request.kinds()) {
    index::PutVarint32(static_cast<uint32_t>(kind), &canonical);
  }
  return Sha256Hex(canonical).substr(0, 16);
}

accord::v1::NameMatchType ProtoMatchType(NameMatch match) {
  switch (match) {
    case NameMatch::kExact:
      return accord::v1::NAME_MATCH_TYPE_EXACT;
    case NameMatch::kPrefix:
      return accord::v1::NAME_MATCH_TYPE_PREFIX;
    case NameMatch::kFuzzy:
      return accord::v1::NAME_MATCH_TYPE_FUZZY;
  }
  return accord::v1::NAME_MATCH_TYPE_UNSPECIFIED;
}

}  // namespace

absl::StatusOr<accord::v1::GetEntityResponse> EntityReader::GetEntity(
    const accord::v1::GetEntityRequest& request,
    const CallDeadline& deadline) const {
  if (absl::Status id = CheckEntityId(request.entity_id()); !id.ok()) {
    return id;
  }
  absl::StatusOr<size_t> max_documents = MaxDocuments(
      request.max_documents(), kDefaultEntityDocuments, kMaxEntityDocuments);
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

absl::StatusOr<accord::v1::SearchEntitiesResponse> EntityReader::SearchEntities(
    const accord::v1::SearchEntitiesRequest& request,
    const CallDeadline& deadline) const {
  if (absl::Status valid = CheckSearchRequest(request); !valid.ok()) {
    return valid;
  }
  absl::StatusOr<size_t> max_documents = MaxDocuments(
      request.max_documents(), kDefaultMatchDocuments, kMaxMatchDocuments);
  if (!max_documents.ok()) return max_documents.status();
  absl::StatusOr<std::shared_ptr<const store::Store>> store =
      follower_->AvailableStore();
  if (!store.ok()) {
    return rpc::WithErrorInfo(store.status(), "STORE_UNAVAILABLE");
  }

  const std::string fingerprint = SearchFingerprint(request);
  absl::StatusOr<uint64_t> count = (*store)->DocumentCount();
  if (!count.ok()) return count.status();
  absl::StatusOr<PageToken> resolved =
      ResolvePage(request.page_token(), *count, fingerprint);
  if (!resolved.ok()) return resolved.status();
  const PageToken& page = *resolved;

  EntitySearchOptions options;
  options.before_sequence = page.snapshot;
  for (int kind : request.kinds()) {
    options.kinds.push_back(static_cast<accord::v1::EntityKind>(kind));
  }
  absl::StatusOr<std::vector<EntityNameMatch>> matches =
      FindEntitiesByName(**store, request.query(), kMaxEntityMatches, options);
  if (absl::IsInvalidArgument(matches.status())) {
    return Invalid("INVALID_QUERY", matches.status().message(),
                   {{"query", EscapeUntrusted(request.query(), 200)}});
  }
  if (!matches.ok()) return matches.status();

  const int page_size = request.page_size() == 0
                            ? kDefaultEntityPageSize
                            : std::min(request.page_size(), kMaxEntityPageSize);
  const uint64_t end =
      std::min<uint64_t>(matches->size(), page.offset + page_size);
  accord::v1::SearchEntitiesResponse response;
  response.set_total_size(static_cast<int64_t>(matches->size()));
  for (uint64_t i = page.offset; i < end; ++i) {
    const EntityNameMatch& match = (*matches)[i];
    absl::StatusOr<accord::v1::Entity> entity =
        (*store)->GetEntity(match.entity_id, *max_documents, deadline);
    if (!entity.ok()) {
      if (absl::IsNotFound(entity.status())) {
        // Its alias is stored, so the record was written in the same batch.
        return absl::DataLossError(
            absl::StrCat("entity ", match.entity_id,
                         " is named in entity_aliases but not stored"));
      }
      return entity.status();
    }
    accord::v1::EntityMatch* out = response.add_matches();
    *out->mutable_entity() = *std::move(entity);
    out->set_matched_name(match.alias_key);
    out->set_match_type(ProtoMatchType(match.match));
    out->set_edits(match.edits);
  }
  if (end < matches->size()) {
    response.set_next_page_token(
        EncodePageToken({page.snapshot, end, fingerprint}));
  }
  return response;
}

}  // namespace accord::query
