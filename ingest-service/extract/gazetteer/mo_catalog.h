// Reads a GNU gettext message catalogue (.mo), as Debian's iso-codes
// package ships its translations (/usr/share/locale/<lang>/LC_MESSAGES/
// iso_3166-1.mo), without setlocale() or the process-wide gettext state.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_MO_CATALOG_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_MO_CATALOG_H_

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace accord::extract {

// msgid -> msgstr, for every translated message. Plural forms keep their
// first form; the header entry (empty msgid) is left out.
using MoCatalog = absl::flat_hash_map<std::string, std::string>;

// Parses the bytes of a .mo file, either byte order. DataLoss for a file
// that is not a well-formed catalogue.
absl::StatusOr<MoCatalog> ParseMoCatalog(std::string_view bytes);

// Reads and parses the file at `path`; NotFound when it does not exist.
absl::StatusOr<MoCatalog> ReadMoCatalog(const std::string& path);

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_MO_CATALOG_H_
