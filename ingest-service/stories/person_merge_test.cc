// PersonMerger over a real store: people merged across documents by shared
// context and by the aliases earlier merges added, and the people it must
// keep apart. The last tests run the whole ingest path (Ingester with
// Understanding) on articles in several languages.
#include "ingest-service/stories/person_merge.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/alias/name_tokens.h"
#include "common/store/store.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/ingester.h"
#include "ingest-service/normalize/normalizer.h"

namespace accord::stories {
namespace {

using accord::v1::Bundle;
using accord::v1::Document;
using accord::v1::Entity;
using accord::v1::EntityMention;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(JaroWinklerTest, KnownValues) {
  // The classic examples of Winkler's paper.
  EXPECT_NEAR(internal::JaroWinkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(internal::JaroWinkler("dwayne", "duane"), 0.840, 0.001);
  EXPECT_NEAR(internal::JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_EQ(internal::JaroWinkler("lavrov", "lavrov"), 1.0);
  EXPECT_EQ(internal::JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_EQ(internal::JaroWinkler("", "abc"), 0.0);
  EXPECT_EQ(internal::JaroWinkler("", ""), 1.0);
  EXPECT_EQ(internal::JaroWinkler("a", "a"), 1.0);
  // Symmetric.
  EXPECT_EQ(internal::JaroWinkler("patroucev", "patrusev"),
            internal::JaroWinkler("patrusev", "patroucev"));
}

TEST(NameLikenessTest, LastWordsAlikeAndFirstLettersEqual) {
  // French and English transliterations of one Russian name.
  EXPECT_GT(internal::NameLikeness("dmitri kourbatov", "dmitri kurbatov", 0.85),
            0.9);
  // The family name alone against the full name.
  EXPECT_GT(internal::NameLikeness("kourbatov", "dmitri kurbatov", 0.85), 0.9);
  // Different family names; different first names.
  EXPECT_EQ(internal::NameLikeness("dmitri kurbatov", "andrei volkov", 0.85),
            0.0);
  EXPECT_EQ(internal::NameLikeness("bui van nam", "nguien van son", 0.85), 0.0);
  EXPECT_EQ(internal::NameLikeness("dmitri kurbatov", "sergei kurbatov", 0.85),
            0.0);
  EXPECT_EQ(internal::NameLikeness("", "dmitri kurbatov", 0.85), 0.0);
}

// ---- The merger over hand-made entities ----

store::PendingEntity Person(const std::string& id, const std::string& name,
                            const std::string& language) {
  store::PendingEntity pending;
  pending.entity.set_id(id);
  pending.entity.set_kind(accord::v1::ENTITY_KIND_PERSON);
  pending.entity.set_canonical_name(name);
  pending.entity.set_mention_count(1);
  accord::v1::EntityName* added = pending.entity.add_names();
  added->set_language(language);
  added->set_name(name);
  added->set_source("text");
  pending.alias_keys.push_back(alias::AliasKey(name));
  return pending;
}

void AddRole(store::PendingEntity* pending, const std::string& role_id,
             const std::string& of_id) {
  accord::v1::EntityRole* role = pending->entity.add_roles();
  role->set_role_id(role_id);
  role->set_role_name(role_id.substr(5));
  role->set_of_entity_id(of_id);
  role->set_of_entity_name(of_id);
  role->set_source("text");
}

// A document whose one mention per entity points at it.
store::PendingDocument Doc(char id_char,
                           std::vector<store::PendingEntity> entities) {
  store::PendingDocument doc;
  doc.document().set_id(std::string(store::kDocumentIdLength, id_char));
  doc.raw_content = std::string("raw ") + id_char;
  for (const store::PendingEntity& pending : entities) {
    EntityMention* mention = doc.document().add_entity_mentions();
    mention->set_entity_id(pending.entity.id());
    mention->set_canonical_name(pending.entity.canonical_name());
    mention->set_surface(pending.entity.canonical_name());
    mention->set_kind(pending.entity.kind());
  }
  doc.entities = std::move(entities);
  return doc;
}

class PersonMergerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<store::Store>> store =
        store::Store::OpenPrimary(dir_.Sub("db"), store::StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // Merges `docs`, then commits them as one bundle; returns the merges.
  std::vector<PersonMerge> MergeAndCommit(
      std::vector<store::PendingDocument>* docs) {
    absl::StatusOr<std::vector<PersonMerge>> merges =
        merger_.Merge(*store_, docs);
    EXPECT_TRUE(merges.ok()) << merges.status();
    Bundle bundle;
    bundle.set_id(absl::StrCat("bundle", ++bundles_));
    for (size_t i = 0; i < docs->size(); ++i) {
      (*docs)[i].index = static_cast<uint32_t>(i);
      bundle.add_results()->set_index(static_cast<uint32_t>(i));
    }
    absl::Status committed = store_->CommitBundle(docs, &bundle);
    EXPECT_TRUE(committed.ok()) << committed;
    return merges.ok() ? *merges : std::vector<PersonMerge>();
  }

  std::vector<PersonMerge> MergeAndCommit(store::PendingDocument doc) {
    std::vector<store::PendingDocument> docs;
    docs.push_back(std::move(doc));
    std::vector<PersonMerge> merges = MergeAndCommit(&docs);
    last_ = docs[0].document();
    return merges;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  PersonMerger merger_{PersonMergerOptions()};
  int bundles_ = 0;
  Document last_;
};

constexpr char kEn[] = "person/en-kurbatov";
constexpr char kFr[] = "person/fr-kourbatov";

TEST_F(PersonMergerTest, SameRoleOfSameBodyAndNamesAlikeMerge) {
  store::PendingEntity en = Person(kEn, "Dmitry Kurbatov", "en");
  AddRole(&en, "role/deputy-foreign-minister", "country/RU");
  EXPECT_THAT(MergeAndCommit(Doc('a', {en})), IsEmpty());

  store::PendingEntity fr = Person(kFr, "Dmitri Kourbatov", "fr");
  AddRole(&fr, "role/deputy-foreign-minister", "country/RU");
  // An event of the document names him too, twice over (two mentions).
  store::PendingDocument b = Doc('b', {fr});
  accord::v1::EventMention* event = b.document().add_events();
  for (const char* id : {kFr, "country/RU", kFr}) {
    accord::v1::EventEntity* participant = event->add_participants();
    participant->set_entity_id(id);
    participant->set_name(id);
  }
  std::vector<PersonMerge> merges = MergeAndCommit(std::move(b));
  ASSERT_EQ(merges.size(), 1u);
  // The event's participants follow the merge, the person once.
  ASSERT_EQ(last_.events_size(), 1);
  ASSERT_EQ(last_.events(0).participants_size(), 2);
  EXPECT_EQ(last_.events(0).participants(0).entity_id(), kEn);
  EXPECT_EQ(last_.events(0).participants(0).name(), "Dmitry Kurbatov");
  EXPECT_EQ(last_.events(0).participants(1).entity_id(), "country/RU");
  EXPECT_EQ(merges[0].from_id, kFr);
  EXPECT_EQ(merges[0].to_id, kEn);
  EXPECT_THAT(merges[0].reason, HasSubstr("shared context"));
  EXPECT_THAT(merges[0].reason,
              HasSubstr("deputy-foreign-minister of country/RU"));
  EXPECT_THAT(merges[0].reason,
              HasSubstr("\"dmitri kourbatov\" ~ \"dmitri kurbatov\""));

  // The stored document points at the known person, and says why.
  ASSERT_EQ(last_.entity_mentions_size(), 1);
  EXPECT_EQ(last_.entity_mentions(0).entity_id(), kEn);
  EXPECT_EQ(last_.entity_mentions(0).canonical_name(), "Dmitry Kurbatov");
  EXPECT_EQ(last_.entity_mentions(0).surface(), "Dmitri Kourbatov");
  EXPECT_EQ(last_.entity_mentions(0).resolution(), merges[0].reason);
  absl::StatusOr<Document> stored = store_->GetDocument(last_.id());
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->entity_mentions(0).entity_id(), kEn);

  // The entity gained the French name, with the reason, and its alias; the
  // French id was never stored.
  absl::StatusOr<Entity> entity = store_->GetEntity(kEn, 10);
  ASSERT_TRUE(entity.ok()) << entity.status();
  EXPECT_EQ(entity->document_count(), 2);
  bool found_french = false;
  for (const auto& name : entity->names()) {
    if (name.name() != "Dmitri Kourbatov") continue;
    found_french = true;
    EXPECT_EQ(name.language(), "fr");
    EXPECT_EQ(name.resolution(), merges[0].reason);
  }
  EXPECT_TRUE(found_french);
  EXPECT_THAT(*store_->FindEntitiesByAlias("dmitri kourbatov", 10),
              ElementsAre(kEn));
  EXPECT_TRUE(absl::IsNotFound(store_->GetEntity(kFr, 10).status()));
}

TEST_F(PersonMergerTest, AnAliasAnEarlierMergeAddedMergesWithoutTheRole) {
  store::PendingEntity en = Person(kEn, "Dmitry Kurbatov", "en");
  AddRole(&en, "role/deputy-foreign-minister", "country/RU");
  MergeAndCommit(Doc('a', {en}));
  store::PendingEntity fr = Person(kFr, "Dmitri Kourbatov", "fr");
  AddRole(&fr, "role/deputy-foreign-minister", "country/RU");
  ASSERT_EQ(MergeAndCommit(Doc('b', {fr})).size(), 1u);

  // Later, the French spelling with a role of no body: no context, but the
  // alias the merge stored.
  store::PendingEntity again = Person(kFr, "Dmitri Kourbatov", "fr");
  AddRole(&again, "role/diplomat", "");
  std::vector<PersonMerge> merges = MergeAndCommit(Doc('c', {again}));
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_EQ(merges[0].to_id, kEn);
  EXPECT_EQ(merges[0].to_name, "Dmitry Kurbatov");
  EXPECT_THAT(merges[0].reason,
              HasSubstr("\"Dmitri Kourbatov\" is already a name of Dmitry "
                        "Kurbatov (person/en-kurbatov)"));
  EXPECT_EQ(store_->GetEntity(kEn, 10)->document_count(), 3);
}

TEST_F(PersonMergerTest, PeopleWithoutEnoughInCommonStayApart) {
  store::PendingEntity en = Person(kEn, "Dmitry Kurbatov", "en");
  AddRole(&en, "role/deputy-foreign-minister", "country/RU");
  MergeAndCommit(Doc('a', {en}));

  // Same role and body, another name.
  store::PendingEntity other = Person("person/volkov", "Andrei Volkov", "en");
  AddRole(&other, "role/deputy-foreign-minister", "country/RU");
  // A name alike, but the role of another body.
  store::PendingEntity elsewhere = Person(kFr, "Dmitri Kourbatov", "fr");
  AddRole(&elsewhere, "role/deputy-foreign-minister", "country/BY");
  // A name alike, the same body, another role.
  store::PendingEntity role =
      Person("person/kurbatova", "Dmitri Kourbatova", "fr");
  AddRole(&role, "role/ambassador", "country/RU");
  // Same family name and role, another first name.
  store::PendingEntity brother =
      Person("person/s-kurbatov", "Sergei Kurbatov", "en");
  AddRole(&brother, "role/deputy-foreign-minister", "country/RU");
  // A one-word canonical name is no alias route, and a rank is no body.
  store::PendingEntity rank = Person("person/kurbatov", "Kurbatov", "de");
  AddRole(&rank, "rank/general", "");
  std::vector<store::PendingDocument> docs;
  docs.push_back(Doc('b', {other}));
  docs.push_back(Doc('c', {elsewhere}));
  docs.push_back(Doc('d', {role}));
  docs.push_back(Doc('e', {brother}));
  docs.push_back(Doc('f', {rank}));
  EXPECT_THAT(MergeAndCommit(&docs), IsEmpty());
  for (const store::PendingDocument& doc : docs) {
    EXPECT_NE(doc.document().entity_mentions(0).entity_id(), kEn);
    EXPECT_TRUE(doc.document().entity_mentions(0).resolution().empty());
  }
}

// Many officers of one body hold the same rank at once: sharing a rank of
// a body, with a name alike, is no reason to merge (an office is).
TEST_F(PersonMergerTest, ARankOfTheSameBodyIsNoReasonToMerge) {
  store::PendingEntity en = Person(kEn, "Dmitry Kurbatov", "en");
  AddRole(&en, "rank/major-general", "org/ru-ministry-of-defence");
  MergeAndCommit(Doc('a', {en}));
  store::PendingEntity fr = Person(kFr, "Dmitri Kourbatov", "fr");
  AddRole(&fr, "rank/major-general", "org/ru-ministry-of-defence");
  EXPECT_THAT(MergeAndCommit(Doc('b', {fr})), IsEmpty());
  EXPECT_TRUE(store_->GetEntity(kFr, 10).ok());
}

TEST_F(PersonMergerTest, TwoHoldersEquallyAlikeMergeWithNeither) {
  store::PendingEntity a = Person("person/a", "Dmitry Kurbatov", "en");
  AddRole(&a, "role/deputy-foreign-minister", "country/RU");
  store::PendingEntity b = Person("person/b", "D. Kurbatov", "en");
  AddRole(&b, "role/deputy-foreign-minister", "country/RU");
  MergeAndCommit(Doc('a', {a, b}));
  store::PendingEntity fr = Person(kFr, "Dmitri Kourbatov", "fr");
  AddRole(&fr, "role/deputy-foreign-minister", "country/RU");
  EXPECT_THAT(MergeAndCommit(Doc('b', {fr})), IsEmpty());
}

TEST_F(PersonMergerTest, AnEarlierDocumentOfTheSameBundleCounts) {
  store::PendingEntity en = Person(kEn, "Dmitry Kurbatov", "en");
  AddRole(&en, "role/deputy-foreign-minister", "country/RU");
  store::PendingEntity fr = Person(kFr, "Dmitri Kourbatov", "fr");
  AddRole(&fr, "role/deputy-foreign-minister", "country/RU");
  // The French spelling again, role of no body, in a third document: the
  // alias the second one's merge adds, before anything is stored.
  store::PendingEntity again = Person(kFr, "Dmitri Kourbatov", "fr");
  std::vector<store::PendingDocument> docs;
  docs.push_back(Doc('a', {en}));
  docs.push_back(Doc('b', {fr}));
  docs.push_back(Doc('c', {again}));
  std::vector<PersonMerge> merges = MergeAndCommit(&docs);
  ASSERT_EQ(merges.size(), 2u);
  EXPECT_THAT(merges[0].reason, HasSubstr("shared context"));
  EXPECT_THAT(merges[1].reason, HasSubstr("is already a name of"));
  EXPECT_EQ(docs[1].document().entity_mentions(0).entity_id(), kEn);
  EXPECT_EQ(docs[2].document().entity_mentions(0).entity_id(), kEn);
  EXPECT_EQ(store_->GetEntity(kEn, 10)->document_count(), 3);
}

TEST_F(PersonMergerTest, BothSpellingsInOneDocumentBecomeOneEntity) {
  store::PendingEntity en = Person(kEn, "Dmitry Kurbatov", "en");
  AddRole(&en, "role/deputy-foreign-minister", "country/RU");
  MergeAndCommit(Doc('a', {en}));

  store::PendingEntity same = Person(kEn, "Dmitry Kurbatov", "fr");
  store::PendingEntity fr = Person(kFr, "Dmitri Kourbatov", "fr");
  AddRole(&fr, "role/deputy-foreign-minister", "country/RU");
  std::vector<store::PendingDocument> docs;
  docs.push_back(Doc('b', {same, fr}));
  ASSERT_EQ(MergeAndCommit(&docs).size(), 1u);
  ASSERT_EQ(docs[0].entities.size(), 1u);
  EXPECT_EQ(docs[0].entities[0].entity.id(), kEn);
  EXPECT_EQ(docs[0].entities[0].entity.mention_count(), 2);
  EXPECT_EQ(docs[0].entities[0].entity.names_size(), 2);
  EXPECT_EQ(docs[0].entities[0].entity.roles_size(), 1);
  absl::StatusOr<Entity> entity = store_->GetEntity(kEn, 10);
  ASSERT_TRUE(entity.ok()) << entity.status();
  EXPECT_EQ(entity->mention_count(), 3);
}

// ---- The whole ingest path ----

accord::v1::DocumentInput Article(const std::string& text) {
  accord::v1::DocumentInput input;
  input.set_content(text);
  input.set_content_type("text/plain");
  return input;
}

// Articles the team wrote for these tests, about a made-up Russian deputy
// foreign minister: each language's press spells him its own way.
const char kEnglish[] =
    "Russia and Vietnam to hold talks on information security\n\n"
    "MOSCOW, March 3 (TASS) - Deputy Foreign Minister of Russia Dmitry "
    "Kurbatov received the Vietnamese ambassador on Tuesday to prepare "
    "consultations on information security. Kurbatov said the talks would "
    "take place in Hanoi in April.\n";
const char kFrench[] =
    "Sécurité de l'information : Moscou et Hanoï préparent des "
    "consultations\n\n"
    "MOSCOU, 4 mars (AFP) - Le vice-ministre des Affaires étrangères de "
    "Russie Dmitri Kourbatov a reçu mardi l'ambassadeur du Vietnam. Les "
    "consultations auront lieu à Hanoï en avril, a précisé Kourbatov.\n";
// Later: the French spelling again, with a rank of no body only.
const char kFrenchLater[] =
    "Consultations russo-vietnamiennes à Hanoï\n\n"
    "HANOÏ, 20 avril (AFP) - Le diplomate russe M. Dmitri Kourbatov a "
    "ouvert lundi à Hanoï les consultations sur la sécurité de "
    "l'information.\n";
// Another deputy foreign minister of Russia: the same role, not the same
// man.
const char kDistractor[] =
    "Russia and Laos sign a memorandum\n\n"
    "MOSCOW, May 5 (TASS) - Deputy Foreign Minister of Russia Andrei "
    "Volkov signed a memorandum on consultations with Laos on Friday.\n";

class PersonMergeIngestTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<extract::Understanding>> understanding =
        extract::Understanding::Create(extract::UnderstandingOptions());
    ASSERT_TRUE(understanding.ok()) << understanding.status();
    understanding_ = understanding->release();
  }
  static void TearDownTestSuite() { delete understanding_; }

  void SetUp() override {
    absl::StatusOr<std::unique_ptr<store::Store>> store =
        store::Store::OpenPrimary(dir_.Sub("db"), store::StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    absl::StatusOr<std::unique_ptr<analysis::Analyzer>> analyzer =
        analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *std::move(analyzer);
    UseScope(ingest::IngesterOptions::UnderstandingScope::kWhole);
  }

  // Ingest from now on runs `scope` of the understanding layer.
  void UseScope(ingest::IngesterOptions::UnderstandingScope scope) {
    ingest::IngesterOptions options;
    options.understanding = understanding_;
    options.understanding_scope = scope;
    options.prepare_threads = 1;
    ingester_ = std::make_unique<ingest::Ingester>(store_.get(), &normalizer_,
                                                   analyzer_.get(), options);
  }

  // Ingests `text` as a bundle of its own; returns the stored document.
  Document Ingest(const std::string& text) {
    auto bundle = ingester_->NewBundle("test", "person merge", "");
    EXPECT_TRUE(bundle.ok()) << bundle.status();
    EXPECT_TRUE((*bundle)->Add(Article(text)).ok());
    absl::StatusOr<Bundle> report = (*bundle)->Commit();
    EXPECT_TRUE(report.ok()) << report.status();
    if (!report.ok()) return Document();
    EXPECT_EQ(report->results(0).outcome(),
              accord::v1::DOCUMENT_OUTCOME_CREATED)
        << report->results(0).message();
    absl::StatusOr<Document> stored =
        store_->GetDocument(report->results(0).document_id());
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.ok() ? *stored : Document();
  }

  // The mentions of `document` whose surface contains `name`.
  static std::vector<EntityMention> MentionsOf(const Document& document,
                                               const std::string& name) {
    std::vector<EntityMention> found;
    for (const EntityMention& m : document.entity_mentions()) {
      if (m.surface().find(name) != std::string::npos) found.push_back(m);
    }
    return found;
  }

  static extract::Understanding* understanding_;
  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  normalize::Normalizer normalizer_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<ingest::Ingester> ingester_;
};

extract::Understanding* PersonMergeIngestTest::understanding_ = nullptr;

TEST_F(PersonMergeIngestTest,
       FrenchSpellingJoinsTheEnglishOneByRoleThenByAlias) {
  const Document english = Ingest(kEnglish);
  std::vector<EntityMention> en = MentionsOf(english, "Kurbatov");
  ASSERT_FALSE(en.empty());
  const std::string id = en[0].entity_id();
  ASSERT_THAT(id, ::testing::StartsWith("person/h"));

  const Document french = Ingest(kFrench);
  std::vector<EntityMention> fr = MentionsOf(french, "Kourbatov");
  // The full name and the short reference both point at the English id.
  ASSERT_EQ(fr.size(), 2u);
  for (const EntityMention& m : fr) {
    EXPECT_EQ(m.entity_id(), id) << m.DebugString();
    EXPECT_EQ(m.canonical_name(), "Dmitry Kurbatov");
    // "Deputy Foreign Minister" is recorded as a deputy minister of the
    // ministry (roles.txt recorded_as).
    EXPECT_THAT(m.resolution(),
                HasSubstr("by shared context: both Deputy Minister of "
                          "Ministry of Foreign Affairs of Russia"));
  }

  const Document later = Ingest(kFrenchLater);
  std::vector<EntityMention> again = MentionsOf(later, "Kourbatov");
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].entity_id(), id);
  EXPECT_THAT(again[0].resolution(),
              HasSubstr("is already a name of Dmitry Kurbatov"));

  const Document other = Ingest(kDistractor);
  std::vector<EntityMention> volkov = MentionsOf(other, "Volkov");
  ASSERT_FALSE(volkov.empty());
  EXPECT_NE(volkov[0].entity_id(), id);
  EXPECT_TRUE(volkov[0].resolution().empty());

  absl::StatusOr<Entity> entity = store_->GetEntity(id, 10);
  ASSERT_TRUE(entity.ok()) << entity.status();
  EXPECT_EQ(entity->document_count(), 3);
  std::vector<std::string> names;
  for (const auto& name : entity->names()) {
    names.push_back(absl::StrCat(name.language(), ":", name.name(),
                                 name.resolution().empty() ? "" : " (merged)"));
  }
  EXPECT_THAT(names, ::testing::IsSupersetOf({"en:Dmitry Kurbatov",
                                              "fr:Dmitri Kourbatov (merged)"}));
}

// The benchmarks' half of the layer (issue 8's entities and dates): people
// still merge across documents, but no topic, event or story is made.
TEST_F(PersonMergeIngestTest, EntitiesAndDatesScopeMergesPeopleWithoutEvents) {
  const Document whole = Ingest(kEnglish);
  EXPECT_GT(whole.topics_size(), 0);
  EXPECT_GT(whole.events_size(), 0);
  EXPECT_TRUE(store_->StoryOfDocument(whole.id()).ok());

  UseScope(ingest::IngesterOptions::UnderstandingScope::kEntitiesAndDates);
  const Document french = Ingest(kFrench);
  std::vector<EntityMention> fr = MentionsOf(french, "Kourbatov");
  ASSERT_FALSE(fr.empty());
  EXPECT_EQ(fr[0].entity_id(), MentionsOf(whole, "Kurbatov")[0].entity_id());
  EXPECT_GT(french.temporal_expressions_size(), 0);
  EXPECT_EQ(french.topics_size(), 0);
  EXPECT_EQ(french.events_size(), 0);
  EXPECT_TRUE(absl::IsNotFound(store_->StoryOfDocument(french.id()).status()))
      << store_->StoryOfDocument(french.id()).status();
}

}  // namespace
}  // namespace accord::stories
