// Entities and the store's guarantees: written atomically with their
// bundle (a commit that fails leaves no entity key), malformed stored keys
// and values read as DataLoss, and a store without the entity families
// (schema 4) refused with what to do.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/index/varint.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/store/store_test_util.h"
#include "common/testing/power_loss_fs.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"

namespace accord::store {
namespace {

using accord::v1::Bundle;
using ::testing::HasSubstr;

constexpr Family kEntityFamilies[] = {
    Family::kEntities,      Family::kEntityNames,
    Family::kEntityRoles,   Family::kEntityDocuments,
    Family::kEntityAliases, Family::kEntityRoleHolders};

std::vector<PendingDocument> OneDocument(char id_char,
                                         const std::string& entity_id) {
  std::vector<PendingDocument> docs(1);
  docs[0].document().set_id(std::string(kDocumentIdLength, id_char));
  docs[0].raw_content = "raw";
  PendingEntity& entity = docs[0].entities.emplace_back();
  entity.entity.set_id(entity_id);
  entity.entity.set_canonical_name(entity_id);
  entity.entity.set_mention_count(1);
  accord::v1::EntityName* name = entity.entity.add_names();
  name->set_language("en");
  name->set_name(entity_id);
  accord::v1::EntityRole* role = entity.entity.add_roles();
  role->set_role_id("role/member");
  role->set_of_entity_id("org/un");
  accord::v1::EntityRole* office = entity.entity.add_roles();
  office->set_role_id("role/member");
  office->set_source("team:organizations.txt");
  entity.alias_keys = {absl::StrCat("alias of ", entity_id)};
  return docs;
}

Bundle NewBundle(const std::string& id) {
  Bundle bundle;
  bundle.set_id(id);
  bundle.set_submitter("test");
  bundle.add_results();
  return bundle;
}

// Opens the store at `path` with plain RocksDB, every family, and calls
// `use` with the database and the handles (indexed by Family).
void WithRawStore(
    const std::string& path,
    const std::function<
        void(rocksdb::DB*, std::vector<rocksdb::ColumnFamilyHandle*>&)>& use) {
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : FamilyNames()) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status opened =
      rocksdb::DB::Open(rocksdb::Options(), path, families, &handles, &raw);
  ASSERT_TRUE(opened.ok()) << opened.ToString();
  use(raw, handles);
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
}

// Keys in the entity families that hold `needle`.
int EntityKeysHolding(const std::string& path, const std::string& needle) {
  int found = 0;
  WithRawStore(path, [&](rocksdb::DB* db,
                         std::vector<rocksdb::ColumnFamilyHandle*>& handles) {
    for (Family family : kEntityFamilies) {
      std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(
          rocksdb::ReadOptions(), handles[static_cast<size_t>(family)]));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        if (absl::StrContains(it->key().ToString(), needle)) ++found;
      }
    }
  });
  return found;
}

// What is acknowledged survives a power loss with its entities; the commit
// that the lost power failed leaves none of its entity keys.
TEST(StoreEntityIntegrityTest, EntitiesAreCommittedWithTheirBundleOrNotAtAll) {
  testing::TempDir dir;
  auto fs = std::make_shared<testing::PowerLossFileSystem>(
      rocksdb::FileSystem::Default());
  std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(fs);
  {
    StoreOptions options;
    options.env = env.get();
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), options);
    ASSERT_TRUE(store.ok()) << store.status();
    std::vector<PendingDocument> docs = OneDocument('a', "person/kept");
    Bundle bundle = NewBundle("acknowledged");
    ASSERT_TRUE((*store)->CommitBundle(&docs, &bundle).ok());
    fs->SimulatePowerLoss();
    docs = OneDocument('b', "person/lost");
    bundle = NewBundle("failed");
    absl::Status failed = (*store)->CommitBundle(&docs, &bundle);
    EXPECT_FALSE(failed.ok());
  }
  ASSERT_GT(EntityKeysHolding(dir.path(), "person/kept"), 0);
  EXPECT_EQ(EntityKeysHolding(dir.path(), "person/lost"), 0);
  EXPECT_EQ(EntityKeysHolding(dir.path(), "alias of person/lost"), 0);

  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(dir.path(), StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<accord::v1::Entity> kept =
      (*store)->GetEntity("person/kept", 10);
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_EQ(kept->document_count(), 1u);
  EXPECT_EQ(kept->names_size(), 1);
  EXPECT_EQ(kept->roles_size(), 2);
  EXPECT_TRUE(
      absl::IsNotFound((*store)->GetEntity("person/lost", 10).status()));
  EXPECT_EQ(*(*store)->DocumentCount(), 1u);
}

// Every malformed key or value an entity read meets is DataLoss naming
// the entity, never a crash or a made-up answer.
TEST(StoreEntityIntegrityTest, MalformedStoredEntitiesAreDataLoss) {
  testing::TempDir dir;
  const std::vector<std::string> ids = {
      "person/record",  "person/name",        "person/role", "person/count",
      "person/doc-key", "person/missing-doc", "person/alias"};
  {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    char id_char = 'a';
    for (const std::string& id : ids) {
      std::vector<PendingDocument> docs = OneDocument(id_char++, id);
      Bundle bundle = NewBundle(id);
      ASSERT_TRUE((*store)->CommitBundle(&docs, &bundle).ok());
    }
  }
  const std::string nul("\0", 1);
  WithRawStore(dir.path(), [&](rocksdb::DB* db,
                               std::vector<rocksdb::ColumnFamilyHandle*>& h) {
    auto put = [&](Family family, const std::string& key,
                   const std::string& value) {
      ASSERT_TRUE(db->Put(rocksdb::WriteOptions(),
                          h[static_cast<size_t>(family)], key, value)
                      .ok());
    };
    put(Family::kEntities, "person/record", "\xff");
    put(Family::kEntityNames, EntityNameKey("person/name", "de", "Name"),
        "\xff\xff\xff");
    put(Family::kEntityRoles, EntityKeyPrefix("person/role") + "role/x", "");
    put(Family::kEntityDocuments, EntityDocumentKey("person/count", 99),
        "\x80");  // a truncated varint
    put(Family::kEntityDocuments, EntityKeyPrefix("person/doc-key") + "abc",
        std::string(1, '\1'));
    put(Family::kEntityDocuments, EntityDocumentKey("person/missing-doc", 99),
        std::string(1, '\1'));  // no document has sequence 99
    put(Family::kEntityAliases, EntityAliasKey("alias of person/alias", ""),
        "");
    put(Family::kEntityRoleHolders,
        RoleHolderKey("role/minister", "org/mfa", "no id"), "Name");
  });

  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(dir.path(), StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_TRUE(
      absl::IsDataLoss((*store)->GetEntityRecord("person/record").status()));
  EXPECT_TRUE(absl::IsDataLoss(
      (*store)->FindRoleHolders("role/minister", "org/mfa", 10).status()));
  for (const std::string& id : ids) {
    if (id == "person/alias") continue;
    absl::StatusOr<accord::v1::Entity> entity = (*store)->GetEntity(id, 10);
    EXPECT_TRUE(absl::IsDataLoss(entity.status()))
        << id << ": " << entity.status();
    EXPECT_THAT(entity.status().message(), HasSubstr(id));
  }
  absl::StatusOr<std::vector<std::string>> found =
      (*store)->FindEntitiesByAlias("alias of person/alias", 10);
  EXPECT_TRUE(absl::IsDataLoss(found.status())) << found.status();
  // The entities next to them are still read whole.
  EXPECT_TRUE((*store)->GetEntity("person/alias", 10).ok());
}

// A schema-4 store has no entity families: both a primary and a secondary
// refuse it before RocksDB opens it (a primary would add the families),
// and say how to rebuild it.
// A store written by an older Accord lacks the families added since; it is
// refused, primary and secondary, and left as it was.
void ExpectRefusedWithout(Family first_missing, int version,
                          const std::string& version_text) {
  testing::TempDir dir;
  std::vector<std::string> older(
      FamilyNames().begin(),
      FamilyNames().begin() + static_cast<int>(first_missing));
  WriteRocksWith(dir.path(), older, "schema_version", std::to_string(version));
  for (bool primary : {true, false}) {
    absl::StatusOr<std::unique_ptr<Store>> store =
        primary ? Store::OpenPrimary(dir.path(), StoreOptions())
                : Store::OpenSecondary(dir.path(), dir.Sub("secondary"),
                                       StoreOptions());
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(absl::IsFailedPrecondition(store.status())) << store.status();
    EXPECT_THAT(store.status().message(),
                HasSubstr(absl::StrCat(
                    "no column family \"",
                    FamilyNames()[static_cast<size_t>(first_missing)], "\"")));
    EXPECT_THAT(store.status().message(),
                HasSubstr(absl::StrCat("older Accord (store schema below ",
                                       version_text, ")")));
    EXPECT_THAT(store.status().message(),
                HasSubstr("ingest the documents again into a new, empty data "
                          "directory"));
    std::vector<std::string> families;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(),
                                                dir.path(), &families)
                    .ok());
    EXPECT_EQ(families.size(), older.size()) << "primary " << primary;
  }
}

TEST(StoreEntityIntegrityTest, RefusesASchema4Store) {
  ExpectRefusedWithout(Family::kEntities, 4, "5");
}

TEST(StoreEntityIntegrityTest, RefusesASchema5Store) {
  ExpectRefusedWithout(Family::kEntityRoleHolders, 5, "6");
}

}  // namespace
}  // namespace accord::store
