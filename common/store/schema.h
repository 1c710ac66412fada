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

namespace accord::store {

// Bumped when a change needs a migration; the store refuses to open a
// layout it does not know.
// Version 3: postings are per-chunk values written by merge (version 2
// kept per-term stats and rewrote each term's last block at every commit).
// Version 4: token spans (where each indexed word was written), so snippets
// no longer analyze hits again; raw input keyed by sequence, not id.
inline constexpr int kSchemaVersion = 4;

// Column families. Their order is the order of Store's handles. Every key
// is written once, except meta's next_sequence (overwritten) and the
// postings (merged: each commit appends runs); Store::CatchUp relies on
// that list (kOverwrittenFamilies in store_secondary.cc).
enum class Family : int {
  kMeta = 0,        // "schema_version", "next_sequence", "created"
  kDocuments,       // document id            -> accord.v1.Document
  kRaw,             // fixed64 BE sequence    -> raw bytes as submitted
  kDocSequence,     // fixed64 BE sequence    -> document id
  kBundles,         // bundle id              -> accord.v1.Bundle
  kBundleRequests,  // submitter \0 request_id -> bundle id
  kPostings,        // term \0 fixed32 BE chunk -> index::posting_value.h
  kDocAttributes,   // fixed64 BE sequence    -> index::DocAttributes
  kTokenSpans,      // fixed64 BE sequence    -> index::token_spans.h
  kCount,
};

// RocksDB names of the families, indexed by Family.
const std::vector<std::string>& FamilyNames();

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

}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_SCHEMA_H_
