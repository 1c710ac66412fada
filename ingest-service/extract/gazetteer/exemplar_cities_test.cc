// CLDR's exemplar cities from ICU, and how Gazetteer::Load merges them with
// the team's places and keeps out country names and ordinary words.
#include "ingest-service/extract/gazetteer/exemplar_cities.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/extract/gazetteer/data_files.h"
#include "ingest-service/extract/gazetteer/gazetteer.h"
#include "ingest-service/extract/gazetteer/gazetteer_testing.h"
#include "ingest-service/normalize/normalize_test_util.h"
#include "ingest-service/normalize/word_list.h"

namespace accord::extract {
namespace {

using ::accord::extract::fixtures::Entry;
using ::accord::extract::fixtures::Name;
using ::testing::Contains;
using ::testing::Not;

const GazetteerEntry* FindId(const std::vector<GazetteerEntry>& entries,
                             const std::string& id) {
  for (const GazetteerEntry& e : entries) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::vector<std::string> NamesIn(const GazetteerEntry& entry,
                                 const std::string& language) {
  std::vector<std::string> out;
  for (const GazetteerName& n : entry.names) {
    if (n.language == language) out.push_back(n.text);
  }
  return out;
}

TEST(ExemplarCitiesTest, CitiesOfEveryTimeZoneInEachLanguage) {
  absl::StatusOr<std::vector<GazetteerEntry>> cities = LoadExemplarCities(
      ExemplarCityOptions(),
      [](std::string_view, std::string_view) { return false; });
  ASSERT_TRUE(cities.ok()) << cities.status();
  EXPECT_GT(cities->size(), 300u);
  const GazetteerEntry* hcmc = FindId(*cities, "place/ho-chi-minh-city");
  ASSERT_NE(hcmc, nullptr);
  EXPECT_EQ(hcmc->kind, EntryKind::kPlace);
  EXPECT_EQ(hcmc->country, "VN");
  EXPECT_EQ(hcmc->canonical_name, "Ho Chi Minh City");
  EXPECT_THAT(NamesIn(*hcmc, "ru"), Contains("Хошимин"));
  EXPECT_THAT(NamesIn(*hcmc, "de"), Contains("Ho-Chi-Minh-Stadt"));
  EXPECT_THAT(hcmc->names[0].source, testing::HasSubstr("icu:exemplar-city"));
  const GazetteerEntry* moscow = FindId(*cities, "place/moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_THAT(NamesIn(*moscow, "fr"), Contains("Moscou"));
  EXPECT_EQ(moscow->country, "RU");
  for (const GazetteerEntry& city : *cities) {
    // No qualified names ("Knox, Indiana"), no Antarctic stations.
    for (const GazetteerName& n : city.names) {
      EXPECT_EQ(n.text.find_first_of(",(["), std::string::npos) << n.text;
    }
    EXPECT_NE(city.country, "AQ") << city.id;
  }
}

TEST(ExemplarCitiesTest, SkippedNamesAndCitiesWithoutEnglish) {
  absl::StatusOr<std::vector<GazetteerEntry>> cities = LoadExemplarCities(
      ExemplarCityOptions(),
      [](std::string_view language, std::string_view name) {
        return name == "Moscow" || (language == "fr" && name == "Téhéran");
      });
  ASSERT_TRUE(cities.ok()) << cities.status();
  EXPECT_EQ(FindId(*cities, "place/moscow"), nullptr);
  const GazetteerEntry* tehran = FindId(*cities, "place/tehran");
  ASSERT_NE(tehran, nullptr);
  EXPECT_THAT(NamesIn(*tehran, "fr"), Not(Contains("Téhéran")));
  EXPECT_THAT(NamesIn(*tehran, "de"), Contains("Teheran"));
}

TEST(ExemplarCitiesTest, PlaceIdsFollowPlacesTxt) {
  EXPECT_EQ(PlaceIdFor("Ho Chi Minh City"), "place/ho-chi-minh-city");
  EXPECT_EQ(PlaceIdFor("Dumont d’Urville"), "place/dumont-d-urville");
  EXPECT_EQ(PlaceIdFor("Bogotá"), "place/bogota");
}

// Load: a city the team lists under another id joins it; a country's name
// is never a city; an ordinary word is not a city in that language.
TEST(ExemplarCitiesTest, GazetteerMergesWithTheTeamsPlaces) {
  GazetteerOptions options;
  options.load_embedded_data = false;
  options.load_country_names = false;
  std::vector<GazetteerEntry> team = {
      Entry("place/hcmc-team", EntryKind::kPlace, "HCMC",
            {Name("en", "Ho Chi Minh City"), Name("vi", "Sài Gòn")}),
      Entry("country/QA", EntryKind::kCountry, "Qatar",
            {Name("en", "Qatar"), Name("fr", "Qatar")}),
  };
  absl::StatusOr<std::unique_ptr<Gazetteer>> g =
      Gazetteer::Load(options, std::move(team));
  ASSERT_TRUE(g.ok()) << g.status();
  const GazetteerEntry* hcmc = (*g)->FindEntry("place/hcmc-team");
  ASSERT_NE(hcmc, nullptr);
  EXPECT_EQ(hcmc->canonical_name, "HCMC");  // the team's wins
  EXPECT_THAT(NamesIn(*hcmc, "ru"), Contains("Хошимин"));
  EXPECT_EQ((*g)->FindEntry("place/ho-chi-minh-city"), nullptr);
  EXPECT_EQ((*g)->FindEntry("place/qatar"), nullptr);
  // Asia/Qatar's exemplar city is "Qatar": a country name, so no city.
  EXPECT_EQ((*g)->FindEntry("place/qatar"), nullptr);
  EXPECT_NE((*g)->FindEntry("place/tehran"), nullptr);
  // "phoenix" is an English word (the bird): America/Phoenix
  // has no English name, so no entry (the id comes from English).
  EXPECT_EQ((*g)->FindEntry("place/phoenix"), nullptr);
  EXPECT_NE((*g)->FindEntry("place/denver"), nullptr);
  // "vienne" is a French word (a form of "venir"): Vienna loses that name
  // in French and keeps its others.
  const GazetteerEntry* vienna = (*g)->FindEntry("place/vienna");
  ASSERT_NE(vienna, nullptr);
  EXPECT_THAT(NamesIn(*vienna, "fr"), Not(Contains("Vienne")));
  EXPECT_THAT(NamesIn(*vienna, "de"), Contains("Wien"));
  EXPECT_THAT(NamesIn(*vienna, "en"), Contains("Vienna"));
}

// The list the gazetteer reads instead of the dictionaries is what the
// installed dictionaries say today. When ICU or a hunspell package changes
// this fails; tools/exemplar_city_words/main.cc says how to write the list
// again.
TEST(ExemplarCityWordsTest, TheListIsWhatTheDictionariesSay) {
  const normalize::WordLists dictionaries(normalize::kDictionaryDir,
                                          /*max_cached_words=*/4096);
  const ExemplarCityOptions options;
  for (const char* language : {"en", "fr", "de", "es", "ru", "vi"}) {
    ASSERT_NE(dictionaries.ForLanguage(language), nullptr)
        << "no hunspell dictionary for " << language << " in "
        << normalize::kDictionaryDir
        << " (scripts/install-deps.sh installs them)";
  }
  absl::StatusOr<std::vector<ExemplarCityWord>> expected =
      FindExemplarCityWords(options, dictionaries);
  ASSERT_TRUE(expected.ok()) << expected.status();
  absl::StatusOr<std::vector<ExemplarCityWord>> listed =
      ParseExemplarCityWords(EmbeddedExemplarCityWords());
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_EQ(*listed, *expected)
      << "ingest-service/extract/data/exemplar_city_words.tsv is stale; the "
         "dictionaries say:\n"
      << FormatExemplarCityWords(*expected);
  // Words of several languages: the list is not one language's.
  EXPECT_THAT(*expected, Contains(ExemplarCityWord{"en", "phoenix"}));
  EXPECT_THAT(*expected, Contains(ExemplarCityWord{"fr", "vienne"}));
  EXPECT_THAT(*expected, Contains(ExemplarCityWord{"ru", "вена"}));
  EXPECT_THAT(*expected, Not(Contains(ExemplarCityWord{"en", "denver"})));
}

TEST(ExemplarCityWordsTest, FormatAndParseAgreeAndBadLinesAreNamed) {
  const std::vector<ExemplarCityWord> words = {
      {"de", "oral"}, {"ru", "вена"}, {"vi", "huế"}};
  absl::StatusOr<std::vector<ExemplarCityWord>> parsed =
      ParseExemplarCityWords(FormatExemplarCityWords(words));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(*parsed, words);
  for (const char* bad :
       {"en phoenix\n", "\tphoenix\n", "en\t\n", "en\tphoenix\textra\n"}) {
    absl::StatusOr<std::vector<ExemplarCityWord>> refused =
        ParseExemplarCityWords(absl::StrCat("# header\n\n", bad));
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument)
        << bad;
    EXPECT_THAT(refused.status().message(), ::testing::HasSubstr("line 3"))
        << bad;
  }
}

}  // namespace
}  // namespace accord::extract
