// PersonMerger: the step of ingest that needs other documents to say who a
// person is. The entity extractor gives an unknown person an id from the
// person key of the name (alias::PersonKey), which already merges the
// spellings that diacritic folding and transliteration make alike
// (Путин / Putin, Trần Đại Quang / Tran Dai Quang). Spellings that stay
// apart ("Nikolaï Patrouchev" in French, "Nikolai Patrushev" in English)
// are merged here by shared context: the same role of the same body
// (secretary of the Security Council of Russia) held by a person the store,
// or an earlier document of the same bundle, already knows under a name
// alike enough (docs/UNDERSTANDING.md, "People across documents").
//
// A merge rewrites the new document before it is stored: its mentions of
// the person take the known person's id and canonical name, and their
// `resolution` says why; the entity record gains the new spelling as a name
// (EntityName.resolution says why) and its alias key, so the next document
// that writes the name that way finds the person by that alias. Documents
// already stored are never rewritten: the first document decides.
//
// Thread-safety: Merge() may run on any number of threads (a memo of name
// keys is the only state, under its own lock), but for two bundles to see each other's people, the caller serializes
// Merge() and the commit that follows it (Ingester does).
#ifndef ACCORD_INGEST_SERVICE_STORIES_PERSON_MERGE_H_
#define ACCORD_INGEST_SERVICE_STORIES_PERSON_MERGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "common/store/store.h"

namespace accord::stories {

struct PersonMergerOptions {
  // How alike the last words of the two person keys (the family name in
  // most languages, the given name in Vietnamese) must be, by Jaro-Winkler
  // similarity, for a shared role to merge two people. Default: 0.85.
  double min_family_name_similarity = 0.85;
  // How many holders of one role of one body are compared. Default: 64.
  size_t max_holders = 64;
  // How many names' person keys are remembered between calls. Default:
  // 100000 (a few MB).
  size_t max_memo_names = 100000;
};

// Why an unknown person of a new document is a person already known.
struct PersonMerge {
  std::string from_id;
  std::string to_id;
  std::string to_name;
  // A sentence: the shared context and the names compared, or the alias.
  std::string reason;
};

class PersonMerger {
 public:
  explicit PersonMerger(PersonMergerOptions options);

  // Rewrites each of `documents`, in order, for the unknown people (kind
  // person, no gazetteer record) who are a person known under another id:
  //   alias    a name of theirs is already the alias of exactly one other
  //            person (a spelling an earlier merge added);
  //   context  they hold a role of a body that exactly one other person,
  //            with a name alike, holds: stored, or stated by an earlier
  //            document of `documents`.
  // Returns the merges made, in document order. Errors are the store's
  // read errors; `documents` may then be partly rewritten and must not be
  // committed.
  absl::StatusOr<std::vector<PersonMerge>> Merge(
      const store::Store& store,
      std::vector<store::PendingDocument>* documents) const;

 private:
  // alias::PersonKey(name), from a memo: a transliteration per holder per
  // comparison cost more than the rest of the merge (search_bench profile).
  std::string PersonKeyOf(const std::string& name) const;

  PersonMergerOptions options_;
  mutable absl::Mutex memo_mutex_;
  // Name -> person key; cleared when it reaches options_.max_memo_names.
  mutable absl::flat_hash_map<std::string, std::string> person_keys_
      ABSL_GUARDED_BY(memo_mutex_);
};

namespace internal {
// Jaro-Winkler similarity of two byte strings, in [0, 1] (person keys are
// ASCII).
double JaroWinkler(std::string_view a, std::string_view b);
// How alike two person keys are as names of one person, in [0, 1]: 0 when
// their last words are less alike than `min_last`, or when both have more
// than one word and their first words start with different letters; else
// the last words' similarity.
double NameLikeness(std::string_view key_a, std::string_view key_b,
                    double min_last);
}  // namespace internal

}  // namespace accord::stories

#endif  // ACCORD_INGEST_SERVICE_STORIES_PERSON_MERGE_H_
