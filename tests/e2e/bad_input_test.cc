// Bad input gets a clear rejection, and the services keep serving.
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

using accord::v1::DOCUMENT_OUTCOME_CREATED;
using accord::v1::DOCUMENT_OUTCOME_REJECTED;
using grpc::health::v1::HealthCheckResponse;

const char kValid[] =
    "Joint statement on cyber norms\n\n"
    "Vienna (APA) – The two delegations adopted a joint statement on norms "
    "of responsible state behaviour in cyberspace.\n";

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start(
        {"--max_document_bytes=65536", "--max_message_bytes=1048576"});
    ASSERT_TRUE(cluster.ok()) << cluster.status();
    cluster_ = *std::move(cluster);
    stored_ = cluster_->Ingest({TextInput(kValid)});
    ASSERT_EQ(stored_.counts().created(), 1u);
  }

  // The services still serve, and what was stored before is intact.
  void ExpectStillServing() {
    EXPECT_EQ(Cluster::Health(cluster_->ingest().address()),
              HealthCheckResponse::SERVING);
    EXPECT_EQ(Cluster::Health(cluster_->query().address()),
              HealthCheckResponse::SERVING);
    absl::StatusOr<accord::v1::Document> doc =
        cluster_->WaitForDocument(stored_.results(0).document_id());
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ(doc->title(), "Joint statement on cyber norms");
  }

  grpc::Status RawCall(const std::string& method, const std::string& bytes) {
    auto channel = grpc::CreateChannel(cluster_->ingest().address(),
                                       grpc::InsecureChannelCredentials());
    grpc::GenericStub stub(channel);
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    grpc::ClientContext context;
    absl::Notification done;
    grpc::Status result;
    stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                   [&](grpc::Status status) {
                     result = status;
                     done.Notify();
                   });
    done.WaitForNotification();
    return result;
  }

  std::unique_ptr<Cluster> cluster_;
  accord::v1::Bundle stored_;
};

TEST_F(BadInputTest, EachBadDocumentIsRejectedWithItsReason) {
  accord::v1::DocumentInput wrong_type = TextInput("%PDF-1.7 ...");
  wrong_type.set_content_type("application/pdf");
  accord::v1::DocumentInput unknown_charset = TextInput("hello");
  unknown_charset.set_content_type("text/plain; charset=x-klingon");
  accord::v1::Bundle report = cluster_->Ingest({
      TextInput("Caf\xE9 in Wien, \xFF\xFE"),
      TextInput(""),
      TextInput("  \n\n\t "),
      TextInput(std::string(70000, 'x')),
      wrong_type,
      unknown_charset,
      TextInput(std::string("binary\0data\0here", 16)),
      TextInput(absl::StrCat(kValid, "Second version.")),
  });
  const accord::v1::RejectReason expected[] = {
      accord::v1::REJECT_REASON_INVALID_ENCODING,
      accord::v1::REJECT_REASON_EMPTY,
      accord::v1::REJECT_REASON_EMPTY,
      accord::v1::REJECT_REASON_TOO_LARGE,
      accord::v1::REJECT_REASON_UNSUPPORTED_CONTENT_TYPE,
      accord::v1::REJECT_REASON_UNSUPPORTED_CONTENT_TYPE,
      accord::v1::REJECT_REASON_INVALID_ENCODING};
  ASSERT_EQ(report.results_size(), 8);
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(report.results(i).outcome(), DOCUMENT_OUTCOME_REJECTED) << i;
    EXPECT_EQ(report.results(i).reject_reason(), expected[i]) << i;
    EXPECT_FALSE(report.results(i).message().empty());
  }
  EXPECT_EQ(report.results(7).outcome(), DOCUMENT_OUTCOME_CREATED);
  ExpectStillServing();
}

TEST_F(BadInputTest, MalformedAndOversizedRequestsFailCleanly) {
  // Bytes that are not an IngestBundleRequest.
  grpc::Status garbage =
      RawCall("/accord.v1.IngestService/IngestBundle", "\xff\xff\xff\xff\x0f");
  EXPECT_FALSE(garbage.ok());
  // A message over --max_message_bytes.
  accord::v1::IngestBundleRequest big;
  for (int i = 0; i < 20; ++i) {
    *big.add_documents() = TextInput(std::string(60000, 'a' + i));
  }
  accord::v1::IngestBundleResponse response;
  grpc::ClientContext context;
  grpc::Status oversized =
      cluster_->ingest_stub().IngestBundle(&context, big, &response);
  EXPECT_EQ(oversized.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  // A method that does not exist.
  EXPECT_EQ(RawCall("/accord.v1.IngestService/Nope", "").error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  // An empty bundle.
  accord::v1::IngestBundleRequest empty;
  grpc::ClientContext empty_context;
  grpc::Status no_docs =
      cluster_->ingest_stub().IngestBundle(&empty_context, empty, &response);
  EXPECT_EQ(no_docs.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ErrorReason(no_docs), "EMPTY_BUNDLE");
  ExpectStillServing();
}

TEST_F(BadInputTest, BadIdsGetInvalidArgumentOrNotFoundWithDetails) {
  accord::v1::GetDocumentRequest request;
  accord::v1::GetDocumentResponse response;
  request.set_document_id("'; DROP TABLE documents; --");
  grpc::ClientContext c1;
  grpc::Status bad =
      cluster_->query_stub().GetDocument(&c1, request, &response);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ErrorReason(bad), "INVALID_DOCUMENT_ID");

  request.set_document_id(std::string(32, 'e'));
  grpc::ClientContext c2;
  grpc::Status missing =
      cluster_->query_stub().GetDocument(&c2, request, &response);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ErrorReason(missing), "DOCUMENT_NOT_FOUND");

  accord::v1::GetBundleRequest bundle_request;
  bundle_request.set_bundle_id("../etc");
  accord::v1::GetBundleResponse bundle_response;
  grpc::ClientContext c3;
  grpc::Status bad_bundle =
      cluster_->ingest_stub().GetBundle(&c3, bundle_request, &bundle_response);
  EXPECT_EQ(bad_bundle.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ErrorReason(bad_bundle), "INVALID_BUNDLE_ID");
  ExpectStillServing();
}

TEST_F(BadInputTest, RandomBytesNeverCrashTheService) {
  std::mt19937 random(20261121);
  std::vector<accord::v1::DocumentInput> docs;
  for (int i = 0; i < 300; ++i) {
    std::string bytes(random() % 2048, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    // Mix in mostly-text documents with broken bits, the harder case.
    if (i % 3 == 0) {
      std::string text = absl::StrCat(kValid, "Đà Nẵng – Москва ", i);
      text[random() % text.size()] = static_cast<char>(random());
      bytes = text;
    }
    docs.push_back(TextInput(bytes));
  }
  accord::v1::Bundle report = cluster_->Ingest(docs);
  ASSERT_EQ(report.results_size(), 300);
  for (const auto& result : report.results()) {
    EXPECT_NE(result.outcome(), accord::v1::DOCUMENT_OUTCOME_UNSPECIFIED);
    if (result.outcome() == DOCUMENT_OUTCOME_REJECTED) {
      EXPECT_NE(result.reject_reason(), accord::v1::REJECT_REASON_UNSPECIFIED);
    }
  }
  ExpectStillServing();
}

}  // namespace
}  // namespace accord::e2e
