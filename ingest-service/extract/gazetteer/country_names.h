// Country names from the data Debian maintains: ISO 3166-1 from the
// iso-codes package (English names in its JSON, translations in its
// gettext catalogues) and ICU/CLDR display names. The team's
// countries.txt adds adjectives, demonyms and the forms these lack.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_COUNTRY_NAMES_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_COUNTRY_NAMES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest-service/extract/gazetteer/gazetteer_entry.h"

namespace accord::extract {

struct CountryNameOptions {
  // iso-codes' ISO 3166-1 list. Default: Debian's path.
  std::string iso_3166_json = "/usr/share/iso-codes/json/iso_3166-1.json";
  // Where <lang>/LC_MESSAGES/iso_3166-1.mo are. Default: Debian's path.
  std::string locale_dir = "/usr/share/locale";
  // Languages whose names are loaded (English always is).
  std::vector<std::string> languages = {"fr", "de", "es", "ru", "vi"};
};

// One entry per ISO 3166-1 country, id "country/<alpha-2>", with its names
// in English and in each language. NotFound, saying which package to
// install, when the iso-codes list is missing; a language without a
// catalogue still gets ICU's names.
absl::StatusOr<std::vector<GazetteerEntry>> LoadCountryNames(
    const CountryNameOptions& options);

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_COUNTRY_NAMES_H_
