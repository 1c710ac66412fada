// Acknowledged means durable: every bundle CommitBundle returned OK for
// survives a power loss, which (unlike a killed process) also loses what
// the kernel had not written to the disk yet.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/store/store.h"
#include "common/testing/power_loss_fs.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"
#include "rocksdb/env.h"

namespace accord::store {
namespace {

using accord::v1::Bundle;

std::string DocId(int bundle, int doc) {
  return absl::StrFormat("%016x%016x", bundle + 1, doc + 1);
}

TEST(StoreDurabilityTest, AcknowledgedBundlesSurviveAPowerLoss) {
  testing::TempDir dir;
  auto fs = std::make_shared<testing::PowerLossFileSystem>(
      rocksdb::FileSystem::Default());
  std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(fs);
  const int kBundles = 25;
  const int kDocs = 3;
  std::vector<Bundle> acknowledged;
  {
    StoreOptions options;
    options.env = env.get();
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir.path(), options);
    ASSERT_TRUE(store.ok()) << store.status();
    for (int b = 0; b < kBundles; ++b) {
      std::vector<PendingDocument> docs(kDocs);
      Bundle bundle;
      bundle.set_id(absl::StrCat("bundle", b));
      bundle.set_submitter("durability-test");
      bundle.set_request_id(absl::StrCat("request", b));
      for (int d = 0; d < kDocs; ++d) {
        docs[d].index = d;
        docs[d].document().set_id(DocId(b, d));
        docs[d].document().set_title(absl::StrCat("title ", b, ".", d));
        docs[d].raw_content = absl::StrCat("raw ", b, ".", d);
        docs[d].terms.terms = {{"common", {0}}};
        docs[d].terms.length = 1;
        bundle.add_results()->set_index(d);
      }
      ASSERT_TRUE((*store)->CommitBundle(&docs, &bundle).ok());
      acknowledged.push_back(bundle);
    }
    // The machine goes down with the store open: what it writes from now
    // on, closing included, never reaches the disk.
    fs->SimulatePowerLoss();
  }
  std::printf("power loss cut %llu unsynced bytes\n",
              static_cast<unsigned long long>(fs->bytes_lost()));

  // Back on the real file system, as after a reboot.
  absl::StatusOr<std::unique_ptr<Store>> store =
      Store::OpenPrimary(dir.path(), StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(*(*store)->DocumentCount(),
            static_cast<uint64_t>(kBundles * kDocs));
  int missing = 0;
  for (const Bundle& sent : acknowledged) {
    absl::StatusOr<Bundle> stored = (*store)->GetBundle(sent.id());
    if (!stored.ok()) {
      ++missing;
      ADD_FAILURE() << "acknowledged " << sent.id() << ": " << stored.status();
      continue;
    }
    EXPECT_EQ(stored->counts().created(), static_cast<uint32_t>(kDocs));
    EXPECT_EQ(
        *(*store)->FindBundleByRequest(sent.submitter(), sent.request_id()),
        sent.id());
    for (const accord::v1::DocumentResult& result : sent.results()) {
      absl::StatusOr<accord::v1::Document> doc =
          (*store)->GetDocument(result.document_id());
      ASSERT_TRUE(doc.ok()) << doc.status();
      EXPECT_EQ(doc->bundle_id(), sent.id());
      EXPECT_TRUE((*store)->GetRawContent(result.document_id()).ok());
    }
  }
  EXPECT_EQ(missing, 0) << "of " << acknowledged.size();
  index::PostingList common;
  ASSERT_TRUE(
      (*store)->ReadPostings("common", UINT32_MAX, false, &common).ok());
  EXPECT_EQ(common.docs.size(), static_cast<size_t>(kBundles * kDocs));
}

}  // namespace
}  // namespace accord::store
