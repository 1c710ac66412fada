#include "ingest-service/extract/gazetteer/gazetteer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/extract/gazetteer/gazetteer_testing.h"

namespace accord::extract {
namespace {

using ::accord::extract::fixtures::Entry;
using ::accord::extract::fixtures::Name;

// "surface -> id" for every match, in text order.
std::vector<std::string> Found(const Gazetteer& gazetteer,
                               const std::string& text,
                               std::string_view language) {
  std::vector<alias::NameToken> tokens;
  alias::TokenizeNames(text, &tokens);
  std::vector<std::string> out;
  for (const GazetteerMatch& m : gazetteer.Find(text, tokens, language)) {
    const size_t begin = tokens[m.begin].begin, end = tokens[m.end - 1].end;
    out.push_back(text.substr(begin, end - begin) + " -> " +
                  m.alternatives[0].entry->id);
  }
  return out;
}

std::unique_ptr<Gazetteer> Small() {
  std::vector<GazetteerEntry> entries(3);
  entries[0] = Entry("org/un", EntryKind::kOrganization, "United Nations",
                     {Name("en", "United Nations"), Name("en", "UN"),
                      Name("fr", "ONU"), Name("fr", "Nations unies")});
  entries[1] =
      Entry("org/unsc", EntryKind::kOrganization, "UN Security Council",
            {Name("en", "UN Security Council")});
  entries[2] = Entry("role/president", EntryKind::kRole, "President",
                     {Name("en", "president"), Name("fr", "président")});
  GazetteerOptions options;
  options.load_embedded_data = false;
  options.load_country_names = false;
  options.load_exemplar_cities = false;
  absl::StatusOr<std::unique_ptr<Gazetteer>> g =
      Gazetteer::Load(options, std::move(entries));
  EXPECT_TRUE(g.ok()) << g.status();
  return *std::move(g);
}

TEST(GazetteerTest, CaseRulesFollowHowTheNameIsWritten) {
  std::unique_ptr<Gazetteer> g = Small();
  EXPECT_THAT(Found(*g, "un accord de l'ONU", "fr"),
              testing::ElementsAre("ONU -> org/un"));
  EXPECT_THAT(Found(*g, "the UN and the un-named", "en"),
              testing::ElementsAre("UN -> org/un"));
  EXPECT_THAT(Found(*g, "The President and the PRESIDENT", "en"),
              testing::ElementsAre("President -> role/president",
                                   "PRESIDENT -> role/president"));
  EXPECT_THAT(Found(*g, "les nations unies", "fr"), testing::IsEmpty());
}

TEST(GazetteerTest, LongestMatchWinsAndGapsStayShort) {
  std::unique_ptr<Gazetteer> g = Small();
  EXPECT_THAT(Found(*g, "at the UN Security Council today", "en"),
              testing::ElementsAre("UN Security Council -> org/unsc"));
  EXPECT_THAT(Found(*g, "United\nNations", "en"), testing::IsEmpty());
  EXPECT_THAT(Found(*g, "United -- Nations", "en"), testing::IsEmpty());
}

TEST(GazetteerTest, NamesMatchInTheirOwnLanguage) {
  std::unique_ptr<Gazetteer> g = Small();
  EXPECT_THAT(Found(*g, "le président", "fr"),
              testing::ElementsAre("président -> role/president"));
  EXPECT_THAT(Found(*g, "the Nations Unies of ONU", "en"), testing::IsEmpty());
  // A language the gazetteer does not cover is matched with every name.
  EXPECT_THAT(
      Found(*g, "il président e ONU", "it"),
      testing::ElementsAre("président -> role/president", "ONU -> org/un"));
}

// Language tags up to 8 bytes are compared as one word, longer ones as
// strings: "de-CH-1996" and "de-CH-1997" share their first 8 bytes, and
// "und" names apply in every covered language.
TEST(GazetteerTest, LongAndShortLanguageTagsMatchWhole) {
  std::vector<GazetteerEntry> entries(1);
  entries[0] =
      Entry("org/un", EntryKind::kOrganization, "United Nations",
            {Name("sr@latin", "Ujedinjene nacije"),
             Name("de-CH-1996", "Vereinte Nationen"), Name("und", "UNO")});
  GazetteerOptions options;
  options.load_embedded_data = false;
  options.load_country_names = false;
  options.load_exemplar_cities = false;
  options.languages = {"sr@latin", "sr@latinx", "de-CH-1996", "de-CH-1997",
                       "en"};
  absl::StatusOr<std::unique_ptr<Gazetteer>> g =
      Gazetteer::Load(options, std::move(entries));
  ASSERT_TRUE(g.ok()) << g.status();
  const std::string text = "Ujedinjene nacije, Vereinte Nationen, UNO";
  EXPECT_THAT(
      Found(**g, text, "sr@latin"),
      testing::ElementsAre("Ujedinjene nacije -> org/un", "UNO -> org/un"));
  EXPECT_THAT(Found(**g, text, "sr@latinx"),
              testing::ElementsAre("UNO -> org/un"));
  EXPECT_THAT(
      Found(**g, text, "de-CH-1996"),
      testing::ElementsAre("Vereinte Nationen -> org/un", "UNO -> org/un"));
  EXPECT_THAT(Found(**g, text, "de-CH-1997"),
              testing::ElementsAre("UNO -> org/un"));
  EXPECT_THAT(Found(**g, text, "en"), testing::ElementsAre("UNO -> org/un"));
}

// The full gazetteer: the team's files and Debian's country names.
// A role recorded as another needs that role and a ministry with the
// portfolio: data that lacks either is refused at load, by name.
TEST(GazetteerTest, ARoleRecordedAsAnotherNeedsTheRoleAndTheMinistry) {
  GazetteerOptions options;
  options.load_embedded_data = false;
  options.load_country_names = false;
  options.load_exemplar_cities = false;
  auto load = [&](std::string as_role, std::string portfolio) {
    GazetteerEntry deputy = Entry("role/deputy-foreign-minister",
                                  EntryKind::kRole, "Deputy Foreign Minister",
                                  {Name("en", "deputy foreign minister")});
    deputy.recorded_as_role = std::move(as_role);
    deputy.recorded_in_portfolio = std::move(portfolio);
    GazetteerEntry ministry =
        Entry("org/xx-ministry-of-foreign-affairs", EntryKind::kOrganization,
              "Ministry of Foreign Affairs of Xland",
              {Name("en", "Xland Foreign Ministry")});
    ministry.country = "XX";
    GazetteerName portfolio_name = Name("en", "Foreign Affairs");
    portfolio_name.use = NameUse::kPortfolio;
    ministry.names.push_back(portfolio_name);
    std::vector<GazetteerEntry> entries = {
        deputy, ministry,
        Entry("role/deputy-minister", EntryKind::kRole, "Deputy Minister",
              {Name("en", "deputy minister")})};
    return Gazetteer::Load(options, std::move(entries));
  };
  absl::StatusOr<std::unique_ptr<Gazetteer>> good =
      load("role/deputy-minister", "foreign affairs");
  ASSERT_TRUE(good.ok()) << good.status();
  ASSERT_EQ((*good)->Ministries("Foreign Affairs").size(), 1u);
  EXPECT_EQ((*good)->Ministries("Foreign Affairs")[0]->country, "XX");
  EXPECT_TRUE((*good)->Ministries("Public Security").empty());

  absl::StatusOr<std::unique_ptr<Gazetteer>> no_role =
      load("role/vice-minister", "Foreign Affairs");
  EXPECT_EQ(no_role.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      no_role.status().message(),
      testing::HasSubstr("role/deputy-foreign-minister is recorded as "
                         "role/vice-minister, which is not a known role"));
  absl::StatusOr<std::unique_ptr<Gazetteer>> no_ministry =
      load("role/deputy-minister", "Home Affairs");
  EXPECT_EQ(no_ministry.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(no_ministry.status().message(),
              testing::HasSubstr("'Home Affairs', which no ministry has"));
}

TEST(GazetteerTest, LoadsPackagesAndTeamData) {
  absl::StatusOr<std::unique_ptr<Gazetteer>> g =
      Gazetteer::Load(GazetteerOptions());
  ASSERT_TRUE(g.ok()) << g.status();
  const GazetteerEntry* vietnam = (*g)->FindEntry("country/VN");
  ASSERT_NE(vietnam, nullptr);
  EXPECT_EQ(vietnam->canonical_name, "Vietnam");
  // iso-codes' French catalogue and ICU's German display name are there.
  bool iso_fr = false, icu_de = false;
  for (const GazetteerName& n : vietnam->names) {
    iso_fr |= n.source == "iso-codes:iso_3166-1:fr";
    icu_de |= n.source == "icu:display:de";
  }
  EXPECT_TRUE(iso_fr);
  EXPECT_TRUE(icu_de);
  EXPECT_THAT(Found(**g, "Die Russische Föderation und Deutschland", "de"),
              testing::ElementsAre("Russische Föderation -> country/RU",
                                   "Deutschland -> country/DE"));
  EXPECT_THAT(Found(**g, "la délégation vietnamienne", "fr"),
              testing::ElementsAre("vietnamienne -> country/VN"));
  EXPECT_THAT(Found(**g, "Организации Объединённых Наций", "ru"),
              testing::ElementsAre("Организации Объединённых Наций -> org/un"));
  EXPECT_GT((*g)->name_count(), 10000u);
}

// Every member state of the United Nations, the two observer states and
// Taiwan have adjectives and demonyms in the six languages, except where
// countries.txt says why it leaves them out (shared by two countries,
// also a region or an ordinary word, no form in common use).
TEST(GazetteerTest, EveryStateHasItsAdjectives) {
  absl::StatusOr<std::unique_ptr<Gazetteer>> g =
      Gazetteer::Load(GazetteerOptions());
  ASSERT_TRUE(g.ok()) << g.status();
  const std::vector<std::string> states = absl::StrSplit(
      "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW "
      "BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ "
      "DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT "
      "GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA "
      "LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME "
      "MA MZ NA NR NP NL NZ NI NE NG KP MK NO OM PK PW PA PG PY PE PH PL PT "
      "QA KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS "
      "ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US "
      "UY UZ VU VE VN YE ZM ZW MM PS VA TW",
      ' ');
  ASSERT_EQ(states.size(), 193u + 3u);
  const absl::flat_hash_set<std::string> left_out = {
      "AG:fr", "AG:ru", "CF:en", "CF:de", "CF:ru", "CG:en", "CG:fr", "CG:de",
      "CG:es", "CG:ru", "CD:en", "CD:fr", "CD:de", "CD:es", "CD:ru", "DM:en",
      "DM:ru", "DO:en", "GQ:ru", "GD:es", "GD:ru", "GN:en", "GN:es", "GW:ru",
      "KI:fr", "KI:ru", "LS:ru", "MH:ru", "MR:ru", "FM:en", "FM:fr", "FM:de",
      "FM:es", "FM:ru", "FM:vi", "MC:ru", "MK:es", "PW:fr", "PG:fr", "PG:es",
      "PG:ru", "KN:fr", "KN:de", "KN:ru", "LC:de", "LC:es", "LC:ru", "VC:fr",
      "VC:de", "VC:ru", "ST:ru", "SB:ru", "TV:ru", "VU:ru", "VA:en"};
  for (const std::string& code : states) {
    const GazetteerEntry* state = (*g)->FindEntry("country/" + code);
    ASSERT_NE(state, nullptr) << code;
    for (const std::string language : {"en", "fr", "de", "es", "ru", "vi"}) {
      const bool has = std::any_of(state->names.begin(), state->names.end(),
                                   [&](const GazetteerName& name) {
                                     return name.use == NameUse::kAdjective &&
                                            name.language == language;
                                   });
      const std::string pair = absl::StrCat(code, ":", language);
      EXPECT_EQ(has, !left_out.contains(pair)) << pair;
    }
  }
}

// No name or adjective of countries.txt stands for two countries in one
// language ("Congolese", "Guinean", "Dominican" are left out).
TEST(GazetteerTest, NoCountryFormIsTwoCountries) {
  absl::StatusOr<std::unique_ptr<Gazetteer>> g =
      Gazetteer::Load(GazetteerOptions());
  ASSERT_TRUE(g.ok()) << g.status();
  absl::flat_hash_map<std::string, std::string> owner;
  int forms = 0;
  for (const GazetteerEntry& entry : (*g)->entries()) {
    if (entry.kind != EntryKind::kCountry) continue;
    for (const GazetteerName& name : entry.names) {
      if (!name.source.starts_with("team:countries.txt")) continue;
      ++forms;
      const std::string key =
          absl::StrCat(name.language, ":", alias::AliasKey(name.text));
      const auto [it, added] = owner.try_emplace(key, entry.id);
      EXPECT_TRUE(added || it->second == entry.id)
          << key << " is " << it->second << " and " << entry.id;
    }
  }
  EXPECT_GT(forms, 10000);
}

TEST(GazetteerTest, MissingIsoCodesSaysWhatToInstall) {
  GazetteerOptions options;
  options.countries.iso_3166_json = "/nonexistent/iso_3166-1.json";
  absl::StatusOr<std::unique_ptr<Gazetteer>> g = Gazetteer::Load(options);
  ASSERT_TRUE(absl::IsNotFound(g.status()));
  EXPECT_THAT(g.status().message(), testing::HasSubstr("iso-codes"));
}

}  // namespace
}  // namespace accord::extract
