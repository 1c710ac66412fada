// Test helpers: gazetteer entries and names built in one expression.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_GAZETTEER_TESTING_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_GAZETTEER_TESTING_H_

#include <string>
#include <utility>
#include <vector>

#include "ingest-service/extract/gazetteer/gazetteer_entry.h"

namespace accord::extract::fixtures {

inline GazetteerName Name(std::string language, std::string text) {
  GazetteerName name;
  name.language = std::move(language);
  name.text = std::move(text);
  return name;
}

inline GazetteerEntry Entry(std::string id, EntryKind kind,
                            std::string canonical,
                            std::vector<GazetteerName> names) {
  GazetteerEntry entry;
  entry.id = std::move(id);
  entry.kind = kind;
  entry.canonical_name = std::move(canonical);
  entry.names = std::move(names);
  return entry;
}

}  // namespace accord::extract::fixtures

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_GAZETTEER_TESTING_H_
