// GazetteerEntry: one entity, role or honorific the extractor knows by
// name, from the team's data files (ingest-service/extract/data/FORMAT.md)
// or from Debian's packages (iso-codes, ICU/CLDR); and the parser of the
// data files.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_GAZETTEER_ENTRY_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_GAZETTEER_ENTRY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace accord::extract {

enum class EntryKind {
  kPerson,
  kCountry,
  kPlace,
  kOrganization,
  kTreaty,
  kRole,
  // A military or police rank ("Lieutenant General", "Thượng tướng"): found
  // and chained like a role, recorded with its own id ("rank/..."); not an
  // office (many hold it at once), so it names no post of a body.
  kRank,
  kHonorific,
};

// "person", "country", ...; the data files' spelling.
std::string_view EntryKindName(EntryKind kind);

// Whether a role id (RoleMention.role_id, EntityRole.role_id) is a rank's:
// an entry's id starts with its kind ("rank/lieutenant-general").
inline bool IsRankId(std::string_view role_id) {
  return role_id.starts_with("rank/");
}

// What a name of an entry stands for in text.
enum class NameUse {
  kName,       // the entry itself: "United Nations", "président"
  kAdjective,  // a country's adjective or demonym: "russischen"
  kShort,      // a person's short form used alone: "Poutine"
  kPortfolio,  // a ministry's portfolio after a minister's title
};

struct GazetteerName {
  // ISO 639-1, or "und" for every language.
  std::string language;
  std::string text;
  NameUse use = NameUse::kName;
  // Where it came from: "team:people.txt:12", "iso-codes:iso_3166-1:fr",
  // "icu:display:de".
  std::string source;
};

// A tenure in an office, from people.txt.
struct Office {
  std::string role_id;
  // The country or organization of the office ("country/VN", "org/un").
  std::string of_id;
  absl::CivilDay start;
  // Empty while in office.
  std::optional<absl::CivilDay> end;
};

struct GazetteerEntry {
  std::string id;
  EntryKind kind = EntryKind::kOrganization;
  std::string canonical_name;
  std::vector<GazetteerName> names;
  // ISO 3166 alpha-2 of the state an organization or place belongs to.
  std::string country;
  // The id of the body an organization belongs to.
  std::string parent;
  std::vector<Office> offices;
  // Role only: a title that names a post in a ministry ("Deputy Foreign
  // Minister") is recorded as this role (role/deputy-minister) of the
  // ministry whose English portfolio is `recorded_in_portfolio` ("Foreign
  // Affairs"), as "Deputy Minister of Foreign Affairs" would be. Empty for
  // a role recorded as itself.
  std::string recorded_as_role;
  std::string recorded_in_portfolio;
  // The alias keys (common/alias AliasKey and LatinAliasKey) of its names
  // and short forms, deduplicated; Gazetteer::Load fills them once so that
  // no document pays for them.
  std::vector<std::string> alias_keys;
};

// Parses one data file. `file_name` ("people.txt") goes into every name's
// source and every error. InvalidArgument, with the line, for a statement
// that does not follow FORMAT.md.
absl::StatusOr<std::vector<GazetteerEntry>> ParseGazetteerFile(
    std::string_view text, std::string_view file_name);

// Merges entries with the same id (names, offices appended; the first
// non-empty canonical name, country and parent win), keeping first-seen
// order.
std::vector<GazetteerEntry> MergeEntries(std::vector<GazetteerEntry> entries);

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_GAZETTEER_ENTRY_H_
