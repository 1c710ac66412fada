// Facets: how many of a set of documents have each value of a field
// (language, topic, countries, people, organizations, month, source, event
// type), counted from the DocTable's columns in one pass over the
// documents, with no store read; only the labels of the values shown read
// the store (one entity record each).
//
// SearchDocuments counts them over every match of a search, GetStats over
// every document of the store.
#ifndef ACCORD_QUERY_SERVICE_SEARCH_FACETS_H_
#define ACCORD_QUERY_SERVICE_SEARCH_FACETS_H_

#include <cstdint>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "accord/v1/query_service.pb.h"
#include "common/store/store.h"
#include "query-service/search/doc_table.h"

namespace accord::query {

// InvalidArgument (ErrorInfo reason INVALID_FACETS, metadata "field") when
// `fields` holds FACET_FIELD_UNSPECIFIED, a value the enum does not have or
// a field twice, or `size` is outside 0..max_size (0: the default).
absl::Status CheckFacetRequest(absl::Span<const int> fields, int32_t size,
                               int32_t max_size);

// The facets `fields` (FacetField values, CheckFacetRequest-valid) of
// documents `docs` (sequences below the table's size), in `fields` order,
// at most `size` values each: most documents first, ties by value, except
// months, newest first. Values have no labels yet.
std::vector<accord::v1::Facet> CountFacets(const DocTable::ReadLock& table,
                                           absl::Span<const uint32_t> docs,
                                           absl::Span<const int> fields,
                                           int size);

// The canonical names of the entities facets show, cached: an entity's
// record (id, kind, canonical name) is written once, by the first
// document that mentions it, and never changes, so a name read once stays
// right for the store's life. One per store. Thread-safe.
class FacetLabels {
 public:
  // The canonical name of `entity_id`; "" when the entity is not stored,
  // or when its record cannot be read (then *error says why).
  std::string NameOf(const store::Store& store, absl::string_view entity_id,
                     absl::Status* error);
  // The English name of a language code ("de": "German"), from ICU; the
  // code itself when ICU knows no name for it. Cached: ICU would build a
  // locale and read its display data for each value of each faceted
  // search.
  std::string LanguageName(const std::string& code);

 private:
  // Past this many names the cache starts over.
  static constexpr size_t kMaxNames = 100000;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::string> names_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::string> language_names_
      ABSL_GUARDED_BY(mu_);
};

// InvalidArgument (reason INVALID_FILTER, metadata "field": "topic_ids")
// unless `topic_ids` holds at most 20 topic ids ("topic/cybercrime"): the
// topic filter of SearchDocuments, WatchDocuments and ListStories.
absl::Status CheckTopicFilter(
    const google::protobuf::RepeatedPtrField<std::string>& topic_ids);

// Sets the labels of `facets`' values: the canonical name of an entity
// (left empty when the entity is not stored), the English name of a
// language. DataLoss when an entity record is malformed.
absl::Status LabelFacets(const store::Store& store, FacetLabels* labels,
                         std::vector<accord::v1::Facet>* facets);

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_FACETS_H_
