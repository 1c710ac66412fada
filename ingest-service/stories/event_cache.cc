#include "ingest-service/stories/event_cache.h"

#include <algorithm>
#include <utility>

#include "absl/container/btree_map.h"
#include "absl/status/status.h"
#include "common/store/schema.h"

namespace accord::stories {

using accord::v1::EventReport;

absl::StatusOr<const std::vector<EventReport>*> EventCache::Reports(
    store::Store::EventView& view, absl::string_view id) {
  auto [it, added] = events_.try_emplace(id);
  it->second.used = epoch_;
  if (!added) {
    ++hits_;
    return &it->second.value;
  }
  ++misses_;
  absl::Status read =
      view.ReadReports(id, options_.reports_per_event, &it->second.value);
  if (absl::IsNotFound(read)) read = absl::OkStatus();
  if (!read.ok()) {
    events_.erase(it);
    return read;
  }
  return &it->second.value;
}

absl::StatusOr<const std::vector<std::string>*> EventCache::EventIds(
    store::Store::EventView& view, absl::string_view prefix) {
  auto [it, added] = lookups_.try_emplace(prefix);
  it->second.used = epoch_;
  if (!added) {
    ++hits_;
    return &it->second.value;
  }
  ++misses_;
  absl::StatusOr<std::vector<std::string>> ids =
      view.FindEventIds(prefix, options_.ids_per_lookup, /*newest_first=*/true);
  if (!ids.ok()) {
    lookups_.erase(it);
    return ids.status();
  }
  it->second.value = *std::move(ids);
  return &it->second.value;
}

void EventCache::Committed(std::vector<store::PendingDocument>* documents) {
  for (store::PendingDocument& pending : *documents) {
    // Stored by the commit: CommitBundle set its sequence and bundle
    // (a repeated request stores nothing and sets neither).
    if (pending.events.empty() || pending.document().bundle_id().empty()) {
      continue;
    }
    const uint64_t sequence = pending.document().sequence();
    // The document's keys under each prefix held, in the store's order:
    // by event id after the sequence they share.
    absl::btree_map<std::string, std::vector<const std::string*>> by_prefix;
    for (store::PendingEventReport& event : pending.events) {
      bool in_a_held_lookup = false;
      for (std::string& prefix : store::EventLookupPrefixes(event.report)) {
        if (lookups_.contains(prefix)) {
          by_prefix[std::move(prefix)].push_back(&event.event_id);
          in_a_held_lookup = true;
        }
      }
      auto held = events_.find(event.event_id);
      // A new event that a held lookup now lists is about to be a
      // candidate: its reports are this one, nothing to read.
      if (held == events_.end() && event.creates && in_a_held_lookup) {
        held = events_.try_emplace(event.event_id).first;
        held->second.used = epoch_;
      }
      if (held != events_.end() &&
          held->second.value.size() < options_.reports_per_event) {
        EventReport& report =
            held->second.value.emplace_back(std::move(event.report));
        report.set_document_sequence(sequence);
      }
    }
    for (auto& [prefix, ids] : by_prefix) {
      std::sort(
          ids.begin(), ids.end(),
          [](const std::string* a, const std::string* b) { return *a < *b; });
      std::vector<std::string>& held = lookups_.find(prefix)->second.value;
      // Each moves to the front, the last (the greatest key) ending first.
      for (const std::string* id : ids) {
        held.erase(std::remove(held.begin(), held.end(), *id), held.end());
        held.insert(held.begin(), *id);
      }
      if (held.size() > options_.ids_per_lookup) {
        held.resize(options_.ids_per_lookup);
      }
    }
  }
  ++epoch_;
  DropLeastRecentlyUsed(options_.max_events, &events_);
  DropLeastRecentlyUsed(options_.max_lookups, &lookups_);
}

template <typename Map>
void EventCache::DropLeastRecentlyUsed(size_t max, Map* map) {
  if (map->size() <= max) return;
  // Keeps the max / 2 most recently used, and those used as recently as
  // the last of them.
  std::vector<uint64_t> used;
  used.reserve(map->size());
  for (const auto& [key, entry] : *map) used.push_back(entry.used);
  const auto cut = used.end() - static_cast<ptrdiff_t>(max / 2 + 1);
  std::nth_element(used.begin(), cut, used.end());
  const uint64_t oldest_kept = *cut;
  absl::erase_if(
      *map, [&](const auto& item) { return item.second.used < oldest_kept; });
  // Ties at the cut: only what the last bundle used is kept past `max`.
  if (map->size() > max) {
    absl::erase_if(
        *map, [&](const auto& item) { return item.second.used + 1 < epoch_; });
  }
}

void EventCache::Clear() {
  events_.clear();
  lookups_.clear();
}

}  // namespace accord::stories
