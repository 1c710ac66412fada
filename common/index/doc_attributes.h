// DocAttributes: the per-document facts search filters, ranks and counts
// facets by, stored under the document's sequence number so that
// query-service can hold them for every document in memory.
#ifndef ACCORD_COMMON_INDEX_DOC_ATTRIBUTES_H_
#define ACCORD_COMMON_INDEX_DOC_ATTRIBUTES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "accord/v1/document.pb.h"

namespace accord::index {

struct DocAttributes {
  // Words indexed (BM25 document length).
  uint32_t length = 0;
  // Language code ("en"), "und" when unknown.
  std::string language;
  // Publication instant in Unix seconds, when known.
  bool has_published = false;
  int64_t published_seconds = 0;
  // Lowercase source keys: the agency and the URL host (also without a
  // leading "www."), deduplicated, each as NormalizeSourceKey returns it
  // (so that a filter can name it).
  std::vector<std::string> sources;
  // What the understanding layer found (all empty for a document stored
  // without it, and for documents stored before these were kept):
  // the ids of the entities it mentions, each once, in first-mention order;
  std::vector<std::string> entity_ids;
  // the topics it carries (TopicScore.topic_id), highest score first;
  std::vector<std::string> topic_ids;
  // the types of the events it reports (accord.v1.EventType), each once,
  // ascending.
  std::vector<uint32_t> event_types;

  bool operator==(const DocAttributes&) const = default;
};

// The attributes of a normalized document indexed with `length` words.
DocAttributes AttributesOf(const accord::v1::Document& document,
                           uint32_t length);

// Lowercases a source filter or key, the way AttributesOf does.
std::string NormalizeSourceKey(absl::string_view source);

// The understanding part is written only when one of its lists is
// non-empty, so values stored before it existed decode as they are.
std::string EncodeDocAttributes(const DocAttributes& attributes);
// DataLoss on malformed input: anything EncodeDocAttributes cannot write,
// so a value that decodes encodes back to the same bytes.
absl::StatusOr<DocAttributes> DecodeDocAttributes(absl::string_view data);

}  // namespace accord::index

#endif  // ACCORD_COMMON_INDEX_DOC_ATTRIBUTES_H_
