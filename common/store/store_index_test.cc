#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/index/posting_value.h"
#include "common/index/token_spans.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/store/store_test_util.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/perf_context.h"
#include "rocksdb/perf_level.h"

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
  pending.document().set_id(
      std::string(kDocumentIdLength - id_seed.size(), '0') + id_seed);
  pending.document().mutable_language()->set_code(language);
  pending.terms.terms = index::TermPositions(std::move(terms));
  for (const auto& [term, positions] : pending.terms.terms) {
    pending.terms.length += positions.size();
  }
  return pending;
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
  ASSERT_TRUE(CommitDocuments(store_.get(),
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

// The keys and values of the postings family, read without Accord's
// merge operator: only what compactions have already merged is readable.
std::vector<std::pair<std::string, std::string>> RawPostings(
    const std::string& path) {
  std::vector<std::pair<std::string, std::string>> entries;
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : FamilyNames()) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status opened = rocksdb::DB::OpenForReadOnly(
      rocksdb::Options(), path, families, &handles, &raw);
  EXPECT_TRUE(opened.ok()) << opened.ToString();
  if (!opened.ok()) return entries;
  std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(
      rocksdb::ReadOptions(), handles[static_cast<int>(Family::kPostings)]));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    entries.emplace_back(it->key().ToString(), it->value().ToString());
  }
  EXPECT_TRUE(it->status().ok()) << it->status().ToString();
  it.reset();
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
  return entries;
}

TEST_F(StoreIndexTest, SmallCommitsMergeIntoOneCanonicalValue) {
  // 300 one-document bundles: a key per posting would make 300 keys.
  for (int i = 0; i < 300; ++i) {
    ASSERT_TRUE(
        CommitDocuments(store_.get(),
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

  // Compacted: one key for the term's chunk, its value canonical (runs of
  // 128, 128 and 44 documents), as if written by one commit.
  ASSERT_TRUE(store_->Compact().ok());
  store_.reset();
  const auto entries = RawPostings(dir_.path());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].first, PostingKey("ict", 0));
  std::string canonical;
  const std::vector<absl::string_view> values = {entries[0].second};
  ASSERT_TRUE(index::MergePostingValues(values, &canonical).ok());
  EXPECT_EQ(entries[0].second, canonical);
  index::PostingList decoded;
  ASSERT_TRUE(
      index::DecodePostingValue(entries[0].second, UINT32_MAX, true, &decoded)
          .ok());
  EXPECT_EQ(decoded.docs, list.docs);
}

TEST_F(StoreIndexTest, PostingsAcrossChunksReadInOrderUpToTheLimit) {
  // One bundle whose documents run past the first chunk.
  const uint32_t count = index::kChunkDocuments + 500;
  std::vector<PendingDocument> docs;
  docs.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    std::vector<std::pair<std::string, std::vector<uint32_t>>> terms = {
        {"all", {0}}};
    if (i % 1000 == 999) terms.push_back({"rare", {1}});
    docs.push_back(Doc(i, absl::StrCat("d", i), std::move(terms)));
  }
  ASSERT_TRUE(CommitDocuments(store_.get(), std::move(docs), "big").ok());
  index::PostingList all;
  ASSERT_TRUE(store_->ReadPostings("all", UINT32_MAX, false, &all).ok());
  ASSERT_EQ(all.size(), count);
  EXPECT_EQ(all.docs.back(), count - 1);
  index::PostingList rare;
  ASSERT_TRUE(store_->ReadPostings("rare", UINT32_MAX, true, &rare).ok());
  ASSERT_EQ(rare.size(), count / 1000);
  EXPECT_EQ(rare.docs.back(), 65999u);  // in the second chunk
  index::PostingList limited;
  ASSERT_TRUE(
      store_->ReadPostings("rare", index::kChunkDocuments + 100, true, &limited)
          .ok());
  EXPECT_EQ(limited.docs.back(), 64999u);
}

TEST_F(StoreIndexTest, PostingsOfSomeDocumentsAcrossChunks) {
  const uint32_t count = index::kChunkDocuments + 500;
  std::vector<PendingDocument> docs;
  docs.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    // Positions that differ by document: 1..3 of them.
    std::vector<uint32_t> positions = {i % 5};
    for (uint32_t k = 1; k <= i % 3; ++k) positions.push_back(i % 5 + 10 * k);
    docs.push_back(Doc(i, absl::StrCat("d", i), {{"all", positions}}));
  }
  ASSERT_TRUE(CommitDocuments(store_.get(), std::move(docs), "big").ok());
  index::PostingList all;
  ASSERT_TRUE(store_->ReadPostings("all", UINT32_MAX, true, &all).ok());
  ASSERT_EQ(all.size(), count);

  const std::vector<uint32_t> wanted = {
      5,         127, 128, 64999, index::kChunkDocuments + 3,
      count + 10};  // not stored
  index::PostingList some;
  ASSERT_TRUE(store_->ReadPostingsOf("all", UINT32_MAX, wanted, &some).ok());
  ASSERT_THAT(some.docs,
              ElementsAre(5, 127, 128, 64999, index::kChunkDocuments + 3));
  for (size_t i = 0; i < some.size(); ++i) {
    absl::Span<const uint32_t> expected = all.PositionsOf(some.docs[i]);
    absl::Span<const uint32_t> got = some.PositionsOf(i);
    EXPECT_EQ(std::vector<uint32_t>(got.begin(), got.end()),
              std::vector<uint32_t>(expected.begin(), expected.end()))
        << some.docs[i];
    EXPECT_EQ(some.freqs[i], expected.size());
  }
  // Up to the snapshot's limit only; a wanted list past the first chunk.
  index::PostingList limited;
  ASSERT_TRUE(
      store_->ReadPostingsOf("all", index::kChunkDocuments, wanted, &limited)
          .ok());
  EXPECT_THAT(limited.docs, ElementsAre(5, 127, 128, 64999));
  index::PostingList second;
  const std::vector<uint32_t> late = {index::kChunkDocuments + 499};
  ASSERT_TRUE(store_->ReadPostingsOf("all", UINT32_MAX, late, &second).ok());
  EXPECT_THAT(second.docs, ElementsAre(index::kChunkDocuments + 499));
  index::PostingList none;
  ASSERT_TRUE(store_->ReadPostingsOf("absent", UINT32_MAX, wanted, &none).ok());
  EXPECT_EQ(none.size(), 0u);
}

TEST_F(StoreIndexTest, CommitStoresEachDocumentsTokenSpans) {
  std::vector<PendingDocument> docs = {Doc(0, "a", {{"x", {0}}}),
                                       Doc(1, "b", {{"y", {0, 2}}}),
                                       Doc(2, "c", {{"z", {1}}})};
  docs[0].terms.spans = {{0, index::kTitlePart, 0, 1}};
  docs[1].terms.spans = {{0, index::kTitlePart, 0, 3},
                         {2, index::kFirstParagraphPart, 4, 7}};
  // Encoded ahead, as the ingest path does: written as it is.
  docs[2].token_spans =
      index::EncodeTokenSpans({{1, index::kFirstParagraphPart, 2, 9}});
  const std::vector<std::string> expected = {
      index::EncodeTokenSpans(docs[0].terms.spans),
      index::EncodeTokenSpans(docs[1].terms.spans), docs[2].token_spans};
  ASSERT_TRUE(CommitDocuments(store_.get(), std::move(docs), "spans").ok());
  std::vector<absl::StatusOr<std::string>> spans =
      store_->GetTokenSpans({1, 0, 2, 3});
  ASSERT_EQ(spans.size(), 4u);
  ASSERT_TRUE(spans[0].ok() && spans[1].ok() && spans[2].ok());
  EXPECT_EQ(*spans[0], expected[1]);
  EXPECT_EQ(*spans[1], expected[0]);
  EXPECT_EQ(*spans[2], expected[2]);
  EXPECT_TRUE(absl::IsNotFound(spans[3].status())) << spans[3].status();
}

// The cost of a commit must not depend on how many terms the store holds:
// it reads nothing of the postings (version 2 read each term's count and
// last block, one Get and one seek per term).
TEST_F(StoreIndexTest, ACommitReadsNoPostings) {
  auto terms_of = [](int doc) {
    std::vector<std::pair<std::string, std::vector<uint32_t>>> terms;
    for (int t = 0; t < 200; ++t) {
      terms.push_back({absl::StrCat("term", (doc * 37 + t) % 1000),
                       {static_cast<uint32_t>(t)}});
    }
    std::sort(terms.begin(), terms.end());
    return terms;
  };
  std::vector<PendingDocument> first;
  for (int i = 0; i < 20; ++i) {
    first.push_back(Doc(i, absl::StrCat("a", i), terms_of(i)));
  }
  ASSERT_TRUE(CommitDocuments(store_.get(), std::move(first), "first").ok());

  std::vector<PendingDocument> second;
  for (int i = 0; i < 10; ++i) {
    second.push_back(Doc(i, absl::StrCat("b", i), terms_of(100 + i)));
  }
  rocksdb::SetPerfLevel(rocksdb::PerfLevel::kEnableCount);
  rocksdb::get_perf_context()->Reset();
  ASSERT_TRUE(CommitDocuments(store_.get(), std::move(second), "second").ok());
  const rocksdb::PerfContext counts = *rocksdb::get_perf_context();
  rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
  // What a commit does read: one "is this document stored?" per document.
  EXPECT_EQ(counts.seek_on_memtable_count, 0u);
  EXPECT_LE(counts.get_from_memtable_count, 10u * 2);

  index::PostingList list;
  ASSERT_TRUE(store_->ReadPostings("term5", UINT32_MAX, false, &list).ok());
  EXPECT_GT(list.size(), 0u);
}

}  // namespace
}  // namespace accord::store
