#include "common/store/internal/event_writes.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/store/rocks_status.h"
#include "common/store/schema.h"

namespace accord::store::internal {

absl::Status CheckPendingEventsAndStory(const PendingDocument& pending) {
  const accord::v1::Document& document = pending.document();
  for (const PendingEventReport& event : pending.events) {
    const accord::v1::EventReport& report = event.report;
    if (!IsValidEventId(event.event_id)) {
      return absl::InvalidArgumentError(
          absl::StrCat("event id \"", event.event_id, "\" is malformed"));
    }
    if (report.document_id() != document.id()) {
      return absl::InvalidArgumentError(
          absl::StrCat("event ", event.event_id, ": a report of document ",
                       report.document_id(), " carried by ", document.id()));
    }
    if (report.mention_index() >=
        static_cast<uint32_t>(document.events_size())) {
      return absl::InvalidArgumentError(absl::StrCat(
          "event ", event.event_id, ": mention ", report.mention_index(),
          " of a document with ", document.events_size()));
    }
    if (event.creates &&
        event.event_id != EventIdOf(document.id(), report.mention_index())) {
      return absl::InvalidArgumentError(
          absl::StrCat("event ", event.event_id, " is created by mention ",
                       report.mention_index(), " of ", document.id(),
                       ", whose id it is not"));
    }
  }
  if (pending.story.has_value()) {
    const PendingStoryMember& story = *pending.story;
    if (!IsValidStoryId(story.story_id)) {
      return absl::InvalidArgumentError(
          absl::StrCat("story id \"", story.story_id, "\" is malformed"));
    }
    if (story.member.document_id() != document.id()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "story ", story.story_id, ": member ", story.member.document_id(),
          " carried by ", document.id()));
    }
    for (const accord::v1::StoryMerge& merge : story.merges) {
      if (!IsValidStoryId(merge.absorbed_story_id()) ||
          merge.into_story_id() != story.story_id ||
          merge.absorbed_story_id() == story.story_id) {
        return absl::InvalidArgumentError(
            absl::StrCat("story ", story.story_id, ": a merge of \"",
                         merge.absorbed_story_id(), "\" into \"",
                         merge.into_story_id(), "\""));
      }
    }
  }
  return absl::OkStatus();
}

void AddEventsAndStory(const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
                       const PendingDocument& pending, uint64_t sequence,
                       rocksdb::WriteBatch* batch) {
  auto handle = [&](Family family) {
    return handles[static_cast<int>(family)];
  };
  std::string value;
  for (const PendingEventReport& event : pending.events) {
    if (event.creates) {
      accord::v1::Event record;
      record.set_id(event.event_id);
      record.set_type(event.report.mention().type());
      record.SerializeToString(&value);
      batch->Put(handle(Family::kEvents), event.event_id, value);
    }
    event.report.SerializeToString(&value);
    batch->Put(
        handle(Family::kEventReports),
        EventReportKey(event.event_id, sequence, event.report.mention_index()),
        value);
    for (const std::string& prefix : EventLookupPrefixes(event.report)) {
      batch->Put(handle(Family::kEventLookup),
                 EventLookupKey(prefix, sequence, event.event_id), "");
    }
  }
  if (!pending.story.has_value()) return;
  const PendingStoryMember& story = *pending.story;
  story.member.SerializeToString(&value);
  batch->Put(handle(Family::kStoryMembers),
             StoryMemberKey(story.story_id, sequence), value);
  batch->Put(handle(Family::kDocumentStories), pending.document().id(),
             story.story_id);
  for (const accord::v1::StoryMerge& merge : story.merges) {
    merge.SerializeToString(&value);
    batch->Put(handle(Family::kStoryMerges),
               StoryRedirectKey(merge.absorbed_story_id()), value);
    batch->Put(
        handle(Family::kStoryMerges),
        StoryAbsorbedKey(merge.into_story_id(), merge.absorbed_story_id()),
        value);
  }
}

}  // namespace accord::store::internal
