#include "common/store/store.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/store/schema.h"
#include "common/store/store_test_util.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"

namespace accord::store {
namespace {

using accord::v1::Bundle;
using accord::v1::DOCUMENT_OUTCOME_CREATED;
using accord::v1::DOCUMENT_OUTCOME_REJECTED;
using accord::v1::DOCUMENT_OUTCOME_UNCHANGED;
using ::testing::HasSubstr;

PendingDocument Pending(uint32_t index, char id_char,
                        const std::string& title) {
  PendingDocument pending;
  pending.index = index;
  pending.document().set_id(IdOf(id_char));
  pending.document().set_title(title);
  pending.raw_content = "raw " + title;
  return pending;
}

Bundle NewBundle(const std::string& id, int results) {
  Bundle bundle;
  bundle.set_id(id);
  bundle.set_submitter("test");
  for (int i = 0; i < results; ++i) bundle.add_results()->set_index(i);
  return bundle;
}

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(path, StoreOptions());
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? *std::move(store) : nullptr;
}

// A PendingDocument's record lives on its own arena: moves take the arena
// along (the record is not copied, and stays where it is), copies are deep
// and independent, and a moved-from one can be assigned again.
TEST(PendingDocumentTest, MovesKeepTheRecordAndCopiesAreIndependent) {
  PendingDocument first;
  first.document().set_id("first-record");
  first.document().add_paragraphs()->set_text("A paragraph on the arena.");
  first.raw_content = "raw";
  ASSERT_NE(first.document().GetArena(), nullptr);
  const accord::v1::Document* const record = &first.document();

  PendingDocument moved = std::move(first);
  EXPECT_EQ(&moved.document(), record);
  EXPECT_EQ(moved.raw_content, "raw");
  std::vector<PendingDocument> documents;
  documents.push_back(std::move(moved));
  for (int i = 0; i < 40; ++i) documents.emplace_back();  // regrows
  EXPECT_EQ(&documents[0].document(), record);
  EXPECT_EQ(documents[0].document().paragraphs(0).text(),
            "A paragraph on the arena.");

  PendingDocument copy = documents[0];
  EXPECT_NE(&copy.document(), record);
  EXPECT_NE(copy.document().GetArena(), record->GetArena());
  copy.document().set_id("the-copy");
  EXPECT_EQ(record->id(), "first-record");
  EXPECT_EQ(copy.document().paragraphs(0).text(), "A paragraph on the arena.");

  // Assigned after being moved from: a record of its own again.
  first = copy;
  EXPECT_EQ(first.document().id(), "the-copy");
  EXPECT_NE(&first.document(), &copy.document());
  PendingDocument assigned;
  const accord::v1::Document* const copied_record = &copy.document();
  assigned = std::move(copy);
  EXPECT_EQ(&assigned.document(), copied_record);
  EXPECT_EQ(assigned.document().id(), "the-copy");
}

TEST(StoreTest, NewStoreIsEmptyAndUsable) {
  testing::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->CheckUsable().ok());
  EXPECT_EQ(*store->DocumentCount(), 0u);
  EXPECT_TRUE(absl::IsNotFound(store->GetDocument(IdOf('a')).status()));
  EXPECT_TRUE(absl::IsNotFound(store->GetBundle("nope").status()));
}

TEST(StoreTest, CommitCreatesThenReportsUnchanged) {
  testing::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.path());
  std::vector<PendingDocument> docs = {Pending(0, 'a', "Alpha"),
                                       Pending(2, 'b', "Beta"),
                                       Pending(3, 'a', "Alpha again")};
  Bundle bundle = NewBundle("bundle1", 4);
  bundle.mutable_results(1)->set_outcome(DOCUMENT_OUTCOME_REJECTED);
  ASSERT_TRUE(store->CommitBundle(&docs, &bundle).ok());

  EXPECT_EQ(bundle.results(0).outcome(), DOCUMENT_OUTCOME_CREATED);
  EXPECT_EQ(bundle.results(2).outcome(), DOCUMENT_OUTCOME_CREATED);
  // The same id later in one bundle is created once.
  EXPECT_EQ(bundle.results(3).outcome(), DOCUMENT_OUTCOME_UNCHANGED);
  EXPECT_EQ(bundle.counts().created(), 2u);
  EXPECT_EQ(bundle.counts().unchanged(), 1u);
  EXPECT_EQ(bundle.counts().rejected(), 1u);

  absl::StatusOr<accord::v1::Document> alpha = store->GetDocument(IdOf('a'));
  ASSERT_TRUE(alpha.ok());
  EXPECT_EQ(alpha->title(), "Alpha");
  EXPECT_EQ(alpha->sequence(), 0u);
  EXPECT_EQ(alpha->bundle_id(), "bundle1");
  EXPECT_GT(alpha->ingest_time().seconds(), 0);
  EXPECT_EQ(store->GetDocument(IdOf('b'))->sequence(), 1u);
  EXPECT_EQ(*store->GetRawContent(IdOf('b')), "raw Beta");
  EXPECT_EQ(*store->DocumentCount(), 2u);

  absl::StatusOr<Bundle> stored = store->GetBundle("bundle1");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->counts().created(), 2u);

  std::vector<PendingDocument> again = {Pending(0, 'b', "Beta"),
                                        Pending(1, 'c', "Gamma")};
  Bundle second = NewBundle("bundle2", 2);
  ASSERT_TRUE(store->CommitBundle(&again, &second).ok());
  EXPECT_EQ(second.results(0).outcome(), DOCUMENT_OUTCOME_UNCHANGED);
  EXPECT_EQ(second.results(0).document_id(), IdOf('b'));
  EXPECT_EQ(second.results(1).outcome(), DOCUMENT_OUTCOME_CREATED);
  EXPECT_EQ(store->GetDocument(IdOf('c'))->sequence(), 2u);
  // Unchanged documents keep their first bundle.
  EXPECT_EQ(store->GetDocument(IdOf('b'))->bundle_id(), "bundle1");
}

TEST(StoreTest, CommitsSurviveReopenAndSequencesContinue) {
  testing::TempDir dir;
  {
    std::unique_ptr<Store> store = OpenOrDie(dir.path());
    std::vector<PendingDocument> docs = {Pending(0, 'a', "A")};
    Bundle bundle = NewBundle("b1", 1);
    ASSERT_TRUE(store->CommitBundle(&docs, &bundle).ok());
  }
  std::unique_ptr<Store> store = OpenOrDie(dir.path());
  EXPECT_EQ(store->GetDocument(IdOf('a'))->title(), "A");
  std::vector<PendingDocument> docs = {Pending(0, 'b', "B")};
  Bundle bundle = NewBundle("b2", 1);
  ASSERT_TRUE(store->CommitBundle(&docs, &bundle).ok());
  EXPECT_EQ(store->GetDocument(IdOf('b'))->sequence(), 1u);
}

TEST(StoreTest, RequestIdMakesResendReturnFirstReport) {
  testing::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.path());
  std::vector<PendingDocument> docs = {Pending(0, 'a', "A")};
  Bundle bundle = NewBundle("first", 1);
  bundle.set_request_id("req-7");
  ASSERT_TRUE(store->CommitBundle(&docs, &bundle).ok());

  std::vector<PendingDocument> resend = {Pending(0, 'z', "Z")};
  Bundle again = NewBundle("second", 1);
  again.set_request_id("req-7");
  ASSERT_TRUE(store->CommitBundle(&resend, &again).ok());
  EXPECT_EQ(again.id(), "first");
  EXPECT_EQ(again.results(0).outcome(), DOCUMENT_OUTCOME_CREATED);
  EXPECT_TRUE(absl::IsNotFound(store->GetDocument(IdOf('z')).status()));
  EXPECT_TRUE(absl::IsNotFound(store->GetBundle("second").status()));

  // The key is per submitter.
  Bundle other = NewBundle("third", 1);
  other.set_submitter("someone-else");
  other.set_request_id("req-7");
  ASSERT_TRUE(store->CommitBundle(&resend, &other).ok());
  EXPECT_EQ(other.id(), "third");
}

TEST(StoreTest, RejectsCommitWithoutBundleIdOrWithBadIndex) {
  testing::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.path());
  std::vector<PendingDocument> docs = {Pending(5, 'a', "A")};
  Bundle no_id = NewBundle("", 1);
  EXPECT_TRUE(absl::IsInvalidArgument(store->CommitBundle(&docs, &no_id)));
  Bundle small = NewBundle("x", 1);
  EXPECT_TRUE(absl::IsInvalidArgument(store->CommitBundle(&docs, &small)));
  EXPECT_EQ(*store->DocumentCount(), 0u);
}

TEST(StoreTest, GetDocumentsAnswersEachId) {
  testing::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.path());
  std::vector<PendingDocument> docs = {Pending(0, 'a', "A"),
                                       Pending(1, 'b', "B")};
  Bundle bundle = NewBundle("b", 2);
  ASSERT_TRUE(store->CommitBundle(&docs, &bundle).ok());
  auto result = store->GetDocuments({IdOf('b'), IdOf('x'), IdOf('a')});
  ASSERT_EQ(result.size(), 3u);
  EXPECT_EQ(result[0]->title(), "B");
  EXPECT_TRUE(absl::IsNotFound(result[1].status()));
  EXPECT_EQ(result[2]->title(), "A");
}

// Documents are written in ingest order, keyed by sequence, whatever their
// ids (a later compaction then moves a flushed file down without rewriting
// it), and found by id through document_ids. Read with RocksDB itself, so
// that the layout docs/STORAGE.md gives is the one on disk.
TEST(StoreTest, DocumentsAreKeyedBySequenceAndFoundThroughTheirIds) {
  testing::TempDir dir;
  {
    std::unique_ptr<Store> store = OpenOrDie(dir.path());
    std::vector<PendingDocument> first = {Pending(0, 'c', "C"),
                                          Pending(1, 'a', "A")};
    Bundle bundle = NewBundle("bundle1", 2);
    ASSERT_TRUE(store->CommitBundle(&first, &bundle).ok());
    std::vector<PendingDocument> second = {Pending(0, 'b', "B")};
    Bundle later = NewBundle("bundle2", 1);
    ASSERT_TRUE(store->CommitBundle(&second, &later).ok());
  }
  {
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const std::string& name : FamilyNames()) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), dir.path(),
                                             families, &handles, &raw)
                    .ok());
    std::vector<std::pair<uint64_t, std::string>> documents;
    std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(
        rocksdb::ReadOptions(), handles[static_cast<int>(Family::kDocuments)]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      uint64_t sequence = 0;
      ASSERT_TRUE(DecodeSequence(
          absl::string_view(it->key().data(), it->key().size()), &sequence));
      accord::v1::Document document;
      ASSERT_TRUE(document.ParseFromString(it->value().ToString()));
      EXPECT_EQ(document.sequence(), sequence);
      documents.emplace_back(sequence, document.id());
    }
    EXPECT_EQ(documents, (std::vector<std::pair<uint64_t, std::string>>{
                             {0, IdOf('c')}, {1, IdOf('a')}, {2, IdOf('b')}}));
    for (const auto& [id_char, sequence] :
         std::vector<std::pair<char, uint64_t>>{{'a', 1}, {'b', 2}, {'c', 0}}) {
      std::string value;
      ASSERT_TRUE(raw->Get(rocksdb::ReadOptions(),
                           handles[static_cast<int>(Family::kDocumentIds)],
                           IdOf(id_char), &value)
                      .ok());
      EXPECT_EQ(value, EncodeSequence(sequence)) << id_char;
    }
    it.reset();
    for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
    delete raw;
  }
  std::unique_ptr<Store> store = OpenOrDie(dir.path());
  EXPECT_EQ(store->GetDocument(IdOf('a'))->title(), "A");
  EXPECT_EQ(*store->SequenceOfDocument(IdOf('b')), 2u);
  EXPECT_TRUE(absl::IsNotFound(store->SequenceOfDocument(IdOf('z')).status()));
  EXPECT_EQ(*store->GetRawContent(IdOf('c')), "raw C");
  std::vector<absl::StatusOr<accord::v1::Document>> read =
      store->GetDocuments({IdOf('b'), IdOf('z'), IdOf('c')});
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0]->title(), "B");
  EXPECT_TRUE(absl::IsNotFound(read[1].status())) << read[1].status();
  EXPECT_EQ(read[2]->title(), "C");
}

// Rewrites the schema version of the store at `path`, as a store written
// by another version of Accord would have it.
void SetSchemaVersion(const std::string& path, const std::string& version) {
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : FamilyNames()) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  ASSERT_TRUE(
      rocksdb::DB::Open(rocksdb::Options(), path, families, &handles, &raw)
          .ok());
  ASSERT_TRUE(
      raw->Put(rocksdb::WriteOptions(), handles[0], "schema_version", version)
          .ok());
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
}

TEST(StoreTest, RefusesAStoreOfAnotherSchemaVersionAndSaysWhatToDo) {
  for (const auto& [version, says] :
       std::vector<std::pair<std::string, std::string>>{
           {"2", "written by an older Accord"},
           {"99", "written by a newer Accord"},
           {"x", "unreadable schema version"}}) {
    testing::TempDir dir;
    { ASSERT_NE(OpenOrDie(dir.path()), nullptr); }
    SetSchemaVersion(dir.path(), version);
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), StoreOptions());
    ASSERT_FALSE(store.ok()) << version;
    EXPECT_TRUE(absl::IsFailedPrecondition(store.status())) << store.status();
    EXPECT_THAT(store.status().message(), HasSubstr(says));
    EXPECT_THAT(store.status().message(), HasSubstr(dir.path()));
    if (version == "2") {
      EXPECT_THAT(
          store.status().message(),
          HasSubstr(absl::StrCat("version 2; this binary reads version ",
                                 kSchemaVersion)));
    }
  }
}

std::vector<std::string> SortedFamiliesOf(const std::string& path) {
  std::vector<std::string> families;
  EXPECT_TRUE(
      rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &families)
          .ok());
  std::sort(families.begin(), families.end());
  return families;
}

// A store written before a column family existed (schema 3 had no token
// spans) is refused before it is opened: opening it as primary would add
// the family, and the binary that wrote it could no longer open it.
TEST(StoreTest, RefusesAStoreWithoutAFamilyAndLeavesItAsItWas) {
  testing::TempDir dir;
  std::vector<std::string> older(FamilyNames().begin(),
                                 FamilyNames().end() - 1);
  WriteRocksWith(dir.path(), older, "schema_version", "3");
  for (bool primary : {true, false}) {
    absl::StatusOr<std::unique_ptr<Store>> store =
        primary ? Store::OpenPrimary(dir.path(), StoreOptions())
                : Store::OpenSecondary(dir.path(), dir.Sub("secondary"),
                                       StoreOptions());
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(absl::IsFailedPrecondition(store.status())) << store.status();
    EXPECT_THAT(store.status().message(),
                HasSubstr(absl::StrCat("no column family \"",
                                       FamilyNames().back(), "\"")));
    EXPECT_THAT(store.status().message(), HasSubstr("older Accord"));
    EXPECT_THAT(store.status().message(),
                HasSubstr("new, empty data directory"));
    std::sort(older.begin(), older.end());
    EXPECT_EQ(SortedFamiliesOf(dir.path()), older) << "primary " << primary;
  }
}

// A new store whose creation stopped part way (its first families
// created, no schema version written yet) held nothing: a primary creates
// the rest instead of refusing it as an older store. A secondary still
// waits for the primary.
TEST(StoreTest, CompletesAStoreWhoseCreationWasCutShort) {
  testing::TempDir dir;
  WriteRocksWith(dir.path(),
                 {FamilyNames()[0], FamilyNames()[1], FamilyNames()[2]});
  absl::StatusOr<std::unique_ptr<Store>> secondary =
      Store::OpenSecondary(dir.path(), dir.Sub("secondary"), StoreOptions());
  ASSERT_FALSE(secondary.ok());
  EXPECT_TRUE(absl::IsNotFound(secondary.status())) << secondary.status();
  EXPECT_THAT(secondary.status().message(),
              HasSubstr("its creation has not finished"));
  {
    std::unique_ptr<Store> store = OpenOrDie(dir.path());
    ASSERT_NE(store, nullptr);
    std::vector<PendingDocument> docs = {Pending(0, 'a', "A")};
    Bundle bundle = NewBundle("b", 1);
    ASSERT_TRUE(store->CommitBundle(&docs, &bundle).ok());
  }
  std::vector<std::string> all(FamilyNames().begin(), FamilyNames().end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(SortedFamiliesOf(dir.path()), all);
  std::unique_ptr<Store> reopened = OpenOrDie(dir.path());
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(*reopened->DocumentCount(), 1u);
  EXPECT_TRUE(reopened->GetDocument(IdOf('a')).ok());
}

// Another program's RocksDB, with only families of Accord's names or not,
// holding data, is no unfinished Accord store: refused, and left as it
// was (no family added, nothing written).
TEST(StoreTest, RefusesAnotherDatabaseAndLeavesItAsItWas) {
  for (const std::vector<std::string>& families :
       std::vector<std::vector<std::string>>{
           {FamilyNames()[0]}, {FamilyNames()[0], "their_family"}}) {
    testing::TempDir dir;
    WriteRocksWith(dir.path(), families, "theirs", "1");
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), StoreOptions());
    ASSERT_FALSE(store.ok()) << families.size();
    EXPECT_TRUE(absl::IsFailedPrecondition(store.status())) << store.status();
    std::vector<std::string> sorted = families;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(SortedFamiliesOf(dir.path()), sorted);
    {
      std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
      for (const std::string& name : families) {
        descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
      }
      std::vector<rocksdb::ColumnFamilyHandle*> handles;
      rocksdb::DB* raw = nullptr;
      ASSERT_TRUE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), dir.path(),
                                               descriptors, &handles, &raw)
                      .ok());
      std::string value;
      EXPECT_TRUE(raw->Get(rocksdb::ReadOptions(), handles[0],
                           std::string(kMetaSchemaVersion), &value)
                      .IsNotFound());
      for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
      delete raw;
    }
  }
}

// A FileSystem that counts the OPTIONS files RocksDB writes.
class OptionsFileCounter : public rocksdb::FileSystemWrapper {
 public:
  using rocksdb::FileSystemWrapper::FileSystemWrapper;
  static const char* kClassName() { return "AccordOptionsFileCounter"; }
  const char* Name() const override { return kClassName(); }
  rocksdb::IOStatus NewWritableFile(
      const std::string& name, const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSWritableFile>* result,
      rocksdb::IODebugContext* dbg) override {
    if (absl::StrContains(name, "/OPTIONS-")) ++options_files;
    return target()->NewWritableFile(name, options, result, dbg);
  }
  std::atomic<int> options_files{0};
};

// RocksDB writes its OPTIONS file, and reads it back to check it, each
// time a column family is created on its own: one new store used to
// write it 22 times (0.9 s of a test's new store under ASan).
TEST(StoreTest, ANewStoreCreatesItsFamiliesAtOnce) {
  testing::TempDir dir;
  auto counter =
      std::make_shared<OptionsFileCounter>(rocksdb::FileSystem::Default());
  std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(counter);
  StoreOptions options;
  options.env = env.get();
  {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), options);
    ASSERT_TRUE(store.ok()) << store.status();
  }
  EXPECT_LE(counter->options_files.load(), 2);
  std::vector<std::string> all(FamilyNames().begin(), FamilyNames().end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(SortedFamiliesOf(dir.path()), all);
}

TEST(StoreTest, SecondPrimaryOnAnOpenStoreSaysItIsInUse) {
  testing::TempDir dir;
  std::unique_ptr<Store> first = OpenOrDie(dir.path());
  ASSERT_NE(first, nullptr);
  absl::StatusOr<std::unique_ptr<Store>> second =
      Store::OpenPrimary(dir.path(), StoreOptions());
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(second.status())) << second.status();
  EXPECT_TRUE(absl::StrContains(second.status().message(), dir.path()));
  EXPECT_TRUE(absl::StrContains(second.status().message(),
                                "already open for writing in this process"))
      << second.status();
  // The failed attempt left the first store's lock alone.
  std::vector<PendingDocument> docs = {Pending(0, 'a', "A")};
  Bundle bundle = NewBundle("b", 1);
  EXPECT_TRUE(first->CommitBundle(&docs, &bundle).ok());
  first.reset();
  EXPECT_NE(OpenOrDie(dir.path()), nullptr);
}

TEST(StoreTest, SecondarySeesPrimaryWritesAfterCatchUp) {
  testing::TempDir dir;
  const std::string primary_path = dir.Sub("db");
  EXPECT_TRUE(absl::IsNotFound(
      Store::OpenSecondary(primary_path, dir.Sub("sec"), StoreOptions())
          .status()));

  std::unique_ptr<Store> primary = OpenOrDie(primary_path);
  absl::StatusOr<std::unique_ptr<Store>> secondary =
      Store::OpenSecondary(primary_path, dir.Sub("sec"), StoreOptions());
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  EXPECT_FALSE((*secondary)->is_primary());

  std::vector<PendingDocument> docs = {Pending(0, 'a', "Seen later")};
  Bundle bundle = NewBundle("b", 1);
  ASSERT_TRUE(primary->CommitBundle(&docs, &bundle).ok());
  EXPECT_TRUE(absl::IsNotFound((*secondary)->GetDocument(IdOf('a')).status()));
  ASSERT_TRUE((*secondary)->CatchUp().ok());
  EXPECT_EQ((*secondary)->GetDocument(IdOf('a'))->title(), "Seen later");
  EXPECT_EQ(*(*secondary)->DocumentCount(), 1u);

  Bundle other = NewBundle("c", 1);
  EXPECT_TRUE(
      absl::IsFailedPrecondition((*secondary)->CommitBundle(&docs, &other)));
}

}  // namespace
}  // namespace accord::store
