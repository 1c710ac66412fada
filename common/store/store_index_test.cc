#include <memory>
#include <string>
#include <vector>

#include "common/store/store.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace accord::store {
namespace {

using ::testing::ElementsAre;

// A pending document whose index terms are given directly.
PendingDocument Doc(
    uint32_t index, const std::string& id_seed,
    std::vector<std::pair<std::string, std::vector<uint32_t>>> terms,
    const std::string& language = "en") {
  PendingDocument pending;
  pending.index = index;
  pending.document.set_id(std::string(kDocumentIdLength - id_seed.size(), '0') +
                          id_seed);
  pending.document.mutable_language()->set_code(language);
  pending.terms.terms = std::move(terms);
  for (const auto& [term, positions] : pending.terms.terms) {
    pending.terms.length += positions.size();
  }
  return pending;
}

absl::Status Commit(Store* store, std::vector<PendingDocument> docs,
                    const std::string& bundle_id) {
  accord::v1::Bundle bundle;
  bundle.set_id(bundle_id);
  for (size_t i = 0; i < docs.size(); ++i) bundle.add_results()->set_index(i);
  return store->CommitBundle(&docs, &bundle);
}

class StoreIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::OpenPrimary(dir_.path(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreIndexTest, CommitWritesPostingsAndAttributes) {
  ASSERT_TRUE(Commit(store_.get(),
                     {Doc(0, "a1", {{"cyber", {0, 4}}, {"norm", {2}}}),
                      Doc(1, "b2", {{"norm", {1}}}, "fr")},
                     "b1")
                  .ok());
  index::PostingList norm;
  ASSERT_TRUE(store_->ReadPostings("norm", UINT32_MAX, true, &norm).ok());
  EXPECT_THAT(norm.docs, ElementsAre(0, 1));
  EXPECT_THAT(norm.PositionsOf(1), ElementsAre(1));
  index::PostingList cyber;
  ASSERT_TRUE(store_->ReadPostings("cyber", UINT32_MAX, true, &cyber).ok());
  EXPECT_THAT(cyber.freqs, ElementsAre(2));
  index::PostingList none;
  ASSERT_TRUE(store_->ReadPostings("cybe", UINT32_MAX, true, &none).ok());
  EXPECT_EQ(none.size(), 0u);

  std::vector<index::DocAttributes> attributes;
  ASSERT_TRUE(store_->ReadDocAttributes(0, 2, &attributes).ok());
  ASSERT_EQ(attributes.size(), 2u);
  EXPECT_EQ(attributes[0].length, 3u);
  EXPECT_EQ(attributes[1].language, "fr");
  EXPECT_FALSE(store_->ReadDocAttributes(0, 3, &attributes).ok());

  auto ids = store_->GetDocumentIds({1, 0, 7});
  EXPECT_EQ(*ids[0], std::string(30, '0') + "b2");
  EXPECT_EQ(*ids[1], std::string(30, '0') + "a1");
  EXPECT_TRUE(absl::IsNotFound(ids[2].status()));
}

TEST_F(StoreIndexTest, SmallCommitsFillBlocksInsteadOfAddingKeys) {
  // 300 one-document bundles: a key per posting would make 300 keys.
  for (int i = 0; i < 300; ++i) {
    ASSERT_TRUE(Commit(store_.get(),
                       {Doc(0, std::to_string(i),
                            {{"ict", {static_cast<uint32_t>(i % 7)}}})},
                       "b" + std::to_string(i))
                    .ok());
  }
  index::PostingList list;
  ASSERT_TRUE(store_->ReadPostings("ict", UINT32_MAX, true, &list).ok());
  ASSERT_EQ(list.size(), 300u);
  for (uint32_t i = 0; i < 300; ++i) {
    EXPECT_EQ(list.docs[i], i);
    EXPECT_EQ(list.PositionsOf(i)[0], i % 7);
  }
  index::PostingList limited;
  ASSERT_TRUE(store_->ReadPostings("ict", 130, false, &limited).ok());
  EXPECT_EQ(limited.size(), 130u);
  store_.reset();

  // Count the keys: 3 blocks (128 + 128 + 44) and the term's stats.
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : FamilyNames()) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  ASSERT_TRUE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), dir_.path(),
                                           families, &handles, &raw)
                  .ok());
  std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(
      rocksdb::ReadOptions(), handles[static_cast<int>(Family::kPostings)]));
  int keys = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++keys;
  EXPECT_EQ(keys, 4);
  it.reset();
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
}

}  // namespace
}  // namespace accord::store
