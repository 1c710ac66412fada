// CommittedEntityKeys: the keys of the entity families written only when
// absent (entity records, names, gazetteer offices, aliases, role holders;
// schema.h) that a commit of this process stored or found stored.
//
// Such a key, once stored, stays: the store never deletes or rewrites it,
// and the primary is the store's only writer. So a later commit of the same
// store needs neither to build its value nor to read the store for it
// again, and news names the same entities bundle after bundle: most of a
// bundle's candidates were a candidate of an earlier bundle (EntityWrites
// checks here first).
//
// Bounded by count: past max_keys it forgets them all, and the next commits
// read the store again (a memo, MemoryBudget's "the rest").
//
// Not thread-safe: the store holds it under its commit lock, and adds to it
// only after a commit's batch is written.
#ifndef ACCORD_COMMON_STORE_INTERNAL_COMMITTED_ENTITY_KEYS_H_
#define ACCORD_COMMON_STORE_INTERNAL_COMMITTED_ENTITY_KEYS_H_

#include <array>
#include <cstddef>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "common/store/schema.h"

namespace accord::store::internal {

class CommittedEntityKeys {
 public:
  explicit CommittedEntityKeys(size_t max_keys) : max_keys_(max_keys) {}

  // True when `key` of `family` is known to be stored.
  bool Contains(Family family, absl::string_view key) const {
    return keys_[static_cast<size_t>(family)].contains(key);
  }

  // Makes room for `count` more keys: when they would take the memo past
  // max_keys, it first forgets everything it held. False when `count`
  // alone is more than max_keys: the caller then adds none.
  bool MakeRoom(size_t count) {
    if (count > max_keys_) return false;
    if (size_ + count > max_keys_) Clear();
    return true;
  }

  // Remembers `key` of `family` as stored. REQUIRES: room made for it.
  void Add(Family family, std::string key) {
    if (keys_[static_cast<size_t>(family)].insert(std::move(key)).second) {
      ++size_;
    }
  }

 private:
  void Clear() {
    for (auto& keys : keys_) keys = absl::flat_hash_set<std::string>();
    size_ = 0;
  }

  const size_t max_keys_;
  size_t size_ = 0;
  // By Family; only the families written when absent are used.
  std::array<absl::flat_hash_set<std::string>,
             static_cast<size_t>(Family::kCount)>
      keys_;
};

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_COMMITTED_ENTITY_KEYS_H_
