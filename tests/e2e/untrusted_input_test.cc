// Request fields quoted back in errors, reports and logs: a forged log
// line, NUL bytes and characters cut in half must not get through, and
// every message a client receives must parse.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "common/util/untrusted_text.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

// The ErrorInfo of a failed call; fails the test when the details do not
// parse (as they do not when a server sends invalid UTF-8 in them).
google::rpc::ErrorInfo InfoOf(const grpc::Status& status) {
  google::rpc::Status details;
  google::rpc::ErrorInfo info;
  EXPECT_TRUE(details.ParseFromString(status.error_details()))
      << "error details do not parse";
  EXPECT_EQ(details.details_size(), 1);
  if (details.details_size() == 1) {
    EXPECT_TRUE(details.details(0).UnpackTo(&info));
  }
  return info;
}

grpc::Status GetDocument(Cluster& cluster, const std::string& id) {
  accord::v1::GetDocumentRequest request;
  request.set_document_id(id);
  accord::v1::GetDocumentResponse response;
  grpc::ClientContext context;
  return cluster.query_stub().GetDocument(&context, request, &response);
}

TEST(UntrustedInputTest, AnIdCannotForgeALogLineOrWriteNul) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::string forged = "x\n2026-12-01T00:00:00.000Z E FORGED LINE";
  grpc::Status status = GetDocument(**cluster, forged);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(InfoOf(status).reason(), "INVALID_DOCUMENT_ID");
  status = GetDocument(**cluster, std::string("nul\0byte", 8));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  accord::v1::GetBundleRequest request;
  request.set_bundle_id(forged);
  accord::v1::GetBundleResponse response;
  grpc::ClientContext context;
  status = (*cluster)->ingest_stub().GetBundle(&context, request, &response);
  EXPECT_EQ(InfoOf(status).reason(), "INVALID_BUNDLE_ID");

  for (ServerProcess* server : {&(*cluster)->query(), &(*cluster)->ingest()}) {
    const std::string log = server->Log();
    EXPECT_EQ(log.find('\0'), std::string::npos) << "NUL in the log";
    bool saw_escaped = false;
    for (absl::string_view line : absl::StrSplit(log, '\n')) {
      EXPECT_FALSE(absl::StartsWith(line, "2026-12-01T00:00:00.000Z E"))
          << "forged line in the log: " << line;
      saw_escaped |= absl::StrContains(line, "x\\n2026-12-01");
    }
    EXPECT_TRUE(saw_escaped) << log;
  }
}

TEST(UntrustedInputTest, QuotedInputIsNeverCutInsideACharacter) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  std::string euros;
  for (int i = 0; i < 40; ++i) euros += "€";
  grpc::Status status = GetDocument(**cluster, euros);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(IsValidUtf8(status.error_message())) << status.error_message();
  google::rpc::ErrorInfo info = InfoOf(status);
  EXPECT_EQ(info.reason(), "INVALID_DOCUMENT_ID");
  EXPECT_TRUE(absl::StartsWith(info.metadata().at("document_id"), "€€€"));
  EXPECT_TRUE(absl::EndsWith(info.metadata().at("document_id"), "…"));

  accord::v1::SearchDocumentsRequest search;
  search.set_query(euros + " \"unclosed");
  accord::v1::SearchDocumentsResponse hits;
  grpc::ClientContext context;
  status = (*cluster)->query_stub().SearchDocuments(&context, search, &hits);
  EXPECT_EQ(InfoOf(status).reason(), "INVALID_QUERY");

  EXPECT_FALSE(absl::StrContains((*cluster)->query().Log(), "invalid UTF-8"))
      << (*cluster)->query().Log();
}

TEST(UntrustedInputTest, ARejectionQuotingBadBytesIsStoredAndReadBack) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  // Quoting a long URL of euro signs used to cut one in half; a content
  // type with a line break and NUL used to be quoted raw.
  std::string euros;
  for (int i = 0; i < 100; ++i) euros += "€";
  accord::v1::DocumentInput bad_url = TextInput("Talks on norms in Geneva.");
  bad_url.mutable_metadata()->set_source_url("ftp://" + euros);
  accord::v1::DocumentInput bad_type = TextInput("Talks in Hanoi.");
  bad_type.set_content_type(std::string("text/plain\n; charset=x\0€", 27));
  accord::v1::Bundle bundle = (*cluster)->Ingest({bad_url, bad_type});
  ASSERT_EQ(bundle.results_size(), 2);
  EXPECT_EQ(bundle.results(0).reject_reason(),
            accord::v1::REJECT_REASON_INVALID_METADATA);
  EXPECT_EQ(bundle.results(1).reject_reason(),
            accord::v1::REJECT_REASON_UNSUPPORTED_CONTENT_TYPE);
  for (const accord::v1::DocumentResult& result : bundle.results()) {
    EXPECT_EQ(result.outcome(), accord::v1::DOCUMENT_OUTCOME_REJECTED);
    EXPECT_TRUE(IsValidUtf8(result.message())) << result.message();
    EXPECT_EQ(result.message().find_first_of(std::string("\n\0", 2)),
              std::string::npos)
        << result.message();
  }

  // The stored report reads back (a report holding invalid UTF-8 would not
  // parse: the store would answer DATA_LOSS).
  accord::v1::GetBundleRequest request;
  request.set_bundle_id(bundle.id());
  accord::v1::GetBundleResponse response;
  grpc::ClientContext context;
  grpc::Status status =
      (*cluster)->ingest_stub().GetBundle(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.bundle().counts().rejected(), 2);
}

}  // namespace
}  // namespace accord::e2e
