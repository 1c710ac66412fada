#include "query-service/document_reader.h"

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

const std::string kIdA(32, 'a');
const std::string kIdB(32, 'b');

class DocumentReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.primary_path = dir_.Sub("db");
    options_.secondary_path = dir_.Sub("secondary");
    options_.catch_up_interval = absl::Milliseconds(20);
    options_.open_retry_interval = absl::Milliseconds(20);
  }

  void StoreDocuments() {
    absl::StatusOr<std::unique_ptr<store::Store>> primary =
        store::Store::OpenPrimary(options_.primary_path, store::StoreOptions());
    ASSERT_TRUE(primary.ok()) << primary.status();
    primary_ = *std::move(primary);
    std::vector<store::PendingDocument> docs(2);
    docs[0].document().set_id(kIdA);
    docs[0].document().set_title("Erste Meldung");
    docs[0].raw_content = "raw A";
    docs[1].index = 1;
    docs[1].document().set_id(kIdB);
    docs[1].document().set_title("Deuxième dépêche");
    accord::v1::Bundle bundle;
    bundle.set_id("b");
    bundle.add_results();
    bundle.add_results();
    ASSERT_TRUE(primary_->CommitBundle(&docs, &bundle).ok());
  }

  void WaitForFollower(store::Follower* follower) {
    absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower->store();
      if (store && store->HasDocument(kIdB).value_or(false)) return;
      absl::SleepFor(absl::Milliseconds(10));
    }
    FAIL() << "follower did not catch up";
  }

  testing::TempDir dir_;
  store::FollowerOptions options_;
  std::unique_ptr<store::Store> primary_;
};

TEST_F(DocumentReaderTest, UnavailableBeforeAnyStoreExists) {
  store::Follower follower(options_);
  follower.Start();
  DocumentReader reader(&follower);
  accord::v1::GetDocumentRequest request;
  request.set_document_id(kIdA);
  absl::StatusOr<accord::v1::GetDocumentResponse> response =
      reader.GetDocument(request);
  EXPECT_TRUE(absl::IsUnavailable(response.status())) << response.status();
  EXPECT_EQ(rpc::ErrorReasonOf(response.status()), "STORE_UNAVAILABLE");
}

TEST_F(DocumentReaderTest, GetsDocumentsAndRawContent) {
  StoreDocuments();
  store::Follower follower(options_);
  follower.Start();
  WaitForFollower(&follower);
  DocumentReader reader(&follower);

  accord::v1::GetDocumentRequest request;
  request.set_document_id(kIdA);
  request.set_include_raw_content(true);
  absl::StatusOr<accord::v1::GetDocumentResponse> response =
      reader.GetDocument(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->document().title(), "Erste Meldung");
  EXPECT_EQ(response->raw_content(), "raw A");

  request.set_document_id(std::string(32, 'c'));
  response = reader.GetDocument(request);
  EXPECT_TRUE(absl::IsNotFound(response.status()));
  EXPECT_EQ(rpc::ErrorReasonOf(response.status()), "DOCUMENT_NOT_FOUND");
}

TEST_F(DocumentReaderTest, RejectsMalformedIds) {
  StoreDocuments();
  store::Follower follower(options_);
  follower.Start();
  DocumentReader reader(&follower);
  for (const std::string& bad :
       {std::string(""), std::string(31, 'a'), std::string(32, 'A'),
        std::string("../../etc/passwd")}) {
    accord::v1::GetDocumentRequest request;
    request.set_document_id(bad);
    absl::Status status = reader.GetDocument(request).status();
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << bad;
    EXPECT_EQ(rpc::ErrorReasonOf(status), "INVALID_DOCUMENT_ID");
  }
}

TEST_F(DocumentReaderTest, BatchGetListsMissingIdsInOrder) {
  StoreDocuments();
  store::Follower follower(options_);
  follower.Start();
  WaitForFollower(&follower);
  DocumentReader reader(&follower);
  accord::v1::BatchGetDocumentsRequest request;
  request.add_document_ids(kIdB);
  request.add_document_ids(std::string(32, 'd'));
  request.add_document_ids(kIdA);
  absl::StatusOr<accord::v1::BatchGetDocumentsResponse> response =
      reader.BatchGetDocuments(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->documents_size(), 2);
  EXPECT_EQ(response->documents(0).id(), kIdB);
  EXPECT_EQ(response->documents(1).id(), kIdA);
  ASSERT_EQ(response->missing_ids_size(), 1);
  EXPECT_EQ(response->missing_ids(0), std::string(32, 'd'));

  accord::v1::BatchGetDocumentsRequest too_many;
  for (int i = 0; i <= kMaxBatchGetIds; ++i) too_many.add_document_ids(kIdA);
  EXPECT_EQ(rpc::ErrorReasonOf(reader.BatchGetDocuments(too_many).status()),
            "TOO_MANY_IDS");
  EXPECT_EQ(rpc::ErrorReasonOf(reader.BatchGetDocuments({}).status()),
            "EMPTY_REQUEST");
}

}  // namespace
}  // namespace accord::query
