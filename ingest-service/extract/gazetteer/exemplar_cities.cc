#include "ingest-service/extract/gazetteer/exemplar_cities.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/alias/name_tokens.h"
#include "common/temporal/text_fold.h"
#include "ingest-service/normalize/word_list.h"
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

absl::StatusOr<std::vector<ExemplarCityWord>> FindExemplarCityWords(
    const ExemplarCityOptions& options,
    const normalize::WordLists& dictionaries) {
  // Every name of every city, each language asked whatever its English
  // name is: a superset of the names a gazetteer load asks about.
  std::vector<std::pair<std::string, std::string>> names;
  absl::StatusOr<std::vector<GazetteerEntry>> cities = LoadExemplarCities(
      options, [&](std::string_view language, std::string_view name) {
        names.emplace_back(language, name);
        return false;
      });
  if (!cities.ok()) return cities.status();
  std::vector<ExemplarCityWord> words;
  for (const auto& [language, name] : names) {
    std::string word = ExemplarCityWordOf(name);
    if (word.empty()) continue;
    const normalize::WordList* dictionary = dictionaries.ForLanguage(language);
    if (dictionary != nullptr && dictionary->Contains(word)) {
      words.push_back({.language = language, .word = std::move(word)});
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::string ExemplarCityWordOf(std::string_view name) {
  const std::string key = alias::AliasKey(name);
  if (key.empty() || key.find(' ') != std::string::npos) return "";
  return temporal::Lower(name);
}

std::string FormatExemplarCityWords(
    const std::vector<ExemplarCityWord>& words) {
  std::string text =
      "# CLDR exemplar cities (ICU) whose one-word name is an ordinary word "
      "of\n"
      "# the language by its hunspell dictionary: the gazetteer leaves these\n"
      "# names out in that language. Written by tools/exemplar_city_words;\n"
      "# ExemplarCityWordsTest fails when the packages disagree with it.\n"
      "# <language>\\t<lowercase word>\n";
  for (const ExemplarCityWord& word : words) {
    absl::StrAppend(&text, word.language, "\t", word.word, "\n");
  }
  return text;
}

absl::StatusOr<std::vector<ExemplarCityWord>> ParseExemplarCityWords(
    std::string_view text) {
  std::vector<ExemplarCityWord> words;
  int line_number = 0;
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = std::min(text.find('\n', begin), text.size());
    const std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string_view::npos || tab + 1 == line.size() ||
        line.find('\t', tab + 1) != std::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(
          "exemplar city words, line ", line_number,
          ": expected <language><TAB><word>, got \"", std::string(line), "\""));
    }
    words.push_back({.language = std::string(line.substr(0, tab)),
                     .word = std::string(line.substr(tab + 1))});
  }
  return words;
}

}  // namespace accord::extract
