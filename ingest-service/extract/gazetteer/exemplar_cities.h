// Places from CLDR's exemplar cities, as ICU ships them: the city that
// names each time zone ("Asia/Saigon": Ho Chi Minh City, Hô-Chi-Minh-Ville,
// Хошимин, TP Hồ Chí Minh), with its country, in every language asked for.
// Some 400 cities worldwide complete the team's places.txt, which lists
// the capitals and the cities the reporting names most with their
// inflected forms.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_EXEMPLAR_CITIES_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_EXEMPLAR_CITIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "ingest-service/extract/gazetteer/gazetteer_entry.h"

namespace accord::normalize {
class WordLists;
}  // namespace accord::normalize

namespace accord::extract {

struct ExemplarCityOptions {
  // Languages whose names are loaded (English always is: it gives the id).
  std::vector<std::string> languages = {"fr", "de", "es", "ru", "vi"};
};

// One entry per time zone city, id "place/<English name folded to ASCII,
// words joined by '-'>" (the convention of places.txt, so that a city the
// team lists merges with it), kind place, its country from the zone's
// region; Antarctica's stations, named after people, are left out. Left
// out in a language:
//   - qualified names ("Knox, Indiana", "Beulah (Dakota du Nord)");
//   - a name `skip(language, name)` rejects: the caller leaves out country
//     names ("Qatar", "Monaco") and single words that are ordinary words of
//     the language ("Phoenix" in English, "Vienne" in French).
// A city left with no English name is left out. INTERNAL when ICU has no
// time zone data.
absl::StatusOr<std::vector<GazetteerEntry>> LoadExemplarCities(
    const ExemplarCityOptions& options,
    absl::FunctionRef<bool(std::string_view language, std::string_view name)>
        skip);

// A one-word exemplar city name that its language's hunspell dictionary
// accepts as an ordinary word: "phoenix" in English (the bird), "vienne"
// in French.
struct ExemplarCityWord {
  std::string language;  // ISO 639-1
  std::string word;  // lowercase (temporal::Lower), as the dictionary was asked

  friend bool operator==(const ExemplarCityWord&,
                         const ExemplarCityWord&) = default;
  friend auto operator<=>(const ExemplarCityWord&,
                          const ExemplarCityWord&) = default;
};

// Every one-word name (one alias token) of every exemplar city in English
// and `options.languages` that `dictionaries` accepts, lowercased, sorted,
// without repeats. A language without a dictionary has none. This is what
// data/exemplar_city_words.tsv lists (tools/exemplar_city_words prints it):
// the gazetteer reads that list instead of loading six hunspell
// dictionaries at every start (half of a server's start-up time).
absl::StatusOr<std::vector<ExemplarCityWord>> FindExemplarCityWords(
    const ExemplarCityOptions& options,
    const normalize::WordLists& dictionaries);

// What the list says of an exemplar city `name`: its lowercase form
// (temporal::Lower) when it is one word (one alias token), "" when it is
// not, and only one-word names are asked of the dictionaries.
std::string ExemplarCityWordOf(std::string_view name);

// The list as data/exemplar_city_words.tsv holds it: a comment header,
// then one "<language>\t<word>" line each.
std::string FormatExemplarCityWords(const std::vector<ExemplarCityWord>& words);

// Parses FormatExemplarCityWords()'s text: `#` comment and blank lines are
// skipped; INVALID_ARGUMENT names the first line that is not
// "<language>\t<word>".
absl::StatusOr<std::vector<ExemplarCityWord>> ParseExemplarCityWords(
    std::string_view text);

// "place/ho-chi-minh-city" for "Ho Chi Minh City".
std::string PlaceIdFor(std::string_view english_name);

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_EXEMPLAR_CITIES_H_
