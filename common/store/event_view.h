// Store::EventView: the events of a store as they were when the view was
// made, for the many small reads of linking one bundle's events
// (ingest-service/stories/story_linker.h). It keeps one RocksDB iterator
// per family it reads and moves it from lookup to lookup, where
// Store::FindEventIds and GetEvent open one per call: opening an iterator
// costs more than the few keys each lookup reads.
//
// Thread-safety: one thread at a time. The view pins the files and
// memtables it reads until it is destroyed, so keep it for one bundle.
//
//   std::unique_ptr<Store::EventView> view = store.NewEventView();
//   absl::StatusOr<std::vector<std::string>> ids = view->FindEventIds(
//       EventsByPlacePrefix(place_id, type), 8, /*newest_first=*/true);
#ifndef ACCORD_COMMON_STORE_EVENT_VIEW_H_
#define ACCORD_COMMON_STORE_EVENT_VIEW_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "accord/v1/understanding.pb.h"
#include "common/store/store.h"
#include "common/util/call_deadline.h"
#include "rocksdb/iterator.h"

namespace accord::store {

class Store::EventView {
 public:
  EventView(const EventView&) = delete;
  EventView& operator=(const EventView&) = delete;
  ~EventView();

  // The distinct event ids under an event_lookup prefix (schema.h,
  // Events*Prefix), at most max_results: those most recently reported
  // first when `newest_first`, else the earliest reported first. Reads at
  // most kLookupKeysPerResult keys per result asked (an event reported
  // many times has one key per report). DataLoss when a key is malformed.
  static constexpr size_t kLookupKeysPerResult = 16;
  absl::StatusOr<std::vector<std::string>> FindEventIds(
      absl::string_view lookup_prefix, size_t max_results, bool newest_first);

  // Adds to *ids the events of the event_lookup keys from `lower` up to
  // (not including) `upper` reported by documents with a sequence below
  // `before_sequence`: one lookup prefix (upper: the prefix with its final
  // NUL raised to \1), every type of a participant (`p \0 id \0` up to
  // `p \0 id \1`), or a run of dates (`d \0 2017` up to `d \0 2018`).
  // ResourceExhausted once *ids would hold more than max_ids (it then
  // holds max_ids + 1); DataLoss when a key is malformed; the deadline's
  // error when it passes (checked every 1024 keys).
  absl::Status CollectEventIds(absl::string_view lower, absl::string_view upper,
                               uint64_t before_sequence, size_t max_ids,
                               const CallDeadline& deadline,
                               absl::flat_hash_set<std::string>* ids);

  // Replaces *reports with the first max_reports reports of event `id`, in
  // ingest order (document_sequence set). NotFound when the event has no
  // report stored; DataLoss when one is malformed.
  absl::Status ReadReports(absl::string_view id, size_t max_reports,
                           std::vector<accord::v1::EventReport>* reports);

 private:
  friend class Store;
  explicit EventView(std::shared_ptr<const Rocks> rocks);

  // Declared first: the iterators below must go before the instance.
  const std::shared_ptr<const Rocks> rocks_;
  const std::unique_ptr<rocksdb::Iterator> lookup_;
  const std::unique_ptr<rocksdb::Iterator> reports_;
};

}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_EVENT_VIEW_H_
