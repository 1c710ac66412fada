// The understanding step on normalized documents: the five seed articles
// (the issue's "done when" list) and documents the team wrote.
#include "ingest-service/extract/understanding.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/index/document_terms.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/normalize/normalizer.h"

namespace accord::extract {
namespace {

using testing::Contains;
using testing::HasSubstr;
using testing::Not;

class UnderstandingTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    normalizer_ = new normalize::Normalizer();
    absl::StatusOr<std::unique_ptr<Understanding>> u =
        Understanding::Create(UnderstandingOptions());
    ASSERT_TRUE(u.ok()) << u.status();
    understanding_ = u->release();
  }
  static void TearDownTestSuite() {
    delete normalizer_;
    delete understanding_;
  }

  static accord::v1::Document Understand(
      const std::string& text,
      std::vector<store::PendingEntity>* entities = nullptr) {
    accord::v1::Document doc;
    EXPECT_TRUE(
        normalizer_->Normalize(text, accord::v1::DocumentMetadata(), &doc)
            .ok());
    std::vector<store::PendingEntity> pending =
        understanding_->Understand(&doc);
    if (entities != nullptr) *entities = std::move(pending);
    if (std::getenv("ACCORD_UNDERSTANDING_DUMP") != nullptr) {
      for (const auto& m : doc.entity_mentions()) {
        std::cout << m.span().part() << ":" << m.span().begin() << " "
                  << m.surface() << " = " << m.entity_id() << " ("
                  << m.canonical_name() << ")";
        for (const auto& r : m.roles()) {
          std::cout << " [" << r.role_id() << "@" << r.of_entity_id() << "]";
        }
        std::cout << "\n";
      }
      for (const auto& t : doc.temporal_expressions()) {
        std::cout << t.surface() << " = " << t.value().iso8601() << ".."
                  << t.end().iso8601() << " " << t.duration() << " res "
                  << t.resolution() << " " << t.year_evidence() << "\n";
      }
    }
    return doc;
  }

  static std::string Seed(const std::string& prefix) {
    const char* source_dir = std::getenv("ACCORD_SOURCE_DIR");
    const std::filesystem::path dir =
        std::filesystem::path(source_dir != nullptr ? source_dir : ".") / ".." /
        "shared" / "seeds";
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) return "";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().filename().string().rfind(prefix, 0) == 0) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
      }
    }
    return "";
  }

  // "surface=entity_id" of every mention; people also get their roles.
  static std::vector<std::string> Mentions(const accord::v1::Document& doc) {
    std::vector<std::string> out;
    for (const auto& m : doc.entity_mentions()) {
      std::string d = absl::StrCat(m.surface(), "=", m.entity_id());
      for (const auto& r : m.roles()) {
        absl::StrAppend(&d, " ", r.role_id(), "@", r.of_entity_id());
      }
      out.push_back(d);
    }
    return out;
  }
  static std::vector<std::string> Ids(const accord::v1::Document& doc) {
    std::vector<std::string> out;
    for (const auto& m : doc.entity_mentions()) out.push_back(m.entity_id());
    return out;
  }
  static const accord::v1::TemporalExpression* Temporal(
      const accord::v1::Document& doc, std::string_view surface) {
    for (const auto& t : doc.temporal_expressions()) {
      if (t.surface() == surface) return &t;
    }
    return nullptr;
  }

  static normalize::Normalizer* normalizer_;
  static Understanding* understanding_;
};

normalize::Normalizer* UnderstandingTest::normalizer_ = nullptr;
Understanding* UnderstandingTest::understanding_ = nullptr;

TEST_F(UnderstandingTest, Seed000) {
  const std::string text = Seed("000");
  if (text.empty()) GTEST_SKIP() << "no seeds";
  const accord::v1::Document doc = Understand(text);
  const auto mentions = Mentions(doc);
  EXPECT_THAT(mentions, Contains(HasSubstr("role/president@country/VN")));
  EXPECT_THAT(
      mentions,
      Contains(HasSubstr("=person/vladimir-putin role/president@country/RU")));
  for (const char* id : {"country/VN", "country/RU", "org/apec",
                         "place/da-nang", "person/tran-dai-quang"}) {
    EXPECT_THAT(Ids(doc), Contains(id));
  }
  const accord::v1::TemporalExpression* date = Temporal(doc, "November 10");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->value().iso8601(), "XXXX-11-10");
  EXPECT_EQ(date->resolution(), accord::v1::TEMPORAL_RESOLUTION_YEAR_UNKNOWN);
}

TEST_F(UnderstandingTest, Seed001) {
  const std::string text = Seed("001");
  if (text.empty()) GTEST_SKIP() << "no seeds";
  std::vector<store::PendingEntity> entities;
  const accord::v1::Document doc = Understand(text, &entities);
  EXPECT_THAT(Ids(doc), Contains("person/tran-dai-quang"));
  EXPECT_THAT(Ids(doc), Contains("person/vladimir-putin"));
  // The teaser tail (Singapore, Laos) is not the document's.
  EXPECT_THAT(Ids(doc), Not(Contains("country/SG")));
  EXPECT_THAT(Ids(doc), Not(Contains("country/LA")));
  const accord::v1::TemporalExpression* date =
      Temporal(doc, "vendredi 10 novembre");
  ASSERT_NE(date, nullptr);
  EXPECT_THAT(date->candidate_years(),
              testing::IsSupersetOf({2006, 2017, 2023}));
  EXPECT_EQ(date->value().iso8601(), "2017-11-10");
  EXPECT_EQ(date->resolution(), accord::v1::TEMPORAL_RESOLUTION_EVIDENCE);
  EXPECT_THAT(date->year_evidence(), HasSubstr("Tran Dai Quang"));
}

TEST_F(UnderstandingTest, Seed002) {
  const std::string text = Seed("002");
  if (text.empty()) GTEST_SKIP() << "no seeds";
  const accord::v1::Document doc = Understand(text);
  const auto mentions = Mentions(doc);
  EXPECT_THAT(mentions,
              Contains(HasSubstr(
                  "Bui Van Nam=person/bui-van-nam "
                  "role/deputy-minister@org/vn-ministry-of-public-security")));
  // "Nam led ..." and "Sen. Lt. Gen. Nam said ...".
  EXPECT_GE(std::count_if(mentions.begin(), mentions.end(),
                          [](const std::string& m) {
                            return m.starts_with("Nam=person/bui-van-nam");
                          }),
            2);
  EXPECT_THAT(mentions,
              Contains(HasSubstr("Nikolai Patrushev=person/nikolai-patrushev "
                                 "role/secretary@org/ru-security-council")));
  for (const char* id :
       {"person/vladimir-putin", "country/CN", "country/TH", "country/CU",
        "country/RU", "country/VN", "org/un", "place/tver-region"}) {
    EXPECT_THAT(Ids(doc), Contains(id));
  }
  const accord::v1::TemporalExpression* range = Temporal(doc, "May 24-25");
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(range->kind(), accord::v1::TEMPORAL_KIND_RANGE);
  EXPECT_EQ(range->value().iso8601(), "XXXX-05-24");
  EXPECT_EQ(range->end().iso8601(), "XXXX-05-25");
}

TEST_F(UnderstandingTest, Seed003) {
  const std::string text = Seed("003");
  if (text.empty()) GTEST_SKIP() << "no seeds";
  const accord::v1::Document doc = Understand(text);
  int liukmanov_roles = 0;
  for (const auto& m : doc.entity_mentions()) {
    if (m.surface() == "Artur Liukmanov") {
      liukmanov_roles = std::max(liukmanov_roles, m.roles_size());
    }
  }
  EXPECT_EQ(liukmanov_roles, 2);
  for (const char* id : {"country/RU", "country/VN", "org/un", "org/asean",
                         "treaty/un-convention-against-cybercrime"}) {
    EXPECT_THAT(Ids(doc), Contains(id));
  }
  const auto* range = Temporal(doc, "am 25. und 26. Oktober");
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(range->kind(), accord::v1::TEMPORAL_KIND_RANGE);
  const auto* month = Temporal(doc, "im Dezember 2024");
  ASSERT_NE(month, nullptr);
  EXPECT_EQ(month->value().iso8601(), "2024-12");
  const auto* duration = Temporal(doc, "seit 20 Jahren");
  ASSERT_NE(duration, nullptr);
  EXPECT_EQ(duration->duration(), "P20Y");
}

TEST_F(UnderstandingTest, Seed004) {
  const std::string text = Seed("004");
  if (text.empty()) GTEST_SKIP() << "no seeds";
  const accord::v1::Document doc = Understand(text);
  const auto mentions = Mentions(doc);
  EXPECT_THAT(mentions, Contains(HasSubstr("Nguyen Thanh Hung=")));
  EXPECT_THAT(mentions, Contains(HasSubstr("Rebecca Bryant=")));
  for (const char* id : {"org/aspi", "org/asean", "country/AU", "country/VN"}) {
    EXPECT_THAT(Ids(doc), Contains(id));
  }
  const auto* day = Temporal(doc, "November 27, 2019");
  ASSERT_NE(day, nullptr);
  EXPECT_EQ(day->value().iso8601(), "2019-11-27");
  const auto* year = Temporal(doc, "In 2018");
  ASSERT_NE(year, nullptr);
  EXPECT_EQ(year->value().iso8601(), "2018");
}

// A role the text leaves unattached takes the only office the office
// holders list knows for it; a role the list does not know stays as is.
TEST_F(UnderstandingTest, KnownOfficeHoldersRolesAttachFromTheList) {
  const accord::v1::Document doc = Understand(
      "Talks in Hanoi\n\nHanoi (VNA) – President Vladimir Putin met "
      "Director Hoang Van Long of the agency on Monday.\n");
  bool putin = false, long_found = false;
  for (const auto& m : doc.entity_mentions()) {
    for (const auto& r : m.roles()) {
      if (m.entity_id() == "person/vladimir-putin" &&
          r.role_id() == "role/president") {
        putin = true;
        EXPECT_EQ(r.of_entity_id(), "country/RU");
        EXPECT_THAT(r.derivation().detail(), HasSubstr("people.txt"));
      }
      if (m.surface() == "Hoang Van Long") {
        long_found = true;
        EXPECT_EQ(r.of_entity_id(), "");  // not in the list: nothing added
      }
    }
  }
  EXPECT_TRUE(putin);
  EXPECT_TRUE(long_found);
}

// Event participants carry the countries they act for: a person through
// the body a role of theirs is of (and that body's country), a body
// through the gazetteer; a country itself carries none.
TEST_F(UnderstandingTest, EventParticipantsCarryTheCountriesTheyActFor) {
  for (const std::string& text :
       {std::string(
            "Talks in Paris\n\nParis (AFP) – President Vladimir Putin met the "
            "Ministry of Public Security of Vietnam and France on "
            "Tuesday to discuss cybercrime.\n"),
        std::string("Rencontre à Paris\n\nParis (AFP) – Le président "
                    "Vladimir Poutine a rencontré le ministère de la Sécurité "
                    "publique du Vietnam et la France mardi pour discuter de "
                    "la cybercriminalité.\n")}) {
    accord::v1::Document doc = Understand(text);
    understanding_->UnderstandTerms(
        index::BuildDocumentTerms(understanding_->analyzer(), doc), &doc);
    std::map<std::string, std::vector<std::string>> countries;
    for (const auto& event : doc.events()) {
      for (const auto& p : event.participants()) {
        countries[p.entity_id()].assign(p.country_ids().begin(),
                                        p.country_ids().end());
      }
    }
    ASSERT_FALSE(doc.events().empty()) << text;
    EXPECT_EQ(countries["org/vn-ministry-of-public-security"],
              std::vector<std::string>{"country/VN"})
        << text;
    EXPECT_EQ(countries["person/vladimir-putin"],
              std::vector<std::string>{"country/RU"})
        << text;
    ASSERT_TRUE(countries.contains("country/FR")) << text;
    EXPECT_TRUE(countries["country/FR"].empty());
  }
}

// A gazetteer entity's names in every language, offices and alias keys
// travel once, shared (store::KnownEntity); a document adds only the names
// it used and the keys the gazetteer lacks.
TEST_F(UnderstandingTest, EntityRecordsShareTheGazetteersData) {
  std::vector<store::PendingEntity> entities;
  Understand(
      "Gespräche in Moskau\n\nMoskau – Präsident Wladimir Putin empfing "
      "am Montag den Sonderbeauftragten Andrej Krutskich. Putin sagte, "
      "Russland und Vietnam arbeiten zusammen. Krutskich stimmte zu.\n",
      &entities);
  const store::PendingEntity* russia = nullptr;
  const store::PendingEntity* putin = nullptr;
  const store::PendingEntity* unknown = nullptr;
  for (const store::PendingEntity& e : entities) {
    if (e.entity.id() == "country/RU") russia = &e;
    if (e.entity.id() == "person/vladimir-putin") putin = &e;
    if (e.entity.canonical_name() == "Andrej Krutskich") unknown = &e;
  }
  ASSERT_NE(russia, nullptr);
  ASSERT_NE(putin, nullptr);
  ASSERT_NE(unknown, nullptr);

  // Russia: iso-codes and CLDR names in many languages, in the shared data.
  ASSERT_NE(russia->known, nullptr);
  std::set<std::string> languages;
  for (const auto& name : russia->known->data.names()) {
    languages.insert(name.language());
    EXPECT_NE(name.source(), "text");
  }
  EXPECT_GE(languages.size(), 6u);
  EXPECT_THAT(russia->known->alias_keys, Contains("russland"));
  EXPECT_THAT(russia->known->alias_keys, Contains("rossia"));  // Россия
  // The document's own name for it, without keys the gazetteer has.
  ASSERT_EQ(russia->entity.names_size(), 1);
  EXPECT_EQ(russia->entity.names(0).name(), "Russland");
  EXPECT_EQ(russia->entity.names(0).source(), "text");
  EXPECT_THAT(russia->alias_keys, testing::IsEmpty());

  // Putin: his offices come with the shared data, the role this document
  // states with the document.
  ASSERT_NE(putin->known, nullptr);
  EXPECT_GE(putin->known->data.roles_size(), 1);
  EXPECT_EQ(putin->entity.mention_count(), 2u);
  bool stated = false;
  for (const auto& role : putin->entity.roles()) {
    stated |= role.role_id() == "role/president" && role.source() == "text";
  }
  EXPECT_TRUE(stated);
  EXPECT_THAT(putin->alias_keys, Not(Contains("putin")));

  // A person no gazetteer knows: no shared data; the keys come from the
  // document's names (the full name and the short reference).
  EXPECT_EQ(unknown->known, nullptr);
  EXPECT_THAT(unknown->alias_keys, Contains("andrej krutskich"));
  // Two different digests for two entities.
  EXPECT_NE(russia->known->digest, putin->known->digest);
}

}  // namespace
}  // namespace accord::extract
