// CLDR's exemplar cities from ICU, and how Gazetteer::Load merges them with
// the team's places and keeps out country names and ordinary words.
#include "ingest-service/extract/gazetteer/exemplar_cities.h"

#include <filesystem>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/extract/gazetteer/gazetteer.h"
#include "ingest-service/extract/gazetteer/gazetteer_testing.h"

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
  if (!std::filesystem::exists(options.dictionary_dir + "/en_US.dic")) {
    GTEST_SKIP() << "no English hunspell dictionary (hunspell-en-us)";
  }
  // "phoenix" is an English word (the bird): America/Phoenix
  // has no English name, so no entry (the id comes from English).
  EXPECT_EQ((*g)->FindEntry("place/phoenix"), nullptr);
  EXPECT_NE((*g)->FindEntry("place/denver"), nullptr);
}

}  // namespace
}  // namespace accord::extract
