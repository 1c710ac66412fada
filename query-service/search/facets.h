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

#include "absl/status/status.h"
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

// Sets the labels of `facets`' values: the canonical name of an entity
// (left empty when the entity is not stored), the English name of a
// language. DataLoss when an entity record is malformed.
absl::Status LabelFacets(const store::Store& store,
                         std::vector<accord::v1::Facet>* facets);

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_SEARCH_FACETS_H_
