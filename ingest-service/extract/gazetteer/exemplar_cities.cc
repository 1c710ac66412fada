#include "ingest-service/extract/gazetteer/exemplar_cities.h"

#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/alias/name_tokens.h"
#include "unicode/locid.h"
#include "unicode/strenum.h"
#include "unicode/timezone.h"
#include "unicode/tznames.h"
#include "unicode/unistr.h"

namespace accord::extract {
namespace {

bool Qualified(std::string_view name) {
  return name.find_first_of(",([") != std::string_view::npos;
}

}  // namespace

std::string PlaceIdFor(std::string_view english_name) {
  std::string id = "place/";
  for (char c : alias::LatinAliasKey(english_name)) {
    id.push_back(c == ' ' ? '-' : c);
  }
  return id;
}

absl::StatusOr<std::vector<GazetteerEntry>> LoadExemplarCities(
    const ExemplarCityOptions& options,
    absl::FunctionRef<bool(std::string_view, std::string_view)> skip) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(
      icu::TimeZone::createTimeZoneIDEnumeration(
          UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  if (U_FAILURE(status) || zones == nullptr) {
    return absl::InternalError(
        absl::StrCat("ICU has no time zone list: ", u_errorName(status)));
  }
  std::vector<std::string> languages = {"en"};
  for (const std::string& language : options.languages) {
    if (language != "en") languages.push_back(language);
  }
  std::vector<std::unique_ptr<icu::TimeZoneNames>> names;
  for (const std::string& language : languages) {
    status = U_ZERO_ERROR;
    names.emplace_back(icu::TimeZoneNames::createInstance(
        icu::Locale(language.c_str()), status));
    if (U_FAILURE(status)) {
      return absl::InternalError(absl::StrCat("ICU has no time zone names for ",
                                              language, ": ",
                                              u_errorName(status)));
    }
  }
  std::vector<GazetteerEntry> entries;
  status = U_ZERO_ERROR;
  for (const icu::UnicodeString* zone = zones->snext(status);
       zone != nullptr && U_SUCCESS(status); zone = zones->snext(status)) {
    std::string zone_id;
    zone->toUTF8String(zone_id);
    char region[8] = {0};
    UErrorCode region_status = U_ZERO_ERROR;
    icu::TimeZone::getRegion(*zone, region, sizeof(region), region_status);
    // Antarctica's zones are research stations named after people
    // ("Casey", "Davis", "Palmer"): not places the reporting names.
    if (std::string_view(region) == "AQ") continue;
    GazetteerEntry entry;
    entry.kind = EntryKind::kPlace;
    if (U_SUCCESS(region_status) && std::string_view(region).size() == 2) {
      entry.country = region;
    }
    for (size_t i = 0; i < languages.size(); ++i) {
      icu::UnicodeString exemplar;
      names[i]->getExemplarLocationName(*zone, exemplar);
      std::string name;
      exemplar.toUTF8String(name);
      if (name.empty() || Qualified(name) || skip(languages[i], name)) {
        if (i == 0) break;  // no English name: no id
        continue;
      }
      if (i == 0) {
        entry.id = PlaceIdFor(name);
        entry.canonical_name = name;
      }
      entry.names.push_back(
          {.language = languages[i],
           .text = name,
           .source =
               absl::StrCat("icu:exemplar-city:", languages[i], ":", zone_id)});
    }
    if (!entry.id.empty() && entry.id != "place/") {
      entries.push_back(std::move(entry));
    }
  }
  return entries;
}

}  // namespace accord::extract
