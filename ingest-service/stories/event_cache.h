// EventCache: what StoryLinker has read of the stored events, kept from one
// bundle to the next: the first reports of each event it compared, and the
// event ids each lookup answered. News comes back to the same people,
// places and days for weeks, so most of a bundle's lookups and candidates
// were read for an earlier bundle; reading them again from RocksDB (a seek
// in every memtable and level, and the reports parsed again) was most of
// the linker's time.
//
// Every entry stays exactly what the store would answer, because ingest is
// the store's only writer and tells the cache what each commit added
// (Committed): an entry is extended, never guessed. A commit that fails
// leaves the store unknown: Clear() then. Memory is bounded by
// max_events and max_lookups: past either, the next Committed keeps the
// most recently used half (entries that one bundle used go or stay
// together, so one bundle that reads more than the bound overshoots it
// until the next).
//
// Thread-safety: none; the caller serializes Link, the commit and
// Committed (CrossDocumentStep's mutex). Pointers returned stay valid until
// the next Committed or Clear.
#ifndef ACCORD_INGEST_SERVICE_STORIES_EVENT_CACHE_H_
#define ACCORD_INGEST_SERVICE_STORIES_EVENT_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "accord/v1/understanding.pb.h"
#include "common/store/event_view.h"
#include "common/store/store.h"

namespace accord::stories {

struct EventCacheOptions {
  // Reports kept per event: the first ones, in ingest order.
  size_t reports_per_event = 8;
  // Event ids kept per lookup prefix: the most recently reported.
  size_t ids_per_lookup = 8;
  // Bounds on the entries held. Default: 32,768 events (their reports, a
  // few KB each at most) and 131,072 lookups (a few hundred bytes each).
  size_t max_events = 32768;
  size_t max_lookups = 131072;
};

class EventCache {
 public:
  explicit EventCache(EventCacheOptions options) : options_(options) {}

  // The first reports_per_event reports of event `id` as stored (empty
  // when none is), from `view` when not held.
  absl::StatusOr<const std::vector<accord::v1::EventReport>*> Reports(
      store::Store::EventView& view, absl::string_view id);
  // The event ids under an event_lookup prefix, the most recently reported
  // first, at most ids_per_lookup (Store::EventView::FindEventIds).
  absl::StatusOr<const std::vector<std::string>*> EventIds(
      store::Store::EventView& view, absl::string_view prefix);

  // After `documents` were committed: adds the event reports of those the
  // commit stored (CommitBundle set their sequence and bundle id) to the
  // events and lookups held (and holds a new event that a held lookup now
  // lists, its one report known), then drops the least
  // recently used half of the events or lookups if there are too many.
  // The reports it holds are moved out of `documents` (the commit is done
  // with them): their EventReport is left empty, their event ids stay.
  void Committed(std::vector<store::PendingDocument>* documents);
  // Forgets everything (after a commit that failed, when what the store
  // holds is unknown).
  void Clear();

  size_t events_held() const { return events_.size(); }
  size_t lookups_held() const { return lookups_.size(); }
  // Reads answered from the cache and from the store, since construction.
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

 private:
  template <typename Value>
  struct Entry {
    Value value;
    uint64_t used = 0;  // the epoch of its last use
  };
  template <typename Map>
  void DropLeastRecentlyUsed(size_t max, Map* map);

  const EventCacheOptions options_;
  // Nodes: pointers handed out stay put while other entries are added.
  absl::node_hash_map<std::string, Entry<std::vector<accord::v1::EventReport>>>
      events_;
  absl::node_hash_map<std::string, Entry<std::vector<std::string>>> lookups_;
  // Counts the commits: entries used since the last one are the newest.
  uint64_t epoch_ = 0;
  uint64_t hits_ = 0;
  uint64_t misses_ = 0;
};

}  // namespace accord::stories

#endif  // ACCORD_INGEST_SERVICE_STORIES_EVENT_CACHE_H_
