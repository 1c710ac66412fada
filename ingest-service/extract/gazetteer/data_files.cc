#include "ingest-service/extract/gazetteer/data_files.h"

#include "ingest-service/extract/embedded_file.h"

// ACCORD_EXTRACT_DATA_DIR is set by CMake, which also rebuilds this file
// when a data file changes.
#define ACCORD_EMBED(symbol, file) \
  ACCORD_EMBED_FILE(symbol, ACCORD_EXTRACT_DATA_DIR "/" file)

ACCORD_EMBED(accord_extract_countries, "countries.txt")
ACCORD_EMBED(accord_extract_organizations, "organizations.txt")
ACCORD_EMBED(accord_extract_treaties, "treaties.txt")
ACCORD_EMBED(accord_extract_places, "places.txt")
ACCORD_EMBED(accord_extract_people, "people.txt")
ACCORD_EMBED(accord_extract_roles, "roles.txt")
ACCORD_EMBED(accord_extract_exemplar_city_words, "exemplar_city_words.tsv")

namespace accord::extract {

const std::vector<std::pair<std::string_view, std::string_view>>&
EmbeddedDataFiles() {
  static const auto* const kFiles =
      new std::vector<std::pair<std::string_view, std::string_view>>{
          {"countries.txt", ACCORD_EMBEDDED_BYTES(accord_extract_countries)},
          {"organizations.txt",
           ACCORD_EMBEDDED_BYTES(accord_extract_organizations)},
          {"treaties.txt", ACCORD_EMBEDDED_BYTES(accord_extract_treaties)},
          {"places.txt", ACCORD_EMBEDDED_BYTES(accord_extract_places)},
          {"people.txt", ACCORD_EMBEDDED_BYTES(accord_extract_people)},
          {"roles.txt", ACCORD_EMBEDDED_BYTES(accord_extract_roles)},
      };
  return *kFiles;
}

std::string_view EmbeddedExemplarCityWords() {
  return ACCORD_EMBEDDED_BYTES(accord_extract_exemplar_city_words);
}

}  // namespace accord::extract
