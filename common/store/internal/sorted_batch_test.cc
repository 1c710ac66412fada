#include "common/store/internal/sorted_batch.h"

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/merge_operator.h"

namespace accord::store::internal {
namespace {

// Joins merge operands with ',': the result shows their order.
class JoinOperator : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice&, const rocksdb::Slice* existing,
             const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger*) const override {
    *new_value = existing == nullptr
                     ? value.ToString()
                     : existing->ToString() + "," + value.ToString();
    return true;
  }
  const char* Name() const override { return "JoinOperator"; }
};

// A fresh RocksDB with families "a" and "b" beside "default".
struct Db {
  explicit Db(const std::string& path) {
    rocksdb::Options options;
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    rocksdb::ColumnFamilyOptions family;
    family.merge_operator = std::make_shared<JoinOperator>();
    std::vector<rocksdb::ColumnFamilyDescriptor> families = {
        {rocksdb::kDefaultColumnFamilyName, family},
        {"a", family},
        {"b", family}};
    rocksdb::DB* opened = nullptr;
    status = rocksdb::DB::Open(options, path, families, &handles, &opened);
    db.reset(opened);
  }
  ~Db() {
    for (rocksdb::ColumnFamilyHandle* handle : handles) {
      db->DestroyColumnFamilyHandle(handle);
    }
  }
  // Family index -> key -> value.
  std::map<int, std::map<std::string, std::string>> Contents() {
    std::map<int, std::map<std::string, std::string>> contents;
    for (size_t i = 0; i < handles.size(); ++i) {
      std::unique_ptr<rocksdb::Iterator> it(
          db->NewIterator(rocksdb::ReadOptions(), handles[i]));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        contents[static_cast<int>(i)][it->key().ToString()] =
            it->value().ToString();
      }
    }
    return contents;
  }

  rocksdb::Status status;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
};

// Two fresh stores: one gets a batch as built, the other the same batch
// sorted.
class SortedBatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(as_built_.status.ok()) << as_built_.status.ToString();
    ASSERT_TRUE(sorted_db_.status.ok()) << sorted_db_.status.ToString();
  }

  testing::TempDir dir_;
  Db as_built_{dir_.Sub("as_built")};
  Db sorted_db_{dir_.Sub("sorted")};
};

// The batch holds its operations in the order given: families interleaved,
// keys out of order, one key put twice, merged three times, deleted and
// put again. Written as it is and sorted, it leaves the same store, and
// the sorted one lists its operations by family, then key.
TEST_F(SortedBatchTest, SameEffectInFamilyAndKeyOrder) {
  Db& as_built = as_built_;
  Db& sorted_db = sorted_db_;
  // Something to delete, and operands written before the batch.
  for (Db* db : {&as_built, &sorted_db}) {
    ASSERT_TRUE(db->db->Put({}, db->handles[2], "gone", "x").ok());
    ASSERT_TRUE(db->db->Merge({}, db->handles[1], "joined", "0").ok());
  }

  auto build = [](const std::vector<rocksdb::ColumnFamilyHandle*>& h) {
    rocksdb::WriteBatch batch;
    EXPECT_TRUE(batch.Put(h[2], "zeta", "1").ok());
    EXPECT_TRUE(batch.Put(h[1], "mu", "first").ok());
    EXPECT_TRUE(batch.Merge(h[1], "joined", "1").ok());
    EXPECT_TRUE(batch.Put(h[0], "meta", "m").ok());
    EXPECT_TRUE(batch.Put(h[1], "alpha", "a").ok());
    EXPECT_TRUE(batch.Merge(h[1], "joined", "2").ok());
    EXPECT_TRUE(batch.Delete(h[2], "gone").ok());
    EXPECT_TRUE(batch.Put(h[1], "mu", "second").ok());
    EXPECT_TRUE(batch.Put(h[2], "beta", "b").ok());
    EXPECT_TRUE(batch.Merge(h[1], "joined", "3").ok());
    EXPECT_TRUE(batch.Put(h[2], "gone", "back").ok());
    EXPECT_TRUE(batch.SingleDelete(h[2], "zeta").ok());
    return batch;
  };
  rocksdb::WriteBatch original = build(as_built.handles);
  ASSERT_TRUE(as_built.db->Write({}, &original).ok());

  rocksdb::WriteBatch unsorted = build(sorted_db.handles);
  // Appended after what the batch already holds.
  rocksdb::WriteBatch sorted;
  ASSERT_TRUE(sorted.Put(sorted_db.handles[1], "zz", "before").ok());
  absl::Status appended =
      AppendSortedByFamilyAndKey(unsorted, sorted_db.handles, &sorted);
  ASSERT_TRUE(appended.ok()) << appended;
  EXPECT_EQ(sorted.Count(), unsorted.Count() + 1);
  ASSERT_TRUE(as_built.db->Put({}, as_built.handles[1], "zz", "before").ok());

  // Its operations, in order: (family, key).
  struct Lister : rocksdb::WriteBatch::Handler {
    std::vector<std::pair<uint32_t, std::string>> listed;
    rocksdb::Status PutCF(uint32_t f, const rocksdb::Slice& k,
                          const rocksdb::Slice&) override {
      listed.push_back({f, k.ToString()});
      return rocksdb::Status::OK();
    }
    rocksdb::Status MergeCF(uint32_t f, const rocksdb::Slice& k,
                            const rocksdb::Slice&) override {
      listed.push_back({f, k.ToString()});
      return rocksdb::Status::OK();
    }
    rocksdb::Status DeleteCF(uint32_t f, const rocksdb::Slice& k) override {
      listed.push_back({f, k.ToString()});
      return rocksdb::Status::OK();
    }
    rocksdb::Status SingleDeleteCF(uint32_t f,
                                   const rocksdb::Slice& k) override {
      listed.push_back({f, k.ToString()});
      return rocksdb::Status::OK();
    }
  } lister;
  ASSERT_TRUE(sorted.Iterate(&lister).ok());
  const uint32_t a = sorted_db.handles[1]->GetID();
  const uint32_t b = sorted_db.handles[2]->GetID();
  const std::vector<std::pair<uint32_t, std::string>> expected = {
      {a, "zz"},     {0, "meta"}, {a, "alpha"}, {a, "joined"}, {a, "joined"},
      {a, "joined"}, {a, "mu"},   {a, "mu"},    {b, "beta"},   {b, "gone"},
      {b, "gone"},   {b, "zeta"}, {b, "zeta"}};
  EXPECT_EQ(lister.listed, expected);

  ASSERT_TRUE(sorted_db.db->Write({}, &sorted).ok());
  const auto contents = sorted_db.Contents();
  EXPECT_EQ(contents, as_built.Contents());
  // What the batch meant: the later put wins, operands in order, a key
  // deleted then put again is there, a key put then deleted is not.
  EXPECT_EQ(contents.at(1).at("mu"), "second");
  EXPECT_EQ(contents.at(1).at("joined"), "0,1,2,3");
  EXPECT_EQ(contents.at(2).at("gone"), "back");
  EXPECT_EQ(contents.at(2).count("zeta"), 0u);
}

// Hundreds of operations on a few keys: beyond the size below which a
// sort by insertion would keep same-key order by itself.
TEST_F(SortedBatchTest, SameKeyOrderHoldsInALargeBatch) {
  Db& as_built = as_built_;
  Db& sorted_db = sorted_db_;
  auto build = [](const std::vector<rocksdb::ColumnFamilyHandle*>& h) {
    rocksdb::WriteBatch batch;
    for (int i = 0; i < 300; ++i) {
      rocksdb::ColumnFamilyHandle* family = h[1 + i % 2];
      const std::string key = "k" + std::to_string(i % 3);
      const std::string value = std::to_string(i);
      EXPECT_TRUE((i % 7 == 0 ? batch.Put(family, key, "put" + value)
                              : batch.Merge(family, key, value))
                      .ok());
    }
    return batch;
  };
  rocksdb::WriteBatch original = build(as_built.handles);
  ASSERT_TRUE(as_built.db->Write({}, &original).ok());
  rocksdb::WriteBatch unsorted = build(sorted_db.handles);
  rocksdb::WriteBatch sorted;
  absl::Status appended =
      AppendSortedByFamilyAndKey(unsorted, sorted_db.handles, &sorted);
  ASSERT_TRUE(appended.ok()) << appended;
  ASSERT_TRUE(sorted_db.db->Write({}, &sorted).ok());
  const auto contents = sorted_db.Contents();
  EXPECT_EQ(contents, as_built.Contents());
  // Family a, key k0: operations 0, 6, 12, ... 294; the last put is 294
  // (7 * 42), with no operand after it.
  EXPECT_EQ(contents.at(1).at("k0"), "put294");
  // Family b, key k1: operations 1, 7, 13, ... 295; the last put is 259
  // (7 * 37), then the operands 265 to 295 in order.
  EXPECT_EQ(contents.at(2).at("k1"), "put259,265,271,277,283,289,295");
}

TEST_F(SortedBatchTest, RefusesWhatReorderingWouldChange) {
  Db& db = sorted_db_;
  rocksdb::WriteBatch ranged;
  ASSERT_TRUE(ranged.Put(db.handles[1], "b", "1").ok());
  ASSERT_TRUE(ranged.DeleteRange(db.handles[1], "a", "c").ok());
  rocksdb::WriteBatch to;
  ASSERT_TRUE(to.Put(db.handles[1], "kept", "1").ok());
  const std::string before = to.Data();
  absl::Status appended = AppendSortedByFamilyAndKey(ranged, db.handles, &to);
  EXPECT_EQ(appended.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(appended.message().find("range deletion"), std::string::npos)
      << appended;
  EXPECT_EQ(to.Data(), before);

  // A family the handles do not name.
  rocksdb::WriteBatch other;
  ASSERT_TRUE(other.Put(db.handles[1], "k", "v").ok());
  ASSERT_TRUE(other.Put(db.handles[2], "k", "v").ok());
  appended =
      AppendSortedByFamilyAndKey(other, {db.handles[0], db.handles[1]}, &to);
  EXPECT_EQ(appended.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(to.Data(), before);

  // Itself: the views into it would move as it grew.
  appended = AppendSortedByFamilyAndKey(to, db.handles, &to);
  EXPECT_EQ(appended.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(to.Data(), before);
}

}  // namespace
}  // namespace accord::store::internal
