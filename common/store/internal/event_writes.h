// The event and story keys one new document adds in a bundle commit
// (store.h, PendingDocument.events and .story; docs/STORAGE.md, "Events
// and stories").
//
// Every key is written once: a report and a member are keyed by the new
// document's sequence, an event record by the event id the document
// creates, a story merge by the story it absorbs (a story is absorbed
// once). The event_lookup keys a later report repeats are written again
// with the same empty value, which no reader can tell from one write; so
// Store::CatchUp needs no reopen for these families.
#ifndef ACCORD_COMMON_STORE_INTERNAL_EVENT_WRITES_H_
#define ACCORD_COMMON_STORE_INTERNAL_EVENT_WRITES_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "common/store/store.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"

namespace accord::store::internal {

// InvalidArgument, saying what is wrong, when the events or story of
// `pending` are malformed: an invalid event or story id, a report of
// another document, a created event whose id is not EventIdOf(document,
// mention index), a mention index outside Document.events.
absl::Status CheckPendingEventsAndStory(const PendingDocument& pending);

// Adds the event records, reports, lookups and story keys of `pending`,
// the new document with `sequence`, to *batch. REQUIRES:
// CheckPendingEventsAndStory(pending) is OK; `handles` indexed by Family.
void AddEventsAndStory(const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
                       const PendingDocument& pending, uint64_t sequence,
                       rocksdb::WriteBatch* batch);

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_EVENT_WRITES_H_
