// accord-exemplar-city-words: prints data/exemplar_city_words.tsv, the
// CLDR exemplar cities whose one-word name an installed hunspell
// dictionary accepts as an ordinary word (exemplar_cities.h). Run from the
// repository root after ICU or a hunspell package changes, when
// ExemplarCityWordsTest says the list no longer matches:
//
//   build/tools/exemplar_city_words/accord-exemplar-city-words >
//       ingest-service/extract/data/exemplar_city_words.tsv
//
// and review the diff: each line takes a city name out of the gazetteer in
// that language.
#include <stdlib.h>

#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "ingest-service/extract/gazetteer/exemplar_cities.h"
#include "ingest-service/normalize/word_list.h"

ABSL_FLAG(std::string, dictionary_dir, "/usr/share/hunspell",
          "hunspell dictionaries (<lang>_<REGION>.aff/.dic) to ask");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Prints the exemplar city names that are ordinary words, in the format "
      "of ingest-service/extract/data/exemplar_city_words.tsv.");
  absl::ParseCommandLine(argc, argv);
  accord::normalize::WordLists dictionaries(absl::GetFlag(FLAGS_dictionary_dir),
                                            /*max_cached_words=*/4096);
  const accord::extract::ExemplarCityOptions options;
  std::vector<std::string> languages = options.languages;
  languages.push_back("en");
  for (const std::string& language : languages) {
    if (dictionaries.ForLanguage(language) == nullptr) {
      std::cerr << "accord-exemplar-city-words: no hunspell dictionary for "
                << language << " in " << absl::GetFlag(FLAGS_dictionary_dir)
                << "\n";
      return EXIT_FAILURE;
    }
  }
  absl::StatusOr<std::vector<accord::extract::ExemplarCityWord>> words =
      accord::extract::FindExemplarCityWords(options, dictionaries);
  if (!words.ok()) {
    std::cerr << "accord-exemplar-city-words: " << words.status() << "\n";
    return EXIT_FAILURE;
  }
  std::cout << accord::extract::FormatExemplarCityWords(*words);
  return EXIT_SUCCESS;
}
