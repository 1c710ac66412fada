// The team's gazetteer data files (ingest-service/extract/data/*.txt),
// compiled into the binary so that a server never runs with data from
// another build.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_DATA_FILES_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_DATA_FILES_H_

#include <string_view>
#include <utility>
#include <vector>

namespace accord::extract {

// (file name, contents) of every data file, in the order they are merged:
// entries of an id first seen in an earlier file keep that file's
// canonical name.
const std::vector<std::pair<std::string_view, std::string_view>>&
EmbeddedDataFiles();

// data/exemplar_city_words.tsv: the exemplar city names that are ordinary
// words (FormatExemplarCityWords(), exemplar_cities.h).
std::string_view EmbeddedExemplarCityWords();

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_DATA_FILES_H_
