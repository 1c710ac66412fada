// Store::GetEvent, FindEventIds, StoryOfDocument and GetStory: events and
// stories assembled from their families (docs/STORAGE.md, "Events and
// stories"). The keys are built in schema.h, the writes in
// internal/event_writes.h.
#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/store/event_view.h"
#include "common/store/internal/rocks.h"
#include "common/store/internal/scan_prefix.h"
#include "common/store/rocks_status.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/util/untrusted_text.h"
#include "rocksdb/iterator.h"

namespace accord::store {
namespace {

// A chain of stories folded into one another is followed this far; a
// longer one means a malformed store.
constexpr int kMaxStoryRedirects = 64;

// How a report's date ranks: a known year before an unknown one, then a
// finer grain (day before week before month before year).
int DateRank(const accord::v1::TemporalExpression& date) {
  const accord::v1::TemporalValue& value = date.value();
  if (value.iso8601().empty()) return -1;
  int grain = 0;
  switch (value.grain()) {
    case accord::v1::GRAIN_DAY:
      grain = 4;
      break;
    case accord::v1::GRAIN_WEEK:
      grain = 3;
      break;
    case accord::v1::GRAIN_MONTH:
      grain = 2;
      break;
    case accord::v1::GRAIN_YEAR:
      grain = 1;
      break;
    default:
      break;
  }
  const bool year_known = value.year() != 0;
  return (year_known ? 10 : 0) + grain;
}

absl::string_view View(const rocksdb::Slice& slice) {
  return absl::string_view(slice.data(), slice.size());
}

absl::Status MalformedEvent(absl::string_view id, absl::string_view what) {
  return absl::DataLossError(absl::StrCat("event ", id, ": ", what));
}

absl::Status MalformedStory(absl::string_view id, absl::string_view what) {
  return absl::DataLossError(absl::StrCat("story ", id, ": ", what));
}

// Adds one report's slots to the event being assembled.
void AddReportSlots(const accord::v1::EventReport& report, int* best_date_rank,
                    absl::flat_hash_map<std::string, int>* participant_index,
                    absl::btree_set<std::string>* topics,
                    accord::v1::Event* event) {
  const accord::v1::EventMention& mention = report.mention();
  if (mention.has_date()) {
    const int rank = DateRank(mention.date());
    if (rank > *best_date_rank) {
      *best_date_rank = rank;
      *event->mutable_date() = mention.date();
      event->set_date_document_id(report.document_id());
    }
  }
  if (mention.has_place() && !event->has_place()) {
    *event->mutable_place() = mention.place();
    event->set_place_document_id(report.document_id());
  }
  for (const accord::v1::EventEntity& entity : mention.participants()) {
    auto [it, added] = participant_index->emplace(entity.entity_id(),
                                                  event->participants_size());
    accord::v1::EventParticipant* participant;
    if (added) {
      participant = event->add_participants();
      participant->set_entity_id(entity.entity_id());
      participant->set_name(entity.name());
      participant->set_kind(entity.kind());
    } else {
      participant = event->mutable_participants(it->second);
    }
    participant->set_report_count(participant->report_count() + 1);
    for (const std::string& role : entity.role_ids()) {
      if (std::find(participant->role_ids().begin(),
                    participant->role_ids().end(),
                    role) == participant->role_ids().end()) {
        participant->add_role_ids(role);
      }
    }
    for (const std::string& country : entity.country_ids()) {
      if (std::find(participant->country_ids().begin(),
                    participant->country_ids().end(),
                    country) == participant->country_ids().end()) {
        participant->add_country_ids(country);
      }
    }
  }
  for (const std::string& topic : mention.topic_ids()) topics->insert(topic);
}

}  // namespace

absl::StatusOr<accord::v1::Event> Store::GetEvent(
    absl::string_view id, size_t max_reports, const CallDeadline& deadline,
    uint64_t before_sequence) const {
  if (!IsValidEventId(id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("event id \"", EscapeUntrusted(id),
                     "\" is not ev-<32 hex digits>-<mention index>"));
  }
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  rocksdb::DB* db = rocks->db.get();
  accord::v1::Event event;
  {
    rocksdb::PinnableSlice value;
    rocksdb::Status status =
        db->Get(rocksdb::ReadOptions(), rocks->handle(Family::kEvents),
                ToSlice(id), &value);
    if (status.IsNotFound()) {
      return absl::NotFoundError(absl::StrCat("event ", id, " not found"));
    }
    if (!status.ok()) return FromRocks(status, absl::StrCat("read event ", id));
    if (!event.ParseFromArray(value.data(), static_cast<int>(value.size())) ||
        event.id() != id) {
      return MalformedEvent(id, "the stored record does not parse");
    }
  }
  int best_date_rank = -1;
  absl::flat_hash_map<std::string, int> participant_index;
  absl::btree_set<std::string> topics;
  uint32_t count = 0;
  absl::Status scanned = internal::ScanPrefix(
      db, rocks->handle(Family::kEventReports), EntityKeyPrefix(id),
      absl::StrCat("reading the reports of event ", id), deadline,
      [&](absl::string_view key, absl::string_view value) {
        accord::v1::EventReport report;
        uint64_t sequence = 0;
        // `id \0`, the sequence, the mention index.
        if (key.size() != id.size() + 13 ||
            !DecodeSequence(key.substr(id.size() + 1, 8), &sequence) ||
            !report.ParseFromArray(value.data(),
                                   static_cast<int>(value.size()))) {
          return MalformedEvent(id, "a stored report does not parse");
        }
        if (sequence >= before_sequence) return absl::OkStatus();
        report.set_document_sequence(sequence);
        ++count;
        AddReportSlots(report, &best_date_rank, &participant_index, &topics,
                       &event);
        if (static_cast<size_t>(event.reports_size()) < max_reports) {
          *event.add_reports() = std::move(report);
        }
        return absl::OkStatus();
      });
  if (!scanned.ok()) return scanned;
  if (count == 0) {
    if (before_sequence != std::numeric_limits<uint64_t>::max()) {
      return absl::NotFoundError(absl::StrCat(
          "event ", id, " has no report before sequence ", before_sequence));
    }
    return MalformedEvent(id, "it has no report");
  }
  event.set_report_count(count);
  for (const std::string& topic : topics) event.add_topic_ids(topic);
  return event;
}

absl::StatusOr<std::vector<std::string>> Store::FindEventIds(
    absl::string_view lookup_prefix, size_t max_results,
    bool newest_first) const {
  return NewEventView()->FindEventIds(lookup_prefix, max_results, newest_first);
}

std::unique_ptr<Store::EventView> Store::NewEventView() const {
  return std::unique_ptr<EventView>(new EventView(rocks()));
}

Store::EventView::EventView(std::shared_ptr<const Rocks> rocks)
    : rocks_(std::move(rocks)),
      lookup_(rocks_->db->NewIterator(rocksdb::ReadOptions(),
                                      rocks_->handle(Family::kEventLookup))),
      reports_(rocks_->db->NewIterator(
          rocksdb::ReadOptions(), rocks_->handle(Family::kEventReports))) {}

Store::EventView::~EventView() = default;

absl::StatusOr<std::vector<std::string>> Store::EventView::FindEventIds(
    absl::string_view lookup_prefix, size_t max_results, bool newest_first) {
  std::vector<std::string> found;
  if (lookup_prefix.empty() || lookup_prefix.back() != '\0' ||
      max_results == 0) {
    return found;
  }
  rocksdb::Iterator& it = *lookup_;
  if (newest_first) {
    // The last key under the prefix: every key under it is below
    // `prefix` with its final NUL raised to \1.
    std::string upper(lookup_prefix);
    upper.back() = '\1';
    it.SeekForPrev(upper);
  } else {
    it.Seek(ToSlice(lookup_prefix));
  }
  const size_t max_keys = max_results * kLookupKeysPerResult;
  for (size_t keys = 0;
       it.Valid() && found.size() < max_results && keys < max_keys &&
       it.key().starts_with(ToSlice(lookup_prefix));
       ++keys, newest_first ? it.Prev() : it.Next()) {
    uint64_t sequence = 0;
    absl::string_view id;
    if (!DecodeEventLookupKey(View(it.key()), lookup_prefix.size(), &sequence,
                              &id)) {
      return absl::DataLossError("an event lookup key is malformed");
    }
    if (std::find(found.begin(), found.end(), id) == found.end()) {
      found.emplace_back(id);
    }
  }
  if (!it.status().ok()) {
    return FromRocks(it.status(), "reading the event lookup");
  }
  return found;
}

absl::Status Store::EventView::CollectEventIds(
    absl::string_view lower, absl::string_view upper, uint64_t before_sequence,
    size_t max_ids, const CallDeadline& deadline,
    absl::flat_hash_set<std::string>* ids) {
  if (lower.empty() || upper <= lower) return absl::OkStatus();
  rocksdb::Iterator& it = *lookup_;
  const rocksdb::Slice upper_slice(upper.data(), upper.size());
  size_t keys = 0;
  for (it.Seek(ToSlice(lower)); it.Valid() && it.key().compare(upper_slice) < 0;
       it.Next()) {
    if (++keys % 1024 == 0) {
      if (absl::Status go_on = deadline.Check("listing events"); !go_on.ok()) {
        return go_on;
      }
    }
    const absl::string_view key = View(it.key());
    const size_t prefix_size = EventLookupPrefixSize(key);
    uint64_t sequence = 0;
    absl::string_view id;
    if (prefix_size == 0 ||
        !DecodeEventLookupKey(key, prefix_size, &sequence, &id)) {
      return absl::DataLossError(
          absl::StrCat("a malformed event lookup key: ", EscapeUntrusted(key)));
    }
    if (sequence >= before_sequence) continue;
    ids->emplace(id);
    if (ids->size() > max_ids) {
      return absl::ResourceExhaustedError(
          absl::StrCat("more than ", max_ids, " events"));
    }
  }
  if (!it.status().ok()) return FromRocks(it.status(), "reading event lookups");
  return absl::OkStatus();
}

absl::Status Store::EventView::ReadReports(
    absl::string_view id, size_t max_reports,
    std::vector<accord::v1::EventReport>* reports) {
  reports->clear();
  const std::string prefix = EntityKeyPrefix(id);
  rocksdb::Iterator& it = *reports_;
  for (it.Seek(prefix); it.Valid() && reports->size() < max_reports &&
                        it.key().starts_with(prefix);
       it.Next()) {
    const absl::string_view key = View(it.key());
    uint64_t sequence = 0;
    accord::v1::EventReport& report = reports->emplace_back();
    // `id \0`, the sequence, the mention index.
    if (key.size() != prefix.size() + 12 ||
        !DecodeSequence(key.substr(prefix.size(), 8), &sequence) ||
        !report.ParseFromArray(it.value().data(),
                               static_cast<int>(it.value().size()))) {
      return MalformedEvent(id, "a stored report does not parse");
    }
    report.set_document_sequence(sequence);
  }
  if (!it.status().ok()) {
    return FromRocks(it.status(),
                     absl::StrCat("reading the reports of event ", id));
  }
  if (reports->empty() && max_reports > 0) {
    return absl::NotFoundError(absl::StrCat("event ", id, " not found"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> Store::StoryOfDocument(
    absl::string_view document_id) const {
  absl::StatusOr<std::string> story =
      Get(Family::kDocumentStories, document_id,
          absl::StrCat("story of document ", EscapeUntrusted(document_id)));
  if (!story.ok()) return story.status();
  for (int hop = 0; hop <= kMaxStoryRedirects; ++hop) {
    if (!IsValidStoryId(*story)) {
      return MalformedStory(*story, "a malformed story id is stored");
    }
    absl::StatusOr<std::string> redirect =
        Get(Family::kStoryMerges, StoryRedirectKey(*story),
            absl::StrCat("merges of story ", *story));
    if (absl::IsNotFound(redirect.status())) return story;
    if (!redirect.ok()) return redirect.status();
    accord::v1::StoryMerge merge;
    if (!merge.ParseFromString(*redirect) ||
        merge.absorbed_story_id() != *story) {
      return MalformedStory(*story, "a stored merge does not parse");
    }
    *story = merge.into_story_id();
  }
  return MalformedStory(document_id, "its stories are folded in a loop");
}

absl::StatusOr<accord::v1::Story> Store::GetStory(
    absl::string_view id, size_t max_members,
    const CallDeadline& deadline) const {
  if (!IsValidStoryId(id)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "story id \"", EscapeUntrusted(id), "\" is not st-<32 hex digits>"));
  }
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  rocksdb::DB* db = rocks->db.get();
  // The story it was folded into, if any.
  std::string root(id);
  for (int hop = 0;; ++hop) {
    if (hop > kMaxStoryRedirects) {
      return MalformedStory(id, "its stories are folded in a loop");
    }
    absl::StatusOr<std::string> redirect =
        Get(Family::kStoryMerges, StoryRedirectKey(root),
            absl::StrCat("merges of story ", root));
    if (absl::IsNotFound(redirect.status())) break;
    if (!redirect.ok()) return redirect.status();
    accord::v1::StoryMerge merge;
    if (!merge.ParseFromString(*redirect) ||
        !IsValidStoryId(merge.into_story_id())) {
      return MalformedStory(root, "a stored merge does not parse");
    }
    root = merge.into_story_id();
  }

  accord::v1::Story story;
  story.set_id(root);
  // The stories folded into root, at any depth.
  std::vector<std::string> parts = {root};
  absl::flat_hash_set<std::string> seen = {root};
  for (size_t next = 0; next < parts.size(); ++next) {
    const std::string part = parts[next];
    absl::Status scanned = internal::ScanPrefix(
        db, rocks->handle(Family::kStoryMerges), StoryAbsorbedPrefix(part),
        absl::StrCat("reading the merges of story ", part), deadline,
        [&](absl::string_view, absl::string_view value) {
          accord::v1::StoryMerge merge;
          if (!merge.ParseFromArray(value.data(),
                                    static_cast<int>(value.size())) ||
              !IsValidStoryId(merge.absorbed_story_id())) {
            return MalformedStory(part, "a stored merge does not parse");
          }
          if (seen.insert(merge.absorbed_story_id()).second) {
            parts.push_back(merge.absorbed_story_id());
          }
          *story.add_merges() = std::move(merge);
          return absl::OkStatus();
        });
    if (!scanned.ok()) return scanned;
  }

  std::vector<std::pair<uint64_t, accord::v1::StoryMember>> members;
  for (const std::string& part : parts) {
    const std::string prefix = EntityKeyPrefix(part);
    absl::Status scanned = internal::ScanPrefix(
        db, rocks->handle(Family::kStoryMembers), prefix,
        absl::StrCat("reading the members of story ", part), deadline,
        [&](absl::string_view key, absl::string_view value) {
          uint64_t sequence = 0;
          accord::v1::StoryMember member;
          if (!DecodeSequence(key.substr(prefix.size()), &sequence) ||
              !member.ParseFromArray(value.data(),
                                     static_cast<int>(value.size()))) {
            return MalformedStory(part, "a stored member does not parse");
          }
          member.set_document_sequence(sequence);
          members.emplace_back(sequence, std::move(member));
          return absl::OkStatus();
        });
    if (!scanned.ok()) return scanned;
  }
  if (members.empty()) {
    if (root == id && story.merges().empty()) {
      return absl::NotFoundError(absl::StrCat("story ", id, " not found"));
    }
    return MalformedStory(root, "it has no member");
  }
  std::sort(members.begin(), members.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  absl::btree_set<std::string> languages;
  for (auto& [sequence, member] : members) {
    languages.insert(member.language());
    for (const accord::v1::StoryCompletion& completion : member.completions()) {
      *story.add_completions() = completion;
    }
    if (static_cast<size_t>(story.members_size()) < max_members) {
      *story.add_members() = std::move(member);
    }
  }
  story.set_document_count(static_cast<uint32_t>(members.size()));
  for (const std::string& language : languages) story.add_languages(language);
  return story;
}

absl::StatusOr<std::vector<Store::StoryMemberSequences>>
Store::ListStoryMembers(uint64_t before_sequence,
                        const CallDeadline& deadline) const {
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  rocksdb::DB* db = rocks->db.get();
  // Folds: absorbed story -> the story it went into.
  absl::flat_hash_map<std::string, std::string> folded_into;
  const std::string redirect_prefix = StoryRedirectKey("");
  absl::Status scanned = internal::ScanPrefix(
      db, rocks->handle(Family::kStoryMerges), redirect_prefix,
      "reading the folds of stories", deadline,
      [&](absl::string_view key, absl::string_view value) {
        accord::v1::StoryMerge merge;
        const absl::string_view absorbed = key.substr(redirect_prefix.size());
        if (!merge.ParseFromArray(value.data(),
                                  static_cast<int>(value.size())) ||
            !IsValidStoryId(merge.into_story_id()) ||
            !IsValidStoryId(absorbed)) {
          return MalformedStory(absorbed, "a stored merge does not parse");
        }
        folded_into[absorbed] = merge.into_story_id();
        return absl::OkStatus();
      });
  if (!scanned.ok()) return scanned;
  auto root_of = [&](const std::string& id) -> absl::StatusOr<std::string> {
    std::string root = id;
    for (int hop = 0;; ++hop) {
      auto it = folded_into.find(root);
      if (it == folded_into.end()) return root;
      if (hop >= kMaxStoryRedirects) {
        return MalformedStory(id, "its stories are folded in a loop");
      }
      root = it->second;
    }
  };

  // Every member key: story id, NUL, big-endian sequence. A full scan in
  // key order (the family's prefix extractor would confine a seek to one
  // story).
  absl::flat_hash_map<std::string, std::vector<uint64_t>> members;
  rocksdb::ReadOptions options;
  options.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(
      db->NewIterator(options, rocks->handle(Family::kStoryMembers)));
  size_t keys = 0;
  std::string story;  // the last story seen and its root
  std::string root;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (++keys % 1024 == 0) {
      if (absl::Status go_on = deadline.Check("listing stories"); !go_on.ok()) {
        return go_on;
      }
    }
    const absl::string_view key(it->key().data(), it->key().size());
    const size_t nul = key.find('\0');
    uint64_t sequence = 0;
    if (nul == absl::string_view::npos ||
        !DecodeSequence(key.substr(nul + 1), &sequence) ||
        !IsValidStoryId(key.substr(0, nul))) {
      return absl::DataLossError(absl::StrCat(
          "a story member key is malformed: ", EscapeUntrusted(key)));
    }
    if (sequence >= before_sequence) continue;
    if (key.substr(0, nul) != story) {
      story = std::string(key.substr(0, nul));
      absl::StatusOr<std::string> found = root_of(story);
      if (!found.ok()) return found.status();
      root = *std::move(found);
    }
    members[root].push_back(sequence);
  }
  if (absl::Status read = FromRocks(it->status(), "listing stories");
      !read.ok()) {
    return read;
  }
  std::vector<StoryMemberSequences> stories;
  stories.reserve(members.size());
  for (auto& [id, sequences] : members) {
    std::sort(sequences.begin(), sequences.end());
    stories.push_back({id, std::move(sequences)});
  }
  std::sort(stories.begin(), stories.end(), [](const auto& a, const auto& b) {
    return a.story_id < b.story_id;
  });
  return stories;
}

}  // namespace accord::store
