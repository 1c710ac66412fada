// EntitySearch: the entities whose names match what a person typed, for
// SearchEntities. A name matches an entity through the entity's stored
// aliases (Store's entity_aliases family, keys from common/alias), in
// three ways, best first:
//   exact   the query's alias key is one of the entity's ("Poutine",
//           "путин", "Vereinte Nationen");
//   prefix  the key begins one of them ("Patru", "vereinte nat");
//   fuzzy   the key is a few edits (insert, delete, replace or swap two
//           neighbouring letters) from one of them or from its beginning
//           ("Patrushv", "Poutin"): none for keys under 4 letters, one edit
//           under 8, two from 8 on.
// The query is looked up as written and in Latin letters
// (alias::LatinAliasKey), so "Путин" also finds an entity known only as
// "Putin". Fuzzy candidates are the aliases sharing the key's first
// letter, at most EntitySearchOptions::max_fuzzy_candidates of them: a typo
// in the first letter is not found.
//
// Thread-safe: reads the store only.
#ifndef ACCORD_QUERY_SERVICE_ENTITY_SEARCH_H_
#define ACCORD_QUERY_SERVICE_ENTITY_SEARCH_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "common/store/store.h"

namespace accord::query {

struct EntitySearchOptions {
  // Aliases read for exact and prefix matches. Default: 1,000.
  size_t max_prefix_candidates = 1000;
  // Aliases read for fuzzy matches. Default: 5,000.
  size_t max_fuzzy_candidates = 5000;
  // Only aliases first given by a document with a sequence below this (the
  // snapshot the pages of one listing share). Default: every alias.
  uint64_t before_sequence = std::numeric_limits<uint64_t>::max();
  // Only entities of these kinds (told by their ids: store::EntityKindOfId).
  // Empty: every kind.
  std::vector<accord::v1::EntityKind> kinds;
};

enum class NameMatch { kExact = 0, kPrefix = 1, kFuzzy = 2 };

struct EntityNameMatch {
  std::string entity_id;
  // The stored alias key that matched, and how.
  std::string alias_key;
  NameMatch match = NameMatch::kExact;
  // Edits between the query's key and the alias (fuzzy matches).
  int edits = 0;
};

// The best match of each entity whose aliases match `query`, best first
// (exact before prefix before fuzzy, then fewer edits, then the shorter
// alias, then the id), at most max_results. An entity matched as typed and
// in Latin letters alike keeps the alias as typed. InvalidArgument when the query
// has no letter or digit; the store's errors as they are.
absl::StatusOr<std::vector<EntityNameMatch>> FindEntitiesByName(
    const store::Store& store, std::string_view query, size_t max_results,
    const EntitySearchOptions& options = EntitySearchOptions());

namespace internal {
// Edits (optimal string alignment: insert, delete, replace, swap of two
// neighbours) between two UTF-8 strings, counted in code points; any
// value above `limit` is returned as limit + 1.
int BoundedEdits(std::string_view a, std::string_view b, int limit);
}  // namespace internal

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_ENTITY_SEARCH_H_
