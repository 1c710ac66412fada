// A backup taken through the running ingest-service (accordctl backup, an
// admin token), restored offline with accord-admin, serves what was
// acknowledged before it and nothing after.
#include <csignal>
#include <fstream>
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

constexpr char kAdminToken[] = "admin-backup-test-0123456789";
constexpr char kReadToken[] = "read-backup-test-0123456789";

void Ingest(accord::v1::IngestService::Stub& stub, int first, int count) {
  accord::v1::IngestBundleRequest request;
  request.set_submitter("backup-test");
  for (int i = first; i < first + count; ++i) {
    *request.add_documents() =
        TextInput(absl::StrCat("Briefing ", i, "\n\nDelegation ", i,
                               " discussed the cormorant protocol in Lisbon."));
  }
  accord::v1::IngestBundleResponse response;
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("Bearer ", kAdminToken));
  ASSERT_TRUE(stub.IngestBundle(&context, request, &response).ok());
  ASSERT_EQ(response.bundle().counts().created(), count);
}

// The documents the query-service sees in `data_dir` once caught up.
uint64_t DocumentsServed(const testing::TempDir& dir,
                         const std::string& data_dir, const std::string& name) {
  absl::StatusOr<std::unique_ptr<ServerProcess>> query = ServerProcess::Start(
      name, ACCORD_QUERY_BIN,
      {"--data_dir=" + data_dir, "--secondary_dir=" + dir.Sub(name + "-sec")},
      dir.path());
  EXPECT_TRUE(query.ok()) << query.status();
  if (!query.ok()) return 0;
  auto stub = accord::v1::QueryService::NewStub(grpc::CreateChannel(
      (*query)->address(), grpc::InsecureChannelCredentials()));
  accord::v1::GetStoreStatusResponse status;
  grpc::ClientContext context;
  EXPECT_TRUE(stub->GetStoreStatus(&context,
                                   accord::v1::GetStoreStatusRequest(), &status)
                  .ok());
  return status.document_count();
}

TEST(BackupTest, BackUpOnlineRestoreOfflineAndServeIt) {
  testing::TempDir dir;
  std::ofstream(dir.Sub("tokens")) << "admin " << kAdminToken << "\n"
                                   << "read " << kReadToken << "\n";
  std::ofstream(dir.Sub("admin.token")) << kAdminToken << "\n";
  std::ofstream(dir.Sub("read.token")) << kReadToken << "\n";
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest = ServerProcess::Start(
      "ingest", ACCORD_INGEST_BIN,
      {"--data_dir=" + dir.Sub("data"), "--backup_dir=" + dir.Sub("backups"),
       "--tokens_file=" + dir.Sub("tokens")},
      dir.path());
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  auto stub = accord::v1::IngestService::NewStub(grpc::CreateChannel(
      (*ingest)->address(), grpc::InsecureChannelCredentials()));
  const std::string ctl = absl::StrCat(
      ACCORDCTL_BIN, " --ingest_addr=", (*ingest)->address(), " --token_file=");

  Ingest(*stub, 0, 4);
  // A read token may not back up.
  CommandResult result =
      RunCommand(absl::StrCat(ctl, dir.Sub("read.token"), " backup"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output, HasSubstr("PERMISSION_DENIED"));
  result = RunCommand(absl::StrCat(ctl, dir.Sub("admin.token"), " backup"));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("backup 1 "));
  EXPECT_THAT(result.output, HasSubstr(" 4 documents"));
  Ingest(*stub, 4, 3);
  result = RunCommand(absl::StrCat(ctl, dir.Sub("admin.token"), " backup"));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("backup 2 "));
  EXPECT_THAT(result.output, HasSubstr(" 7 documents"));
  Ingest(*stub, 7, 2);  // after every backup
  result = RunCommand(absl::StrCat(ctl, dir.Sub("admin.token"), " backups"));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_LT(result.output.find("backup 2 "), result.output.find("backup 1 "));
  ASSERT_TRUE((*ingest)->Stop(SIGTERM).ok());

  // Offline: verify, restore the older backup, serve it.
  const std::string admin =
      absl::StrCat(ACCORD_ADMIN_BIN, " --backup_dir=", dir.Sub("backups"));
  result = RunCommand(absl::StrCat(admin, " verify-backup"));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("backup 1 "));
  result = RunCommand(absl::StrCat(
      admin, " restore --backup_id=1 --data_dir=", dir.Sub("restored")));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(DocumentsServed(dir, dir.Sub("restored"), "restored-query"), 4u);
  EXPECT_EQ(DocumentsServed(dir, dir.Sub("data"), "live-query"), 9u);
  // Never over a store.
  result =
      RunCommand(absl::StrCat(admin, " restore --data_dir=", dir.Sub("data")));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output, HasSubstr("is not empty"));
}

TEST(BackupTest, AServerWithoutBackupDirSaysSo) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  CommandResult result = RunCommand(absl::StrCat(
      ACCORDCTL_BIN, " --ingest_addr=", (*cluster)->ingest().address(),
      " backup"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output, HasSubstr("FAILED_PRECONDITION"));
  EXPECT_THAT(result.output, HasSubstr("--backup_dir"));
}

}  // namespace
}  // namespace accord::e2e
