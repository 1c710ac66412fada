// Entities in the store: what CommitBundle writes for the documents that
// mention them and what GetEntity and FindEntitiesByAlias assemble.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/store/store_test_util.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace accord::store {
namespace {

using accord::v1::Bundle;
using accord::v1::Entity;
using accord::v1::EntityName;
using accord::v1::EntityRole;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

PendingEntity Mention(const std::string& id, const std::string& canonical,
                      uint64_t mentions) {
  PendingEntity pending;
  pending.entity.set_id(id);
  // The kind the id names (the store refuses any other).
  pending.entity.set_kind(EntityKindOfId(id));
  pending.entity.set_canonical_name(canonical);
  pending.entity.set_mention_count(mentions);
  return pending;
}

void AddName(PendingEntity* pending, const std::string& language,
             const std::string& name, const std::string& source = "text") {
  EntityName* added = pending->entity.add_names();
  added->set_language(language);
  added->set_name(name);
  added->set_source(source);
}

EntityRole* AddRole(PendingEntity* pending, const std::string& role_id,
                    const std::string& of_entity_id) {
  EntityRole* role = pending->entity.add_roles();
  role->set_role_id(role_id);
  role->set_role_name(role_id.substr(role_id.find('/') + 1));
  role->set_of_entity_id(of_entity_id);
  role->set_of_entity_name(of_entity_id);
  return role;
}

PendingDocument Doc(uint32_t index, char id_char,
                    std::vector<PendingEntity> entities) {
  PendingDocument pending;
  pending.index = index;
  pending.document().set_id(IdOf(id_char));
  pending.document().set_title(std::string("title ") + id_char);
  pending.raw_content = std::string("raw ") + id_char;
  pending.entities = std::move(entities);
  return pending;
}

class StoreEntityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir_.Sub("db"), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // Commits `docs` as one bundle; returns the report.
  Bundle Commit(std::vector<PendingDocument> docs) {
    Bundle bundle;
    bundle.set_id(absl::StrCat("bundle", ++bundles_));
    bundle.set_submitter("test");
    uint32_t results = 0;
    for (const PendingDocument& doc : docs) {
      results = std::max(results, doc.index + 1);
    }
    for (uint32_t i = 0; i < results; ++i) bundle.add_results()->set_index(i);
    absl::Status committed = store_->CommitBundle(&docs, &bundle);
    EXPECT_TRUE(committed.ok()) << committed;
    return bundle;
  }

  Entity GetOrDie(const std::string& id, size_t max_documents = 100) {
    absl::StatusOr<Entity> entity = store_->GetEntity(id, max_documents);
    EXPECT_TRUE(entity.ok()) << entity.status();
    return entity.ok() ? *std::move(entity) : Entity();
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  int bundles_ = 0;
};

TEST_F(StoreEntityTest, AssemblesAnEntityFromTheDocumentsThatMentionIt) {
  PendingEntity vn = Mention("country/VN", "Vietnam", 3);
  vn.entity.set_kind(accord::v1::ENTITY_KIND_COUNTRY);
  AddName(&vn, "en", "Vietnam");
  AddName(&vn, "vi", "Việt Nam", "iso-codes:iso_3166-1:vi");
  vn.alias_keys = {"vietnam", "viet nam"};
  Commit({Doc(0, 'a', {vn})});
  PendingEntity again = Mention("country/VN", "Vietnam", 2);
  again.entity.set_kind(accord::v1::ENTITY_KIND_COUNTRY);
  Commit({Doc(0, 'b', {}), Doc(1, 'c', {again})});

  Entity entity = GetOrDie("country/VN");
  EXPECT_EQ(entity.id(), "country/VN");
  EXPECT_EQ(entity.kind(), accord::v1::ENTITY_KIND_COUNTRY);
  EXPECT_EQ(entity.canonical_name(), "Vietnam");
  EXPECT_EQ(entity.mention_count(), 5u);
  EXPECT_EQ(entity.document_count(), 2u);
  EXPECT_THAT(entity.document_ids(), ElementsAre(IdOf('a'), IdOf('c')));
  EXPECT_EQ(entity.first_seen_document_id(), IdOf('a'));
  EXPECT_EQ(entity.last_seen_document_id(), IdOf('c'));
  EXPECT_EQ(entity.first_seen_time().seconds(),
            store_->GetDocument(IdOf('a'))->ingest_time().seconds());
  EXPECT_EQ(entity.last_seen_time().nanos(),
            store_->GetDocument(IdOf('c'))->ingest_time().nanos());
  EXPECT_GT(entity.first_seen_time().seconds(), 0);
  // Names sort by language, then name; a text name keeps its document, a
  // gazetteer name its source.
  ASSERT_EQ(entity.names_size(), 2);
  EXPECT_EQ(entity.names(0).name(), "Vietnam");
  EXPECT_EQ(entity.names(0).source(), "text");
  EXPECT_EQ(entity.names(0).document_id(), IdOf('a'));
  EXPECT_EQ(entity.names(1).name(), "Việt Nam");
  EXPECT_EQ(entity.names(1).source(), "iso-codes:iso_3166-1:vi");
  EXPECT_EQ(entity.names(1).document_id(), "");

  // max_documents bounds the ids, not the counts.
  Entity first_only = GetOrDie("country/VN", 1);
  EXPECT_THAT(first_only.document_ids(), ElementsAre(IdOf('a')));
  EXPECT_EQ(first_only.document_count(), 2u);
  EXPECT_EQ(first_only.last_seen_document_id(), IdOf('c'));

  absl::StatusOr<Entity> unknown = store_->GetEntity("country/FR", 10);
  EXPECT_TRUE(absl::IsNotFound(unknown.status())) << unknown.status();
  EXPECT_TRUE(absl::IsInvalidArgument(store_->GetEntity("FR", 10).status()));
}

TEST_F(StoreEntityTest, UnchangedDocumentsAddNoMentions) {
  Commit({Doc(0, 'a', {Mention("org/un", "United Nations", 4)})});
  // The same document again, alone and twice in one bundle: UNCHANGED.
  Bundle again =
      Commit({Doc(0, 'a', {Mention("org/un", "United Nations", 4)}),
              Doc(1, 'b', {Mention("org/un", "United Nations", 1)}),
              Doc(2, 'b', {Mention("org/un", "United Nations", 1)})});
  EXPECT_EQ(again.results(0).outcome(), accord::v1::DOCUMENT_OUTCOME_UNCHANGED);
  EXPECT_EQ(again.results(2).outcome(), accord::v1::DOCUMENT_OUTCOME_UNCHANGED);
  Entity un = GetOrDie("org/un");
  EXPECT_EQ(un.mention_count(), 5u);
  EXPECT_EQ(un.document_count(), 2u);
  EXPECT_THAT(un.document_ids(), ElementsAre(IdOf('a'), IdOf('b')));
}

TEST_F(StoreEntityTest, TwoDocumentsOfOneBundleAndARepeatedEntry) {
  PendingEntity first = Mention("person/vladimir-putin", "Vladimir Putin", 2);
  AddName(&first, "en", "Putin");
  PendingEntity second = Mention("person/vladimir-putin", "V. Putin", 3);
  AddName(&second, "en", "Putin");
  // An entity listed twice in one document adds its mentions.
  PendingEntity repeated = Mention("person/vladimir-putin", "V. Putin", 1);
  Commit({Doc(0, 'a', {first}), Doc(1, 'b', {second, repeated})});

  Entity putin = GetOrDie("person/vladimir-putin");
  EXPECT_EQ(putin.canonical_name(), "Vladimir Putin");  // first document's
  EXPECT_EQ(putin.mention_count(), 6u);
  EXPECT_EQ(putin.document_count(), 2u);
  ASSERT_EQ(putin.names_size(), 1);
  EXPECT_EQ(putin.names(0).document_id(), IdOf('a'));
}

TEST_F(StoreEntityTest, ANameKeepsTheFirstDocumentThatUsedIt) {
  PendingEntity french = Mention("person/vladimir-putin", "Vladimir Putin", 1);
  AddName(&french, "fr", "Poutine");
  Commit({Doc(0, 'a', {french})});
  PendingEntity later = Mention("person/vladimir-putin", "Putin", 1);
  AddName(&later, "fr", "Poutine");
  AddName(&later, "en", "Putin");
  AddName(&later, "ru", "Путин", "icu:translit");
  Commit({Doc(0, 'b', {later})});

  Entity putin = GetOrDie("person/vladimir-putin");
  EXPECT_EQ(putin.canonical_name(), "Vladimir Putin");
  ASSERT_EQ(putin.names_size(), 3);
  EXPECT_EQ(putin.names(0).language(), "en");
  EXPECT_EQ(putin.names(0).document_id(), IdOf('b'));
  EXPECT_EQ(putin.names(1).name(), "Poutine");
  EXPECT_EQ(putin.names(1).document_id(), IdOf('a'));
  EXPECT_EQ(putin.names(2).name(), "Путин");
  EXPECT_EQ(putin.names(2).source(), "icu:translit");
}

TEST_F(StoreEntityTest, RolesAreGroupedWithTheDocumentsThatStateThem) {
  auto quang = [](bool deputy) {
    PendingEntity pending =
        Mention("person/tran-dai-quang", "Trần Đại Quang", 1);
    AddRole(&pending, "role/president", "country/VN");
    if (deputy) AddRole(&pending, "role/deputy_minister", "org/vn-mps");
    // The gazetteer's office comes with every mention; stored once.
    EntityRole* office = AddRole(&pending, "role/president", "country/VN");
    office->set_source("team:people.txt");
    office->set_start("2016-04-02");
    office->set_end("2018-09-21");
    return pending;
  };
  Commit({Doc(0, 'a', {quang(false)})});
  Commit({Doc(0, 'b', {quang(true)}), Doc(1, 'c', {quang(false)})});

  Entity entity = GetOrDie("person/tran-dai-quang");
  ASSERT_EQ(entity.roles_size(), 3);
  // Groups in (role_id, of_entity_id) order; a group's gazetteer offices
  // first, then the documents' statements.
  const EntityRole& deputy = entity.roles(0);
  EXPECT_EQ(deputy.role_id(), "role/deputy_minister");
  EXPECT_EQ(deputy.of_entity_id(), "org/vn-mps");
  EXPECT_EQ(deputy.source(), "text");
  EXPECT_THAT(deputy.document_ids(), ElementsAre(IdOf('b')));
  const EntityRole& office = entity.roles(1);
  EXPECT_EQ(office.role_id(), "role/president");
  EXPECT_EQ(office.source(), "team:people.txt");
  EXPECT_EQ(office.start(), "2016-04-02");
  EXPECT_EQ(office.end(), "2018-09-21");
  EXPECT_EQ(office.document_ids_size(), 0);
  const EntityRole& stated = entity.roles(2);
  EXPECT_EQ(stated.role_id(), "role/president");
  EXPECT_EQ(stated.role_name(), "president");
  EXPECT_EQ(stated.of_entity_id(), "country/VN");
  EXPECT_EQ(stated.source(), "text");
  EXPECT_EQ(stated.start(), "");
  EXPECT_THAT(stated.document_ids(),
              ElementsAre(IdOf('a'), IdOf('b'), IdOf('c')));

  // max_documents bounds each role's documents too; no role is dropped.
  Entity bounded = GetOrDie("person/tran-dai-quang", 1);
  ASSERT_EQ(bounded.roles_size(), 3);
  EXPECT_THAT(bounded.roles(2).document_ids(), ElementsAre(IdOf('a')));
  Entity none = GetOrDie("person/tran-dai-quang", 0);
  ASSERT_EQ(none.roles_size(), 3);
  EXPECT_EQ(none.roles(2).document_ids_size(), 0);
  EXPECT_EQ(none.document_ids_size(), 0);
  EXPECT_EQ(none.document_count(), 3u);
}

TEST_F(StoreEntityTest, FindsEntitiesByAlias) {
  PendingEntity putin = Mention("person/vladimir-putin", "Vladimir Putin", 1);
  putin.alias_keys = {"putin", "poutine", "vladimir putin"};
  PendingEntity georgia = Mention("country/GE", "Georgia", 1);
  georgia.alias_keys = {"georgia"};
  PendingEntity state = Mention("place/georgia-us", "Georgia (US)", 1);
  state.alias_keys = {"georgia"};
  Commit({Doc(0, 'a', {putin, georgia})});
  Commit({Doc(0, 'b', {state, putin})});

  EXPECT_THAT(*store_->FindEntitiesByAlias("poutine", 10),
              ElementsAre("person/vladimir-putin"));
  EXPECT_THAT(*store_->FindEntitiesByAlias("georgia", 10),
              ElementsAre("country/GE", "place/georgia-us"));
  EXPECT_THAT(*store_->FindEntitiesByAlias("georgia", 1),
              ElementsAre("country/GE"));
  // A prefix of an alias is not that alias.
  EXPECT_TRUE(store_->FindEntitiesByAlias("geo", 10)->empty());
  EXPECT_TRUE(store_->FindEntitiesByAlias("vladimir", 10)->empty());
  EXPECT_TRUE(store_->FindEntitiesByAlias("", 10)->empty());
}

TEST_F(StoreEntityTest, ScansAliasesByTheirFirstLetters) {
  PendingEntity putin = Mention("person/vladimir-putin", "Vladimir Putin", 1);
  putin.alias_keys = {"putin", "poutine", "vladimir putin", "путин"};
  PendingEntity poland = Mention("country/PL", "Poland", 1);
  poland.alias_keys = {"poland", "pologne", "polen"};
  PendingEntity state = Mention("place/georgia-us", "Georgia (US)", 1);
  state.alias_keys = {"georgia"};
  Commit({Doc(0, 'a', {putin, poland, state})});

  auto pairs = [](const std::vector<Store::AliasEntry>& entries) {
    std::vector<std::string> out;
    for (const Store::AliasEntry& entry : entries) {
      out.push_back(entry.alias_key + "=" + entry.entity_id);
    }
    return out;
  };
  EXPECT_THAT(
      pairs(*store_->ScanEntityAliases("po", 10)),
      ElementsAre("poland=country/PL", "polen=country/PL", "pologne=country/PL",
                  "poutine=person/vladimir-putin"));
  EXPECT_THAT(pairs(*store_->ScanEntityAliases("po", 2)),
              ElementsAre("poland=country/PL", "polen=country/PL"));
  // Whole words and more than one: "vladimir p" is a prefix of a key.
  EXPECT_THAT(pairs(*store_->ScanEntityAliases("vladimir p", 10)),
              ElementsAre("vladimir putin=person/vladimir-putin"));
  EXPECT_THAT(pairs(*store_->ScanEntityAliases("пут", 10)),
              ElementsAre("путин=person/vladimir-putin"));
  // Nothing past the prefix, and nothing for an empty one.
  EXPECT_TRUE(store_->ScanEntityAliases("pz", 10)->empty());
  EXPECT_TRUE(store_->ScanEntityAliases("", 10)->empty());
  EXPECT_TRUE(store_->ScanEntityAliases(std::string("po\0x", 4), 10)->empty());
}

TEST_F(StoreEntityTest, AnAliasKeepsTheSequenceOfTheFirstDocumentThatGaveIt) {
  PendingEntity putin = Mention("person/vladimir-putin", "Vladimir Putin", 1);
  putin.alias_keys = {"putin"};
  Commit({Doc(0, 'a', {putin}), Doc(1, 'b', {})});
  putin.alias_keys = {"putin", "poutine"};
  PendingEntity vietnam = Mention("country/VN", "Vietnam", 1);
  vietnam.alias_keys = {"vietnam"};
  Commit({Doc(0, 'c', {vietnam, putin})});

  auto sequences = [](const std::vector<Store::AliasEntry>& entries) {
    std::vector<std::string> out;
    for (const Store::AliasEntry& entry : entries) {
      out.push_back(absl::StrCat(entry.alias_key, "@", entry.first_sequence));
    }
    return out;
  };
  // "putin" came with document a (sequence 0) and stays so when c repeats
  // it; "poutine" and "vietnam" came with c, the third document.
  EXPECT_THAT(sequences(*store_->ScanEntityAliases("p", 10)),
              ElementsAre("poutine@2", "putin@0"));
  EXPECT_THAT(sequences(*store_->ScanEntityAliases("v", 10)),
              ElementsAre("vietnam@2"));
}

TEST_F(StoreEntityTest, RecentDocumentsOfAnEntityComeNewestFirst) {
  PendingEntity un = Mention("org/un", "United Nations", 1);
  PendingEntity other = Mention("org/unesco", "UNESCO", 1);
  Commit({Doc(0, 'a', {un}), Doc(1, 'b', {other}), Doc(2, 'c', {un})});
  Commit({Doc(0, 'd', {un, other})});
  // Sequences: a 0, b 1, c 2, d 3.
  EXPECT_THAT(*store_->RecentEntityDocuments("org/un", 100, 10),
              ElementsAre(3, 2, 0));
  EXPECT_THAT(*store_->RecentEntityDocuments("org/un", 3, 10),
              ElementsAre(2, 0));
  EXPECT_THAT(*store_->RecentEntityDocuments("org/un", 100, 2),
              ElementsAre(3, 2));
  // "org/unesco" shares the beginning but not the prefix `org/un \0`.
  EXPECT_THAT(*store_->RecentEntityDocuments("org/unesco", 100, 10),
              ElementsAre(3, 1));
  EXPECT_TRUE(store_->RecentEntityDocuments("org/un", 0, 10)->empty());
  EXPECT_TRUE(store_->RecentEntityDocuments("org/none", 100, 10)->empty());
}

TEST_F(StoreEntityTest, AnIdThatNamesAnotherKindIsRefused) {
  PendingEntity misfiled = Mention("org/un", "United Nations", 1);
  misfiled.entity.set_kind(accord::v1::ENTITY_KIND_PERSON);
  std::vector<PendingDocument> docs = {Doc(0, 'a', {misfiled})};
  Bundle bundle;
  bundle.set_id("misfiled");
  bundle.add_results();
  absl::Status status = store_->CommitBundle(&docs, &bundle);
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_THAT(std::string(status.message()), HasSubstr("\"person/\""));
  EXPECT_TRUE(absl::IsNotFound(store_->GetEntity("org/un", 10).status()));
}

TEST_F(StoreEntityTest, InvalidEntitiesRefuseTheWholeBundle) {
  std::vector<PendingEntity> bad;
  for (const std::string& id :
       {std::string(""), std::string("VN"), std::string("country/"),
        std::string("/VN"), std::string("Country/VN"),
        std::string("country/V N"), std::string("country/V\0N", 11),
        std::string("country/Việt"), "person/" + std::string(200, 'x')}) {
    bad.push_back(Mention(id, "x", 1));
  }
  PendingEntity bad_role = Mention("person/x", "X", 1);
  AddRole(&bad_role, "role/president", "Vietnam");
  bad.push_back(bad_role);
  PendingEntity bad_alias = Mention("person/x", "X", 1);
  bad_alias.alias_keys = {""};
  bad.push_back(bad_alias);
  PendingEntity bad_name = Mention("person/x", "X", 1);
  AddName(&bad_name, "en", std::string("X\0Y", 3));
  bad.push_back(bad_name);

  for (const PendingEntity& entity : bad) {
    PendingEntity good = Mention("org/un", "United Nations", 1);
    good.alias_keys = {"un"};
    std::vector<PendingDocument> docs = {Doc(0, 'a', {good}),
                                         Doc(1, 'b', {entity})};
    Bundle bundle;
    bundle.set_id("refused");
    bundle.add_results();
    bundle.add_results();
    absl::Status status = store_->CommitBundle(&docs, &bundle);
    EXPECT_TRUE(absl::IsInvalidArgument(status))
        << entity.entity.id() << ": " << status;
    EXPECT_THAT(status.message(), HasSubstr("pending document 1"));
  }
  // Nothing of any refused bundle was stored, the good entity included.
  EXPECT_EQ(*store_->DocumentCount(), 0u);
  EXPECT_TRUE(absl::IsNotFound(store_->GetEntity("org/un", 10).status()));
  EXPECT_TRUE(store_->FindEntitiesByAlias("un", 10)->empty());
}

std::shared_ptr<KnownEntity> Known(uint64_t digest,
                                   std::vector<std::string> names,
                                   std::vector<std::string> alias_keys) {
  auto known = std::make_shared<KnownEntity>();
  for (const std::string& name : names) {
    EntityName* added = known->data.add_names();
    added->set_language("de");
    added->set_name(name);
    added->set_source("team:test");
  }
  EntityRole* office = known->data.add_roles();
  office->set_role_id("role/president");
  office->set_of_entity_id("country/RU");
  office->set_start("2012-05-07");
  office->set_source("team:test");
  known->alias_keys = std::move(alias_keys);
  known->digest = digest;
  return known;
}

std::vector<std::string> NamesOf(const Entity& entity) {
  std::vector<std::string> names;
  for (const EntityName& name : entity.names()) {
    names.push_back(absl::StrCat(name.language(), ":", name.name(), ":",
                                 name.source(), ":", name.document_id()));
  }
  return names;
}

// A gazetteer's data is written by the first commit that carries it; later
// commits of the process skip it (same id and digest) without reading the
// store, and new data (another digest) adds what is new, overwriting
// nothing.
TEST_F(StoreEntityTest, KnownDataIsWrittenOncePerDigest) {
  PendingEntity first = Mention("person/vladimir-putin", "Vladimir Putin", 1);
  AddName(&first, "de", "Wladimir Putin");  // also a gazetteer name
  AddName(&first, "de", "Putins");
  first.known = Known(7, {"Wladimir Putin"}, {"putin", "wladimir putin"});
  Commit({Doc(0, 'a', {first})});
  // The gazetteer's source wins over the document for the name both give.
  EXPECT_THAT(NamesOf(GetOrDie("person/vladimir-putin")),
              ElementsAre("de:Putins:text:" + IdOf('a'),
                          "de:Wladimir Putin:team:test:"));
  EXPECT_EQ(GetOrDie("person/vladimir-putin").roles_size(), 1);

  // The same digest with other content: the store trusts the digest and
  // skips it, so the other content is not written.
  PendingEntity same = Mention("person/vladimir-putin", "Vladimir Putin", 1);
  same.known = Known(7, {"Wladimir Putin", "Putin (skipped)"}, {"skipped"});
  Commit({Doc(0, 'b', {same})});
  EXPECT_EQ(GetOrDie("person/vladimir-putin").names_size(), 2);
  EXPECT_TRUE(store_->FindEntitiesByAlias("skipped", 10)->empty());
  EXPECT_THAT(*store_->FindEntitiesByAlias("wladimir putin", 10),
              ElementsAre("person/vladimir-putin"));

  // Another digest: what is new is added, what is stored stays.
  PendingEntity newer = Mention("person/vladimir-putin", "Vladimir Putin", 1);
  newer.known = Known(8, {"Wladimir Putin", "W. Putin"}, {"putin", "w putin"});
  Commit({Doc(0, 'c', {newer})});
  Entity entity = GetOrDie("person/vladimir-putin");
  EXPECT_THAT(NamesOf(entity), ElementsAre("de:Putins:text:" + IdOf('a'),
                                           "de:W. Putin:team:test:",
                                           "de:Wladimir Putin:team:test:"));
  EXPECT_EQ(entity.roles_size(), 1);
  EXPECT_THAT(*store_->FindEntitiesByAlias("w putin", 10),
              ElementsAre("person/vladimir-putin"));
  EXPECT_EQ(entity.document_count(), 3u);

  // A new process (the store reopened) checks the data once more and
  // finds it stored.
  store_.reset();
  absl::StatusOr<std::unique_ptr<Store>> reopened =
      Store::OpenPrimary(dir_.Sub("db"), StoreOptions());
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  store_ = *std::move(reopened);
  PendingEntity later = Mention("person/vladimir-putin", "Vladimir Putin", 1);
  later.known = Known(7, {"Wladimir Putin", "Putin (after reopen)"}, {"putin"});
  Commit({Doc(0, 'd', {later})});
  EXPECT_THAT(
      NamesOf(GetOrDie("person/vladimir-putin")),
      ElementsAre(
          "de:Putin (after reopen):team:test:", "de:Putins:text:" + IdOf('a'),
          "de:W. Putin:team:test:", "de:Wladimir Putin:team:test:"));
}

TEST_F(StoreEntityTest, InvalidKnownDataRefusesTheBundle) {
  PendingEntity pending = Mention("country/RU", "Russia", 1);
  pending.known = Known(1, {"Russland"}, {""});
  std::vector<PendingDocument> docs = {Doc(0, 'a', {pending})};
  Bundle bundle;
  bundle.set_id("refused");
  bundle.add_results();
  absl::Status status = store_->CommitBundle(&docs, &bundle);
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_THAT(status.message(), HasSubstr("alias key is empty"));
  EXPECT_EQ(*store_->DocumentCount(), 0u);
  // Refused data is not remembered as stored: good data with the same
  // digest is written.
  pending.known = Known(1, {"Russland"}, {"russland"});
  Commit({Doc(0, 'a', {pending})});
  EXPECT_THAT(*store_->FindEntitiesByAlias("russland", 10),
              ElementsAre("country/RU"));
}

// Every entity key of a refused bundle is forgotten: a later bundle with
// the same entity writes them all (the store remembers only what a written
// batch stored, internal/committed_entity_keys.h).
TEST_F(StoreEntityTest, ARefusedBundleLeavesNoKeyRemembered) {
  PendingEntity good = Mention("person/bui-van-nam", "Bui Van Nam", 1);
  AddName(&good, "vi", "Bùi Văn Nam");
  AddRole(&good, "role/deputy-minister", "country/VN");
  good.alias_keys = {"bui van nam"};
  // Refused while its entities are written (after the first document's
  // candidates were built), not by the checks before.
  PendingEntity bad = Mention("country/RU", "Russia", 1);
  bad.known = Known(1, {"Russland"}, {""});
  std::vector<PendingDocument> docs = {Doc(0, 'a', {good}), Doc(1, 'b', {bad})};
  Bundle bundle;
  bundle.set_id("refused");
  bundle.add_results();
  bundle.add_results();
  ASSERT_TRUE(absl::IsInvalidArgument(store_->CommitBundle(&docs, &bundle)));

  Commit({Doc(0, 'a', {good})});
  const Entity nam = GetOrDie("person/bui-van-nam");
  EXPECT_EQ(nam.canonical_name(), "Bui Van Nam");
  EXPECT_THAT(NamesOf(nam), ElementsAre("vi:Bùi Văn Nam:text:" + IdOf('a')));
  EXPECT_THAT(*store_->FindEntitiesByAlias("bui van nam", 10),
              ElementsAre("person/bui-van-nam"));
  absl::StatusOr<std::vector<Store::RoleHolder>> holders =
      store_->FindRoleHolders("role/deputy-minister", "country/VN", 10);
  ASSERT_TRUE(holders.ok()) << holders.status();
  ASSERT_EQ(holders->size(), 1u);
  EXPECT_EQ((*holders)[0].id, "person/bui-van-nam");
}

// Bundles that repeat entities and add names, aliases and offices store
// the same whether the store remembers every key it stored, only a few
// (forgetting them all when full), or none.
TEST(StoreEntityMemoTest, WhatIsStoredDoesNotDependOnWhatIsRemembered) {
  auto bundles = [] {
    std::vector<std::vector<PendingDocument>> out;
    for (int b = 0; b < 6; ++b) {
      std::vector<PendingDocument> docs;
      for (int d = 0; d < 3; ++d) {
        const int n = b * 3 + d;
        std::vector<PendingEntity> entities;
        for (int e = 0; e < 4; ++e) {
          // Seven people, four to a document, so each comes back every
          // few documents; their name and alias change every other
          // bundle; each document's first states a role, its second
          // carries gazetteer data.
          const std::string id = absl::StrCat("person/p", (n + e) % 7);
          PendingEntity pending =
              Mention(id, absl::StrCat("P", (n + e) % 7), 1);
          AddName(&pending, e % 2 == 0 ? "en" : "fr",
                  absl::StrCat("P", (n + e) % 7, " v", b / 2));
          pending.alias_keys = {absl::StrCat("p", (n + e) % 7, " v", b / 2)};
          if (e == 0)
            AddRole(&pending, absl::StrCat("role/r", b % 3), "country/VN");
          if (e == 1) {
            pending.known = Known(100 + (n + e) % 7, {"P gazetteer"},
                                  {absl::StrCat("gazetteer p", (n + e) % 7)});
          }
          entities.push_back(std::move(pending));
        }
        docs.push_back(Doc(static_cast<uint32_t>(d), static_cast<char>('a' + n),
                           std::move(entities)));
      }
      out.push_back(std::move(docs));
    }
    return out;
  };
  // Everything the store holds of the seven people, as text.
  auto contents = [](Store& store) {
    std::vector<std::string> out;
    for (int p = 0; p < 7; ++p) {
      absl::StatusOr<Entity> entity =
          store.GetEntity(absl::StrCat("person/p", p), 100);
      EXPECT_TRUE(entity.ok()) << entity.status();
      if (!entity.ok()) continue;
      entity->clear_first_seen_time();  // the commits' clock
      entity->clear_last_seen_time();
      out.push_back(entity->DebugString());
      for (int v = 0; v < 3; ++v) {
        for (const std::string& alias :
             {absl::StrCat("p", p, " v", v), absl::StrCat("gazetteer p", p)}) {
          absl::StatusOr<std::vector<std::string>> found =
              store.FindEntitiesByAlias(alias, 10);
          EXPECT_TRUE(found.ok()) << found.status();
          if (found.ok()) {
            out.push_back(
                absl::StrCat(alias, " -> ", absl::StrJoin(*found, ",")));
          }
        }
      }
    }
    for (int r = 0; r < 3; ++r) {
      absl::StatusOr<std::vector<Store::RoleHolder>> holders =
          store.FindRoleHolders(absl::StrCat("role/r", r), "country/VN", 100);
      EXPECT_TRUE(holders.ok()) << holders.status();
      if (!holders.ok()) continue;
      for (const Store::RoleHolder& holder : *holders) {
        out.push_back(absl::StrCat("r", r, " held by ", holder.id));
      }
    }
    return out;
  };

  std::vector<std::vector<std::string>> stored;
  for (size_t remembered : {size_t{131072}, size_t{5}, size_t{0}}) {
    SCOPED_TRACE(absl::StrCat("remembering at most ", remembered, " keys"));
    testing::TempDir dir;
    StoreOptions options;
    options.max_remembered_entity_keys = remembered;
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.Sub("db"), options);
    ASSERT_TRUE(store.ok()) << store.status();
    int number = 0;
    for (std::vector<PendingDocument>& docs : bundles()) {
      Bundle bundle;
      bundle.set_id(absl::StrCat("bundle", ++number));
      for (size_t i = 0; i < docs.size(); ++i)
        bundle.add_results()->set_index(i);
      ASSERT_TRUE((*store)->CommitBundle(&docs, &bundle).ok());
    }
    stored.push_back(contents(**store));
  }
  ASSERT_FALSE(stored[0].empty());
  EXPECT_EQ(stored[0], stored[2]);
  EXPECT_EQ(stored[1], stored[2]);
}

// An entity in thousands of documents is read by a scan of all their
// keys; a call whose deadline has passed stops it.
TEST_F(StoreEntityTest, FindsThePeopleHoldingARoleOfABody) {
  PendingEntity nam = Mention("person/bui-van-nam", "Bui Van Nam", 1);
  AddRole(&nam, "role/deputy-minister", "org/mps-vn");
  AddRole(&nam, "rank/general", "");  // a rank: of no body, not indexed
  PendingEntity other = Mention("person/to-lam", "To Lam", 1);
  AddRole(&other, "role/minister", "org/mps-vn");
  Commit({Doc(0, 'a', {nam, other})});
  // A second document that states the same role again, under another
  // canonical name, adds no holder and keeps the first name.
  PendingEntity again = Mention("person/bui-van-nam", "Nam", 1);
  AddRole(&again, "role/deputy-minister", "org/mps-vn");
  PendingEntity second = Mention("person/nguyen-van-a", "Nguyen Van A", 1);
  AddRole(&second, "role/deputy-minister", "org/mps-vn");
  Commit({Doc(0, 'b', {again, second})});
  // A gazetteer office counts too.
  PendingEntity known = Mention("person/known", "Known Person", 1);
  known.known = Known(1, {"Known Person"}, {"known person"});
  Commit({Doc(0, 'c', {known})});

  absl::StatusOr<std::vector<Store::RoleHolder>> holders =
      store_->FindRoleHolders("role/deputy-minister", "org/mps-vn", 10);
  ASSERT_TRUE(holders.ok()) << holders.status();
  ASSERT_EQ(holders->size(), 2u);
  EXPECT_EQ((*holders)[0].id, "person/bui-van-nam");
  EXPECT_EQ((*holders)[0].canonical_name, "Bui Van Nam");
  EXPECT_EQ((*holders)[1].id, "person/nguyen-van-a");
  EXPECT_EQ(
      store_->FindRoleHolders("role/deputy-minister", "org/mps-vn", 1)->size(),
      1u);
  ASSERT_EQ(store_->FindRoleHolders("role/president", "country/RU", 10)->size(),
            1u);
  EXPECT_EQ(
      (*store_->FindRoleHolders("role/president", "country/RU", 10))[0].id,
      "person/known");
  // Another body, a prefix of a role, a rank without a body: nobody.
  EXPECT_TRUE(
      store_->FindRoleHolders("role/deputy-minister", "org/mps", 10)->empty());
  EXPECT_TRUE(
      store_->FindRoleHolders("role/deputy", "org/mps-vn", 10)->empty());
  EXPECT_TRUE(store_->FindRoleHolders("rank/general", "", 10)->empty());

  // The record alone, by one point read.
  absl::StatusOr<Entity> record = store_->GetEntityRecord("person/bui-van-nam");
  ASSERT_TRUE(record.ok()) << record.status();
  EXPECT_EQ(record->canonical_name(), "Bui Van Nam");
  EXPECT_EQ(record->kind(), accord::v1::ENTITY_KIND_PERSON);
  EXPECT_EQ(record->names_size(), 0);
  EXPECT_TRUE(
      absl::IsNotFound(store_->GetEntityRecord("person/nobody").status()));
  EXPECT_TRUE(
      absl::IsInvalidArgument(store_->GetEntityRecord("not an id").status()));
}

TEST_F(StoreEntityTest, AReadOfAMuchMentionedEntityStopsAtTheDeadline) {
  std::vector<PendingDocument> docs;
  for (uint32_t i = 0; i < 2100; ++i) {
    PendingDocument& doc = docs.emplace_back();
    doc.index = i;
    doc.document().set_id(absl::StrFormat("%032x", i + 1));
    doc.entities.push_back(Mention("country/VN", "Vietnam", 1));
  }
  Commit(std::move(docs));
  absl::StatusOr<Entity> read = store_->GetEntity(
      "country/VN", 10, CallDeadline(absl::Now() - absl::Seconds(1)));
  EXPECT_TRUE(absl::IsDeadlineExceeded(read.status())) << read.status();
  Entity whole = GetOrDie("country/VN", 10);
  EXPECT_EQ(whole.document_count(), 2100u);
  EXPECT_EQ(whole.mention_count(), 2100u);
  EXPECT_EQ(whole.document_ids_size(), 10);
  EXPECT_EQ(whole.last_seen_document_id(), absl::StrFormat("%032x", 2100));
}

TEST_F(StoreEntityTest, ASecondarySeesEntitiesAfterCatchUp) {
  absl::StatusOr<std::unique_ptr<Store>> secondary = Store::OpenSecondary(
      dir_.Sub("db"), dir_.Sub("secondary"), StoreOptions());
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  PendingEntity un = Mention("org/un", "United Nations", 2);
  AddName(&un, "en", "UN");
  AddRole(&un, "role/host", "place/new-york");
  un.alias_keys = {"un"};
  Commit({Doc(0, 'a', {un})});
  EXPECT_TRUE(absl::IsNotFound((*secondary)->GetEntity("org/un", 10).status()));
  ASSERT_TRUE((*secondary)->CatchUp().ok());
  absl::StatusOr<Entity> seen = (*secondary)->GetEntity("org/un", 10);
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_EQ(seen->mention_count(), 2u);
  EXPECT_EQ(seen->names_size(), 1);
  EXPECT_EQ(seen->roles_size(), 1);
  EXPECT_EQ(seen->first_seen_document_id(), IdOf('a'));
  EXPECT_THAT(*(*secondary)->FindEntitiesByAlias("un", 10),
              ElementsAre("org/un"));

  // After a flush of every family on the primary (the secondary may swap
  // in a fresh instance), the next document's mentions still show.
  ASSERT_TRUE(store_->Compact().ok());
  Commit({Doc(0, 'b', {Mention("org/un", "United Nations", 1)})});
  ASSERT_TRUE((*secondary)->CatchUp().ok());
  seen = (*secondary)->GetEntity("org/un", 10);
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_EQ(seen->mention_count(), 3u);
  EXPECT_EQ(seen->last_seen_document_id(), IdOf('b'));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      *seen, GetOrDie("org/un")));
}

}  // namespace
}  // namespace accord::store
