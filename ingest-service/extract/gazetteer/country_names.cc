#include "ingest-service/extract/gazetteer/country_names.h"

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "ingest-service/extract/gazetteer/mo_catalog.h"
#include "unicode/locid.h"
#include "unicode/unistr.h"

namespace accord::extract {
namespace {

std::string FieldOf(const google::protobuf::Struct& object,
                    const std::string& key) {
  auto it = object.fields().find(key);
  if (it == object.fields().end() || !it->second.has_string_value()) return "";
  return it->second.string_value();
}

}  // namespace

absl::StatusOr<std::vector<GazetteerEntry>> LoadCountryNames(
    const CountryNameOptions& options) {
  std::ifstream in(options.iso_3166_json);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(
        "cannot open ", options.iso_3166_json,
        ": install Debian's iso-codes package (apt-get install iso-codes)"));
  }
  std::ostringstream json;
  json << in.rdbuf();
  google::protobuf::Struct root;
  if (!google::protobuf::util::JsonStringToMessage(json.str(), &root).ok()) {
    return absl::DataLossError(
        absl::StrCat(options.iso_3166_json, " is not valid JSON"));
  }
  auto list = root.fields().find("3166-1");
  if (list == root.fields().end() || !list->second.has_list_value()) {
    return absl::DataLossError(
        absl::StrCat(options.iso_3166_json, " has no \"3166-1\" list"));
  }
  std::vector<std::pair<std::string, MoCatalog>> catalogs;
  for (const std::string& language : options.languages) {
    absl::StatusOr<MoCatalog> catalog = ReadMoCatalog(absl::StrCat(
        options.locale_dir, "/", language, "/LC_MESSAGES/iso_3166-1.mo"));
    if (catalog.ok()) catalogs.emplace_back(language, *std::move(catalog));
  }
  std::vector<GazetteerEntry> entries;
  for (const google::protobuf::Value& value :
       list->second.list_value().values()) {
    if (!value.has_struct_value()) continue;
    const google::protobuf::Struct& country = value.struct_value();
    const std::string alpha_2 = FieldOf(country, "alpha_2");
    if (alpha_2.size() != 2) continue;
    GazetteerEntry entry;
    entry.id = absl::StrCat("country/", alpha_2);
    entry.kind = EntryKind::kCountry;
    std::string english[3] = {FieldOf(country, "common_name"),
                              FieldOf(country, "name"),
                              FieldOf(country, "official_name")};
    entry.canonical_name = english[0].empty() ? english[1] : english[0];
    for (const std::string& name : english) {
      if (name.empty()) continue;
      entry.names.push_back({.language = "en",
                             .text = name,
                             .source = "iso-codes:iso_3166-1:en"});
      for (const auto& [language, catalog] : catalogs) {
        auto translated = catalog.find(name);
        if (translated == catalog.end()) continue;
        entry.names.push_back(
            {.language = language,
             .text = translated->second,
             .source = absl::StrCat("iso-codes:iso_3166-1:", language)});
      }
    }
    const icu::Locale region("", alpha_2.c_str());
    std::vector<std::string> icu_languages = options.languages;
    icu_languages.push_back("en");
    for (const std::string& language : icu_languages) {
      icu::UnicodeString display;
      region.getDisplayCountry(icu::Locale(language.c_str()), display);
      std::string name;
      display.toUTF8String(name);
      if (name.empty() || name == alpha_2) continue;
      entry.names.push_back({.language = language,
                             .text = name,
                             .source = absl::StrCat("icu:display:", language)});
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace accord::extract
