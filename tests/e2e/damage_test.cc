// A store damaged on disk, as the servers and accord-admin meet it: the
// ingest-service refuses to open it with a message that says what is
// missing and what to do, accord-admin verify names the damage, repair
// keeps what is left and says what was lost, and the server then starts.
#include <csignal>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

using ::testing::HasSubstr;

TEST(DamageTest, ATruncatedWalIsRefusedVerifiedAndRepaired) {
  testing::TempDir dir;
  const std::string data = dir.Sub("data");
  {
    absl::StatusOr<std::unique_ptr<ServerProcess>> ingest =
        ServerProcess::Start("ingest", ACCORD_INGEST_BIN,
                             {"--data_dir=" + data}, dir.path());
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    auto stub = accord::v1::IngestService::NewStub(grpc::CreateChannel(
        (*ingest)->address(), grpc::InsecureChannelCredentials()));
    for (int b = 0; b < 5; ++b) {
      accord::v1::IngestBundleRequest request;
      request.set_submitter("damage-test");
      for (int i = 0; i < 10; ++i) {
        *request.add_documents() = TextInput(absl::StrCat(
            "Report ", b, "-", i, "\n\nThe ", b * 10 + i,
            "th round of the grebe talks ended in Bern without a text."));
      }
      accord::v1::IngestBundleResponse response;
      grpc::ClientContext context;
      ASSERT_TRUE(stub->IngestBundle(&context, request, &response).ok());
    }
    // Killed: the 50 documents are acknowledged, in the write-ahead log.
    ASSERT_TRUE((*ingest)->Stop(SIGKILL).ok());
  }
  std::filesystem::path wal;
  for (const auto& entry : std::filesystem::directory_iterator(data)) {
    if (entry.path().extension() == ".log" &&
        (wal.empty() || entry.file_size() > std::filesystem::file_size(wal))) {
      wal = entry.path();
    }
  }
  ASSERT_FALSE(wal.empty());
  std::filesystem::resize_file(wal, std::filesystem::file_size(wal) / 2);

  const std::string start = absl::StrCat(
      ACCORD_INGEST_BIN, " --data_dir=", data, " --listen=127.0.0.1:0");
  CommandResult result = RunCommand(start);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output, HasSubstr("acknowledged 50"));
  EXPECT_THAT(result.output, HasSubstr("accord-admin repair"));

  const std::string admin =
      absl::StrCat(ACCORD_ADMIN_BIN, " --data_dir=", data);
  result = RunCommand(absl::StrCat(admin, " verify"));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_THAT(result.output, HasSubstr("were acknowledged and are missing"));
  EXPECT_THAT(result.output, HasSubstr("DAMAGED"));
  result = RunCommand(absl::StrCat(admin, " repair"));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("lost documents"));
  result = RunCommand(absl::StrCat(admin, " verify"));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("OK"));

  absl::StatusOr<std::unique_ptr<ServerProcess>> again = ServerProcess::Start(
      "ingest-again", ACCORD_INGEST_BIN, {"--data_dir=" + data}, dir.path());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(Cluster::Health((*again)->address()),
            grpc::health::v1::HealthCheckResponse::SERVING);
  // A container's health check asks its own server only.
  const std::string health =
      absl::StrCat(ACCORDCTL_BIN, " --ingest_addr=", (*again)->address(),
                   " --query_addr=127.0.0.1:1 --timeout=3s health");
  result = RunCommand(absl::StrCat(health, " --only=ingest"));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("ingest-service"));
  result = RunCommand(health);
  EXPECT_EQ(result.exit_code, 1) << result.output;
}

TEST(DamageTest, AQueryServiceThatReadsADamagedTableTurnsNotServing) {
  testing::TempDir dir;
  const std::string data = dir.Sub("data");
  std::vector<std::string> ids;
  {
    absl::StatusOr<std::unique_ptr<ServerProcess>> ingest =
        ServerProcess::Start("ingest", ACCORD_INGEST_BIN,
                             {"--data_dir=" + data}, dir.path());
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    auto stub = accord::v1::IngestService::NewStub(grpc::CreateChannel(
        (*ingest)->address(), grpc::InsecureChannelCredentials()));
    for (int b = 0; b < 3; ++b) {
      accord::v1::IngestBundleRequest request;
      for (int i = 0; i < 50; ++i) {
        *request.add_documents() = TextInput(
            absl::StrCat("Note ", b, "-", i, "\n\nThe ", b * 100 + i,
                         "th meeting on the avocet accord closed in Turin."));
      }
      accord::v1::IngestBundleResponse response;
      grpc::ClientContext context;
      ASSERT_TRUE(stub->IngestBundle(&context, request, &response).ok());
      for (const auto& result : response.bundle().results()) {
        ids.push_back(result.document_id());
      }
    }
  }
  // A restart with a tiny WAL bound flushes everything into table files.
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest = ServerProcess::Start(
      "ingest-flushed", ACCORD_INGEST_BIN,
      {"--data_dir=" + data, "--max_wal_bytes=1"}, dir.path());
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  absl::StatusOr<std::unique_ptr<ServerProcess>> query = ServerProcess::Start(
      "query", ACCORD_QUERY_BIN,
      {"--data_dir=" + data, "--secondary_dir=" + dir.Sub("secondary")},
      dir.path());
  ASSERT_TRUE(query.ok()) << query.status();
  ASSERT_EQ(Cluster::Health((*query)->address()),
            grpc::health::v1::HealthCheckResponse::SERVING);
  // Cut every table file of some size in half, under the running server.
  int cut = 0;
  for (const auto& entry : std::filesystem::directory_iterator(data)) {
    if (entry.path().extension() == ".sst" && entry.file_size() > 4096) {
      std::filesystem::resize_file(entry.path(), entry.file_size() / 2);
      ++cut;
    }
  }
  ASSERT_GT(cut, 0);
  auto stub = accord::v1::QueryService::NewStub(grpc::CreateChannel(
      (*query)->address(), grpc::InsecureChannelCredentials()));
  int data_loss = 0;
  for (const std::string& id : ids) {
    accord::v1::GetDocumentRequest request;
    request.set_document_id(id);
    accord::v1::GetDocumentResponse response;
    grpc::ClientContext context;
    grpc::Status status = stub->GetDocument(&context, request, &response);
    // Never "not found" for a stored document: found, or damaged.
    EXPECT_NE(status.error_code(), grpc::StatusCode::NOT_FOUND) << id;
    data_loss += status.error_code() == grpc::StatusCode::DATA_LOSS;
  }
  ASSERT_GT(data_loss, 0);
  Cluster::WaitForHealth((*query)->address(),
                         grpc::health::v1::HealthCheckResponse::NOT_SERVING,
                         absl::Seconds(10));
  EXPECT_EQ(Cluster::Health((*query)->address()),
            grpc::health::v1::HealthCheckResponse::NOT_SERVING);
  EXPECT_THAT((*query)->Log(), HasSubstr("found the store damaged"));
}

}  // namespace
}  // namespace accord::e2e
