#include "query-service/entity_reader.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "common/rpc/status.h"
#include "common/store/store.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"

namespace accord::query {
namespace {

class EntityReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.primary_path = dir_.Sub("db");
    options_.secondary_path = dir_.Sub("secondary");
    options_.catch_up_interval = absl::Milliseconds(20);
    options_.open_retry_interval = absl::Milliseconds(20);
  }

  // Stores two documents that mention org/un.
  void StoreEntity() {
    absl::StatusOr<std::unique_ptr<store::Store>> primary =
        store::Store::OpenPrimary(options_.primary_path, store::StoreOptions());
    ASSERT_TRUE(primary.ok()) << primary.status();
    primary_ = *std::move(primary);
    std::vector<store::PendingDocument> docs(2);
    accord::v1::Bundle bundle;
    bundle.set_id("b");
    for (int i = 0; i < 2; ++i) {
      docs[i].index = i;
      docs[i].document.set_id(std::string(32, 'a' + i));
      store::PendingEntity& un = docs[i].entities.emplace_back();
      un.entity.set_id("org/un");
      un.entity.set_kind(accord::v1::ENTITY_KIND_ORGANIZATION);
      un.entity.set_canonical_name("United Nations");
      un.entity.set_mention_count(2);
      bundle.add_results();
    }
    ASSERT_TRUE(primary_->CommitBundle(&docs, &bundle).ok());
  }

  void WaitForFollower(store::Follower* follower) {
    absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower->store();
      if (store && store->GetEntity("org/un", 1).ok()) return;
      absl::SleepFor(absl::Milliseconds(10));
    }
    FAIL() << "follower did not catch up";
  }

  absl::Status Status(const EntityReader& reader, const std::string& id,
                      int max_documents = 0) {
    accord::v1::GetEntityRequest request;
    request.set_entity_id(id);
    request.set_max_documents(max_documents);
    return reader.GetEntity(request, CallDeadline()).status();
  }

  testing::TempDir dir_;
  store::FollowerOptions options_;
  std::unique_ptr<store::Store> primary_;
};

TEST_F(EntityReaderTest, UnavailableBeforeAnyStoreExists) {
  store::Follower follower(options_);
  follower.Start();
  EntityReader reader(&follower);
  absl::Status status = Status(reader, "org/un");
  EXPECT_TRUE(absl::IsUnavailable(status)) << status;
  EXPECT_EQ(rpc::ErrorReasonOf(status), "STORE_UNAVAILABLE");
}

TEST_F(EntityReaderTest, GetsAnEntityWithAtMostMaxDocuments) {
  StoreEntity();
  store::Follower follower(options_);
  follower.Start();
  WaitForFollower(&follower);
  EntityReader reader(&follower);

  accord::v1::GetEntityRequest request;
  request.set_entity_id("org/un");
  absl::StatusOr<accord::v1::GetEntityResponse> response =
      reader.GetEntity(request, CallDeadline());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->entity().canonical_name(), "United Nations");
  EXPECT_EQ(response->entity().mention_count(), 4u);
  EXPECT_EQ(response->entity().document_ids_size(), 2);
  request.set_max_documents(1);
  response = reader.GetEntity(request, CallDeadline());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->entity().document_ids_size(), 1);
  EXPECT_EQ(response->entity().document_count(), 2u);

  absl::Status unknown = Status(reader, "org/unknown");
  EXPECT_TRUE(absl::IsNotFound(unknown)) << unknown;
  EXPECT_EQ(rpc::ErrorReasonOf(unknown), "ENTITY_NOT_FOUND");
  EXPECT_TRUE(Status(reader, "org/un", kMaxEntityDocuments).ok());
}

TEST_F(EntityReaderTest, RejectsMalformedIdsAndMaxDocuments) {
  store::Follower follower(options_);
  follower.Start();
  EntityReader reader(&follower);
  for (const std::string& bad :
       {std::string(""), std::string("un"), std::string("ORG/un"),
        std::string("org/u n"), std::string("org/\xff"),
        std::string("org/u\0n", 7)}) {
    absl::Status status = Status(reader, bad);
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << bad;
    EXPECT_EQ(rpc::ErrorReasonOf(status), "INVALID_ENTITY_ID") << bad;
  }
  for (int bad : {-1, kMaxEntityDocuments + 1}) {
    absl::Status status = Status(reader, "org/un", bad);
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << bad;
    EXPECT_EQ(rpc::ErrorReasonOf(status), "INVALID_MAX_DOCUMENTS") << bad;
  }
}

}  // namespace
}  // namespace accord::query
