#include "query-service/story_reader.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/rpc/status.h"
#include "common/store/schema.h"
#include "common/util/hash.h"
#include "common/util/untrusted_text.h"

namespace accord::query {
namespace {

absl::StatusOr<size_t> MaxItems(int32_t requested, absl::string_view field,
                                absl::string_view reason) {
  if (requested == 0) return kDefaultStoryItems;
  if (requested > 0 && requested <= kMaxStoryItems) {
    return static_cast<size_t>(requested);
  }
  return rpc::WithErrorInfo(
      absl::InvalidArgumentError(
          absl::StrCat(field, " is ", requested, "; give 1 to ", kMaxStoryItems,
                       ", or 0 for ", kDefaultStoryItems)),
      reason,
      {{std::string(field), absl::StrCat(requested)},
       {"max_allowed", absl::StrCat(kMaxStoryItems)}});
}

}  // namespace

absl::StatusOr<accord::v1::GetEventResponse> StoryReader::GetEvent(
    const accord::v1::GetEventRequest& request,
    const CallDeadline& deadline) const {
  if (!store::IsValidEventId(request.event_id())) {
    const std::string shown = EscapeUntrusted(request.event_id());
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError(absl::StrCat(
            "event id \"", shown,
            "\" is not ev-<document id: 32 lowercase hex digits>-<mention "
            "index>")),
        "INVALID_EVENT_ID", {{"event_id", shown}});
  }
  absl::StatusOr<size_t> max_reports =
      MaxItems(request.max_reports(), "max_reports", "INVALID_MAX_REPORTS");
  if (!max_reports.ok()) return max_reports.status();
  absl::StatusOr<std::shared_ptr<const store::Store>> store =
      follower_->AvailableStore();
  if (!store.ok()) {
    return rpc::WithErrorInfo(store.status(), "STORE_UNAVAILABLE");
  }
  absl::StatusOr<accord::v1::Event> event =
      (*store)->GetEvent(request.event_id(), *max_reports, deadline);
  if (absl::IsNotFound(event.status())) {
    return rpc::WithErrorInfo(absl::NotFoundError(absl::StrCat(
                                  "event ", request.event_id(), " not found")),
                              "EVENT_NOT_FOUND",
                              {{"event_id", request.event_id()}});
  }
  if (!event.ok()) return event.status();
  accord::v1::GetEventResponse response;
  *response.mutable_event() = *std::move(event);
  return response;
}

absl::StatusOr<accord::v1::GetStoryResponse> StoryReader::GetStory(
    const accord::v1::GetStoryRequest& request,
    const CallDeadline& deadline) const {
  if (request.story_id().empty() == request.document_id().empty()) {
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError(
            "give exactly one of story_id and document_id"),
        "STORY_SELECTOR");
  }
  if (!request.story_id().empty() &&
      !store::IsValidStoryId(request.story_id())) {
    const std::string shown = EscapeUntrusted(request.story_id());
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError(absl::StrCat(
            "story id \"", shown,
            "\" is not st-<document id: 32 lowercase hex digits>")),
        "INVALID_STORY_ID", {{"story_id", shown}});
  }
  if (!request.document_id().empty() &&
      !IsLowerHex(request.document_id(), store::kDocumentIdLength)) {
    const std::string shown = EscapeUntrusted(request.document_id());
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError(
            absl::StrCat("document id \"", shown, "\" is not ",
                         store::kDocumentIdLength, " lowercase hex digits")),
        "INVALID_DOCUMENT_ID", {{"document_id", shown}});
  }
  absl::StatusOr<size_t> max_members =
      MaxItems(request.max_members(), "max_members", "INVALID_MAX_MEMBERS");
  if (!max_members.ok()) return max_members.status();
  absl::StatusOr<std::shared_ptr<const store::Store>> store =
      follower_->AvailableStore();
  if (!store.ok()) {
    return rpc::WithErrorInfo(store.status(), "STORE_UNAVAILABLE");
  }
  std::string story_id = request.story_id();
  if (story_id.empty()) {
    absl::StatusOr<std::string> of_document =
        (*store)->StoryOfDocument(request.document_id());
    if (absl::IsNotFound(of_document.status())) {
      return rpc::WithErrorInfo(
          absl::NotFoundError(absl::StrCat(
              "document ", request.document_id(),
              " is in no story: it is not stored, or was stored without "
              "understanding")),
          "STORY_NOT_FOUND", {{"document_id", request.document_id()}});
    }
    if (!of_document.ok()) return of_document.status();
    story_id = *std::move(of_document);
  }
  absl::StatusOr<accord::v1::Story> story =
      (*store)->GetStory(story_id, *max_members, deadline);
  if (absl::IsNotFound(story.status())) {
    return rpc::WithErrorInfo(
        absl::NotFoundError(absl::StrCat("story ", story_id, " not found")),
        "STORY_NOT_FOUND", {{"story_id", story_id}});
  }
  if (!story.ok()) return story.status();
  accord::v1::GetStoryResponse response;
  *response.mutable_story() = *std::move(story);
  return response;
}

}  // namespace accord::query
