// The on-disk layout of the Accord store: column families, keys, values.
//
// docs/STORAGE.md describes the same layout for operators; this header is
// the source of truth for code. Every key is built here and nowhere else.
#ifndef ACCORD_COMMON_STORE_SCHEMA_H_
#define ACCORD_COMMON_STORE_SCHEMA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "accord/v1/understanding.pb.h"

namespace accord::store {

// Bumped when a change needs a migration; the store refuses to open a
// layout it does not know.
// Version 3: postings are per-chunk values written by merge (version 2
// kept per-term stats and rewrote each term's last block at every commit).
// Version 4: token spans (where each indexed word was written), so snippets
// no longer analyze hits again; raw input keyed by sequence, not id.
// Version 5: entities (the entity families below), written with the
// documents that mention them.
// Version 6: entity_role_holders, the people holding each role of each
// body, which merges a person across documents by shared context.
// Version 7: events across documents and stories (the event and story
// families below).
// Version 8: event lookups keyed by the reporting document's sequence, so
// a lookup lists the events most recently reported first; no lookup by
// type alone.
// Version 9: documents keyed by sequence, found by id through
// document_ids. Keyed by id (random), every compaction into the bottom
// level rewrote and recompressed all the documents stored before (about
// half of what compactions cost during a load with understanding); in
// ingest order, a flushed file moves down unchanged, as raw input's have
// since version 4.
inline constexpr int kSchemaVersion = 9;

// Column families. Their order is the order of Store's handles. Every key
// is written once, except meta's next_sequence (overwritten) and the
// postings (merged: each commit appends runs); Store::CatchUp relies on
// that list (kOverwrittenFamilies in store_secondary.cc).
enum class Family : int {
  kMeta = 0,        // "schema_version", "next_sequence", "created"
  kDocuments,       // fixed64 BE sequence    -> accord.v1.Document
  kRaw,             // fixed64 BE sequence    -> raw bytes as submitted
  kDocSequence,     // fixed64 BE sequence    -> document id
  kBundles,         // bundle id              -> accord.v1.Bundle
  kBundleRequests,  // submitter \0 request_id -> bundle id
  kPostings,        // term \0 fixed32 BE chunk -> index::posting_value.h
  kDocAttributes,   // fixed64 BE sequence    -> index::DocAttributes
  kTokenSpans,      // fixed64 BE sequence    -> index::token_spans.h
  // Entities (schema 5). Every key is written once: the ones not keyed by
  // a document's sequence are written only when absent (CommitBundle reads
  // them first), so the first document wins.
  kEntities,         // entity id -> accord.v1.Entity (id, kind, name only)
  kEntityNames,      // EntityNameKey     -> accord.v1.EntityName
  kEntityRoles,      // EntityRoleKey     -> accord.v1.EntityRole
                     // EntityOfficeKey   -> accord.v1.EntityRole
  kEntityDocuments,  // EntityDocumentKey -> varint mention count
  kEntityAliases,    // EntityAliasKey    -> first sequence
  // Schema 6, written only when absent like the entity families.
  kEntityRoleHolders,  // RoleHolderKey -> the holder's canonical name
  // Schema 7: events across documents and stories, every key written once
  // (a story merge adds records; it moves no member).
  kEvents,           // event id             -> accord.v1.Event (id, type)
  kEventReports,     // EventReportKey       -> accord.v1.EventReport
  kEventLookup,      // Event*Prefix + id    -> empty
  kStoryMembers,     // StoryMemberKey       -> accord.v1.StoryMember
  kDocumentStories,  // document id          -> the story it joined
  kStoryMerges,      // StoryMerge*Key       -> accord.v1.StoryMerge
  // Schema 9: how a document is found by id.
  kDocumentIds,  // document id -> fixed64 BE sequence
  kCount,
};

// RocksDB names of the families, indexed by Family.
const std::vector<std::string>& FamilyNames();
// The schema version that added `family` (1 for the first families): a
// store that lacks it was written by a version below that.
int FamilyAddedInVersion(Family family);

// Keys of the meta family.
inline constexpr absl::string_view kMetaSchemaVersion = "schema_version";
inline constexpr absl::string_view kMetaNextSequence = "next_sequence";
inline constexpr absl::string_view kMetaCreated = "created";

// Document ids are 32 lowercase hex digits (128 bits of SHA-256).
inline constexpr size_t kDocumentIdLength = 32;
// Bundle ids are 24 lowercase hex digits: 16 of microseconds since the
// epoch (so ids sort by submit time) and 8 random.
inline constexpr size_t kBundleIdLength = 24;

// Documents are numbered by sequence in 32 bits in the search index.
// Document numbers in postings are 32-bit and below UINT32_MAX (a run
// cannot start at UINT32_MAX: no snapshot limit could include it, so
// readers and the merge refuse such a run alike, see posting_value.cc).
inline constexpr uint64_t kMaxDocuments = (uint64_t{1} << 32) - 1;

// Big-endian fixed64, so that byte order is numeric order.
std::string EncodeSequence(uint64_t sequence);
// Returns false when `key` is not 8 bytes.
bool DecodeSequence(absl::string_view key, uint64_t* sequence);

std::string BundleRequestKey(absl::string_view submitter,
                             absl::string_view request_id);

// Postings family. A term's keys share the prefix `term \0` (terms never
// hold NUL), which is also the prefix-bloom domain; each key is the prefix
// and the first document of a chunk (index::ChunkOf) as a big-endian
// fixed32, so a term's chunks sort in document order.
std::string TermKeyPrefix(absl::string_view term);
std::string PostingKey(absl::string_view term, uint32_t chunk_first_doc);
// Splits a postings key; false for a malformed key.
bool ParsePostingKey(absl::string_view key, absl::string_view* term,
                     uint32_t* chunk_first_doc);

// ---- Entities ----
//
// An entity id is "<kind>/<key>": a kind of lowercase letters ("country",
// "org", "person", "place", "treaty"), a slash, and a key of printable
// ASCII without spaces ("VN", "un", "h0123456789abcdef"); at most
// kMaxEntityIdLength bytes. So it never holds NUL, and `id \0` is a prefix
// no other entity's keys start with.
inline constexpr size_t kMaxEntityIdLength = 200;
bool IsValidEntityId(absl::string_view id);
// The kind part of the ids of entities of `kind`: "person", "country",
// "place", "org", "treaty"; empty for ENTITY_KIND_UNSPECIFIED and values
// this build does not know. The store refuses an entity whose id does not
// start with its kind's part and a slash, so a listing filters kinds by id
// without reading the records.
absl::string_view EntityIdKind(accord::v1::EntityKind kind);
// The kind whose part `id` starts with; ENTITY_KIND_UNSPECIFIED for none.
accord::v1::EntityKind EntityKindOfId(absl::string_view id);

// The prefix `id \0` of every key of entity `id` in entity_names,
// entity_roles and entity_documents; a prefix scan reads all of them.
// Those families' prefix extractor (internal/term_prefix.h) and bloom
// filters use it.
std::string EntityKeyPrefix(absl::string_view id);

// entity_names: `id \0 language \0 name`. Parts hold no NUL.
std::string EntityNameKey(absl::string_view id, absl::string_view language,
                          absl::string_view name);

// entity_roles, a role a document states:
//   `id \0 role_id \0 of_entity_id \0` fixed64 BE sequence of the document.
// A sequence is below kMaxDocuments, so its first byte is 0x00.
std::string EntityRoleKey(absl::string_view id, absl::string_view role_id,
                          absl::string_view of_entity_id, uint64_t sequence);
// entity_roles, an office from a gazetteer (no document):
//   `id \0 role_id \0 of_entity_id \0 \xff start \0 end`
// with the tenure's ISO 8601 start and end (either may be empty). The
// 0xff byte cannot begin a sequence, so the two forms never collide, and
// a role's offices sort after the documents that state it.
std::string EntityOfficeKey(absl::string_view id, absl::string_view role_id,
                            absl::string_view of_entity_id,
                            absl::string_view start, absl::string_view end);
// What an entity_roles key of entity `id` holds.
struct EntityRoleKeyParts {
  absl::string_view role_id;
  absl::string_view of_entity_id;
  // True for EntityOfficeKey (start, end set), false for EntityRoleKey
  // (sequence set).
  bool office = false;
  uint64_t sequence = 0;
  absl::string_view start;
  absl::string_view end;
};
// False when `key` is not an entity_roles key of `id`.
bool ParseEntityRoleKey(absl::string_view key, absl::string_view id,
                        EntityRoleKeyParts* parts);

// entity_documents: `id \0` fixed64 BE sequence of a document that
// mentions the entity, so an entity's documents sort in ingest order.
std::string EntityDocumentKey(absl::string_view id, uint64_t sequence);
// False when `key` is not an entity_documents key of `id`.
bool ParseEntityDocumentKey(absl::string_view key, absl::string_view id,
                            uint64_t* sequence);

// entity_aliases: `alias \0 id`, for every normalized alias (common/alias)
// of the entity. A lookup scans the prefix `alias \0`. Aliases hold no NUL.
// The value is the sequence (varint) of the first document that gave the
// entity that alias, so a listing can leave out aliases newer than its
// snapshot; empty (read as 0) in stores written before it was recorded.
std::string EntityAliasPrefix(absl::string_view alias);
std::string EntityAliasKey(absl::string_view alias, absl::string_view id);

// entity_role_holders: `role_id \0 of_entity_id \0 id` -> the holder's
// canonical name when the key was written, for every role of a body
// (of_entity_id not empty) that a person holds, stated by a document or an
// office from a gazetteer. The holders of one role of one body are the
// prefix RoleHoldersPrefix. Parts hold no NUL.
std::string RoleHoldersPrefix(absl::string_view role_id,
                              absl::string_view of_entity_id);
std::string RoleHolderKey(absl::string_view role_id,
                          absl::string_view of_entity_id, absl::string_view id);

// ---- Events and stories ----
//
// An event id is "ev-<document id>-<mention index>" and a story id
// "st-<document id>", after the document that created them. Neither holds
// NUL.
std::string EventIdOf(absl::string_view document_id, uint32_t mention_index);
std::string StoryIdOf(absl::string_view document_id);
bool IsValidEventId(absl::string_view id);
bool IsValidStoryId(absl::string_view id);

// event_reports: `event id \0` fixed64 BE sequence of the reporting
// document, fixed32 BE mention index: an event's reports sort in ingest
// order under the prefix EntityKeyPrefix(event id).
std::string EventReportKey(absl::string_view event_id, uint64_t sequence,
                           uint32_t mention_index);

// event_lookup: every key is a prefix below, then the fixed64 BE sequence
// of the reporting document, then the event id (EventLookupKey), so a
// prefix scan lists the events in the order they were reported, one key
// per report; the value is empty.
//   by participant    `p \0 entity id \0 type \0` (each participant, and
//                     each country a participant acts for:
//                     EventEntity.country_ids)
//   by place          `l \0 place entity id \0 type \0`
//   by month and day  `m \0 MM-DD \0 type \0` (each day of a day date
//                     or range, any year: the candidates a report with an
//                     unknown year may be)
//   by date           `d \0 start date \0` (ISO 8601 as the report gives
//                     it, "XXXX-11-10" for an unknown year: sorts after
//                     every known year)
//   by document       `r \0 document id \0` (the events it reports)
// `type` is the EventType's number in decimal.
std::string EventsByParticipantPrefix(absl::string_view entity_id, int type);
std::string EventsByPlacePrefix(absl::string_view place_id, int type);
std::string EventsByMonthDayPrefix(absl::string_view month_day, int type);
std::string EventsByDatePrefix(absl::string_view date);
std::string EventsByDocumentPrefix(absl::string_view document_id);
// The months and days ("11-10") a day date or range covers, in order, for
// the `m` lookup: at most kMaxEventMonthDays (a longer range is found by
// its first days); empty for a date coarser than a day.
inline constexpr int kMaxEventMonthDays = 14;
std::vector<std::string> EventMonthDays(
    const accord::v1::TemporalExpression& date);
// The prefixes under which a report is found: its document, date, every
// month and day it covers (EventMonthDays), place and participants.
std::vector<std::string> EventLookupPrefixes(
    const accord::v1::EventReport& report);
std::string EventLookupKey(absl::string_view prefix, uint64_t sequence,
                           absl::string_view event_id);
// The size of the Events*Prefix an event_lookup key starts with (its
// letter says how many NUL-ended parts it has); 0 when the key is
// malformed.
size_t EventLookupPrefixSize(absl::string_view key);
// The sequence and event id of an event_lookup key under `prefix`; false
// when the key is malformed.
bool DecodeEventLookupKey(absl::string_view key, size_t prefix_size,
                          uint64_t* sequence, absl::string_view* event_id);

// story_members: `story id \0` fixed64 BE sequence of the member.
std::string StoryMemberKey(absl::string_view story_id, uint64_t sequence);

// story_merges: `r \0 absorbed story id` -> where it went, and
// `a \0 into story id \0 absorbed story id` -> the same record, so both
// directions are one lookup.
std::string StoryRedirectKey(absl::string_view absorbed_story_id);
std::string StoryAbsorbedPrefix(absl::string_view into_story_id);
std::string StoryAbsorbedKey(absl::string_view into_story_id,
                             absl::string_view absorbed_story_id);

}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_SCHEMA_H_
