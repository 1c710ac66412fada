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
}

}  // namespace
}  // namespace accord::e2e
