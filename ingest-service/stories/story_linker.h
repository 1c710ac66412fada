// StoryLinker: the step of ingest that tells which event each event
// mention of a new document is, among the events of every document stored
// before it, and which story the document belongs to
// (docs/UNDERSTANDING.md, "Events across documents" and "Stories").
//
// Events. A mention with something to compare (a date, a place or a
// participant) is compared with the stored events of its type that share
// one of them (the store's event lookups, the most recently reported
// first, read through one Store::EventView per bundle) and with the
// events earlier documents of the same bundle made. It joins the event
// whose report agrees best when the agreement reaches
// StoryLinkerOptions::min_event_score and nothing disagrees:
//   date          overlapping dates (a missing year agrees with any year),
//                 weighted by grain; two dates that cannot overlap refuse;
//   place         the same place; two different places refuse;
//   participants  each shared one, a person weighing more than an
//                 organization and an organization more than a country;
//   publication   when either report has no date, the documents must have
//                 been published within max_publication_days of each
//                 other (a missing publication refuses).
// Else the mention starts an event of its own. Every join keeps its
// reasons (EventMatch).
//
// Stories. A document's main news is the events its title or lead
// paragraph reports (or its first event, when they report none), but of
// two lead events of one type at different places or dates only the
// first (the other is an occurrence the lead recalls). A
// document joins the story of every earlier document whose main news is
// an event its own main news agrees with (as above): one story, or several
// that it shows to be one (folded into the story of the earliest document
// it links to, StoryMerge). Else it starts its own. When it joins, a date of the shared event that one side states
// without a year and the other with one, on the same month and day, is
// completed (StoryCompletion, derived from the side that states it);
// neither document is rewritten.
//
// Thread-safety: Link() reads the store and writes only into its
// arguments (the cache among them); for each bundle to see the events and stories of the bundles
// before it, the caller serializes Link() and the commit that follows it
// (PendingBundle::Commit does, with the people merge).
#ifndef ACCORD_INGEST_SERVICE_STORIES_STORY_LINKER_H_
#define ACCORD_INGEST_SERVICE_STORIES_STORY_LINKER_H_

#include <algorithm>
#include <cstddef>
#include <vector>

#include "absl/status/status.h"
#include "accord/v1/understanding.pb.h"
#include "common/store/store.h"
#include "ingest-service/stories/event_cache.h"

namespace accord::stories {

struct StoryLinkerOptions {
  // How much agreement makes two reports one event (the sum of the
  // reasons' weights, below). Default: 3.
  double min_event_score = 3.0;
  // Weights of the evidence.
  double day_weight = 2.0;    // dates agree to the day
  double month_weight = 1.0;  // to the month
  double year_weight = 0.5;   // to the year only
  double place_weight = 2.0;
  double person_weight = 1.5;
  double organization_weight = 1.0;  // and treaties
  double country_weight = 0.5;
  // When a report gives no date, publications this many days apart at
  // most may still report one event. Default: 7.
  int max_publication_days = 7;
  // Events read per lookup (date, place, a participant other than a
  // country), the most recently reported first; events compared per mention; reports
  // read per event. Default: 8, 24 and 8.
  size_t max_candidates_per_lookup = 8;
  size_t max_candidates = 24;
  size_t max_reports_per_event = 8;
  // What an EventCache made for this linker holds at most (event_cache.h):
  // events with their first reports, lookups with their event ids.
  // Default: 32,768 and 131,072 (about 90 MB on the news corpus of
  // bench/grpc/memory_load.cc). A server sets them from its memory budget
  // with FitEventCache.
  size_t max_cached_events = 32768;
  size_t max_cached_lookups = 131072;

  // Sets max_cached_events and max_cached_lookups (four lookups an event)
  // so that the event cache holds about `bytes`: 4 KB an event with its
  // lookups (about 2.8 KB measured), at least 256 events.
  void FitEventCache(size_t bytes) {
    max_cached_events = std::max<size_t>(256, bytes / 4096);
    max_cached_lookups = 4 * max_cached_events;
  }
};

class StoryLinker {
 public:
  explicit StoryLinker(StoryLinkerOptions options)
      : options_(std::move(options)) {}

  // Sets the events and story (store::PendingDocument.events, .story) of
  // each of `documents` that the commit will create: every one not stored
  // yet, except a repeat of an earlier one of `documents`. Documents are
  // taken in order, each seeing the ones before. Errors are the store's
  // read errors; `documents` must then not be committed.
  //
  // `cache` (made with cache_options()) keeps what is read of the store
  // for the next bundles; the caller then tells it what the commit added
  // (EventCache::Committed) or that it failed (Clear). Null: the reads of
  // this call are kept for this call only.
  absl::Status Link(const store::Store& store,
                    std::vector<store::PendingDocument>* documents,
                    EventCache* cache = nullptr) const;

  const StoryLinkerOptions& options() const { return options_; }
  EventCacheOptions cache_options() const;

 private:
  StoryLinkerOptions options_;
};

namespace internal {

// How one mention compares with a report of an event: the reasons and
// their weights, or refused (the reports cannot be one event).
struct EventComparison {
  bool refused = false;
  double score = 0;
  std::vector<accord::v1::LinkReason> reasons;
};
// Compares `mention` of a document published at `publication` (unset:
// unknown) with `report`. Without `with_reasons`, only `refused` and
// `score` are set (cheaper, for choosing). REQUIRES: same event type.
EventComparison CompareWithReport(
    const accord::v1::EventMention& mention,
    const google::protobuf::Timestamp* publication,
    const accord::v1::EventReport& report, const StoryLinkerOptions& options,
    bool with_reasons = true);

// The indexes of `document`'s events that are its main news: those whose
// trigger lies in the title or the first paragraph of the body, less a
// lead event of the same type as an earlier one at another place or date;
// when none, the first event.
std::vector<int> MainEvents(const accord::v1::Document& document);

}  // namespace internal

}  // namespace accord::stories

#endif  // ACCORD_INGEST_SERVICE_STORIES_STORY_LINKER_H_
