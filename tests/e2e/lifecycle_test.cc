// Health, durability across a crash, graceful shutdown, request logs.
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

using grpc::health::v1::HealthCheckResponse;

const char kArticle[] =
    "Consultations on ICT security\n\n"
    "Canberra (AAP) – Officials held the third round of consultations on "
    "ICT security and cybercrime cooperation on Thursday.\n";

// The query-service scratch directories under `dir`.
std::vector<std::string> ScratchDirectories(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_directory() &&
        absl::StartsWith(entry.path().filename().string(), "accord-query-")) {
      found.push_back(entry.path().string());
    }
  }
  return found;
}

TEST(LifecycleTest, BothServersReportServingForEveryService) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::string ingest = (*cluster)->ingest().address();
  const std::string query = (*cluster)->query().address();
  Cluster::WaitForHealth(query, HealthCheckResponse::SERVING,
                         absl::Seconds(10));
  EXPECT_EQ(Cluster::Health(ingest), HealthCheckResponse::SERVING);
  EXPECT_EQ(Cluster::Health(ingest, "accord.v1.IngestService"),
            HealthCheckResponse::SERVING);
  EXPECT_EQ(Cluster::Health(query), HealthCheckResponse::SERVING);
  EXPECT_EQ(Cluster::Health(query, "accord.v1.QueryService"),
            HealthCheckResponse::SERVING);
}

TEST(LifecycleTest, QueryServiceIsNotServingUntilAStoreExists) {
  testing::TempDir dir;
  absl::StatusOr<std::unique_ptr<ServerProcess>> query = ServerProcess::Start(
      "query", ACCORD_QUERY_BIN,
      {"--data_dir=" + dir.Sub("data"), "--secondary_dir=" + dir.Sub("sec")},
      dir.path());
  ASSERT_TRUE(query.ok()) << query.status();
  EXPECT_EQ(Cluster::Health((*query)->address()),
            HealthCheckResponse::NOT_SERVING);

  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest =
      ServerProcess::Start("ingest", ACCORD_INGEST_BIN,
                           {"--data_dir=" + dir.Sub("data")}, dir.path());
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  Cluster::WaitForHealth((*query)->address(), HealthCheckResponse::SERVING,
                         absl::Seconds(15));
  EXPECT_EQ(Cluster::Health((*query)->address()), HealthCheckResponse::SERVING);
}

// Without --secondary_dir accord-query follows the store from a private
// directory under $TMPDIR (the test's own directory here, as ServerProcess
// sets it) and removes it when it shuts down.
TEST(LifecycleTest, QueryServiceRemovesItsScratchDirectoryOnShutdown) {
  testing::TempDir dir;
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest =
      ServerProcess::Start("ingest", ACCORD_INGEST_BIN,
                           {"--data_dir=" + dir.Sub("data")}, dir.path());
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  absl::StatusOr<std::unique_ptr<ServerProcess>> query = ServerProcess::Start(
      "query", ACCORD_QUERY_BIN, {"--data_dir=" + dir.Sub("data")}, dir.path());
  ASSERT_TRUE(query.ok()) << query.status();
  Cluster::WaitForHealth((*query)->address(), HealthCheckResponse::SERVING,
                         absl::Seconds(15));
  ASSERT_EQ(Cluster::Health((*query)->address()), HealthCheckResponse::SERVING);

  const std::vector<std::string> while_serving = ScratchDirectories(dir.path());
  ASSERT_EQ(while_serving.size(), 1u);
  // The follower's RocksDB instance keeps its files there.
  EXPECT_FALSE(std::filesystem::is_empty(while_serving[0]));

  absl::StatusOr<int> stopped = (*query)->Stop(SIGTERM);
  ASSERT_TRUE(stopped.ok()) << stopped.status();
  EXPECT_TRUE(WIFEXITED(*stopped) && WEXITSTATUS(*stopped) == 0) << *stopped;
  EXPECT_TRUE(ScratchDirectories(dir.path()).empty());
}

// A killed accord-query cannot remove its scratch directory; the next one
// started under the same $TMPDIR does, and keeps its own.
TEST(LifecycleTest, TheNextQueryServiceRemovesAKilledOnesScratchDirectory) {
  testing::TempDir dir;
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest =
      ServerProcess::Start("ingest", ACCORD_INGEST_BIN,
                           {"--data_dir=" + dir.Sub("data")}, dir.path());
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  absl::StatusOr<std::unique_ptr<ServerProcess>> killed = ServerProcess::Start(
      "query", ACCORD_QUERY_BIN, {"--data_dir=" + dir.Sub("data")}, dir.path());
  ASSERT_TRUE(killed.ok()) << killed.status();
  Cluster::WaitForHealth((*killed)->address(), HealthCheckResponse::SERVING,
                         absl::Seconds(15));
  const std::vector<std::string> left = ScratchDirectories(dir.path());
  ASSERT_EQ(left.size(), 1u);
  absl::StatusOr<int> stopped = (*killed)->Stop(SIGKILL);
  ASSERT_TRUE(stopped.ok()) << stopped.status();
  ASSERT_EQ(ScratchDirectories(dir.path()), left);

  absl::StatusOr<std::unique_ptr<ServerProcess>> next =
      ServerProcess::Start("query2", ACCORD_QUERY_BIN,
                           {"--data_dir=" + dir.Sub("data")}, dir.path());
  ASSERT_TRUE(next.ok()) << next.status();
  Cluster::WaitForHealth((*next)->address(), HealthCheckResponse::SERVING,
                         absl::Seconds(15));
  EXPECT_EQ(Cluster::Health((*next)->address()), HealthCheckResponse::SERVING);
  const std::vector<std::string> now = ScratchDirectories(dir.path());
  ASSERT_EQ(now.size(), 1u);
  EXPECT_NE(now[0], left[0]);
  EXPECT_TRUE(absl::StrContains((*next)->Log(), left[0])) << (*next)->Log();
}

TEST(LifecycleTest, AcknowledgedBundleSurvivesAKill) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  accord::v1::Bundle bundle = (*cluster)->Ingest({TextInput(kArticle)});
  ASSERT_EQ(bundle.counts().created(), 1u);
  // No chance to flush anything after the reply: SIGKILL at once.
  absl::StatusOr<int> killed = (*cluster)->ingest().Stop(SIGKILL);
  ASSERT_TRUE(killed.ok());
  ASSERT_TRUE((*cluster)->RestartIngest().ok());

  accord::v1::GetBundleRequest request;
  request.set_bundle_id(bundle.id());
  accord::v1::GetBundleResponse response;
  grpc::ClientContext context;
  grpc::Status status =
      (*cluster)->ingest_stub().GetBundle(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.bundle().counts().created(), 1u);
  absl::StatusOr<accord::v1::Document> doc =
      (*cluster)->WaitForDocument(bundle.results(0).document_id());
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->title(), "Consultations on ICT security");
  // Re-sending after the restart is recognized.
  EXPECT_EQ((*cluster)->Ingest({TextInput(kArticle)}).counts().unchanged(), 1u);
}

TEST(LifecycleTest, SigtermShutsDownGracefullyAndEveryRpcIsLogged) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  accord::v1::Bundle bundle = (*cluster)->Ingest({TextInput(kArticle)});
  ASSERT_TRUE(
      (*cluster)->WaitForDocument(bundle.results(0).document_id()).ok());

  for (ServerProcess* server : {&(*cluster)->ingest(), &(*cluster)->query()}) {
    absl::StatusOr<int> status = server->Stop(SIGTERM);
    ASSERT_TRUE(status.ok()) << status.status();
    EXPECT_TRUE(WIFEXITED(*status)) << *status;
    EXPECT_EQ(WEXITSTATUS(*status), 0);
    EXPECT_TRUE(absl::StrContains(server->Log(), "received SIGTERM"));
    EXPECT_TRUE(absl::StrContains(server->Log(), ": stopped"));
  }
  const std::string ingest_log = (*cluster)->ingest().Log();
  EXPECT_TRUE(absl::StrContains(ingest_log,
                                "rpc /accord.v1.IngestService/IngestBundle"))
      << ingest_log;
  EXPECT_TRUE(absl::StrContains(ingest_log, "latency_ms="));
  EXPECT_TRUE(absl::StrContains((*cluster)->query().Log(),
                                "rpc /accord.v1.QueryService/GetDocument"));
}

TEST(LifecycleTest, SigtermLetsACallInFlightFinishAndStoresIt) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  accord::v1::StreamIngestResponse response;
  grpc::ClientContext context;
  auto writer = (*cluster)->ingest_stub().StreamIngest(&context, &response);
  accord::v1::StreamIngestRequest first;
  *first.add_documents() = TextInput(kArticle);
  ASSERT_TRUE(writer->Write(first));
  // The server has taken the call once it sends initial metadata.
  writer->WaitForInitialMetadata();

  // SIGTERM while the stream is open: health drops at once, the call may
  // finish within the grace period.
  ASSERT_EQ(kill((*cluster)->ingest().pid(), SIGTERM), 0);
  // Polled (the signal thread may be slow to run on a loaded machine),
  // well within the 10 s grace.
  HealthCheckResponse::ServingStatus health = HealthCheckResponse::SERVING;
  for (const absl::Time deadline = absl::Now() + absl::Seconds(5);
       health == HealthCheckResponse::SERVING && absl::Now() < deadline;
       absl::SleepFor(absl::Milliseconds(20))) {
    health = Cluster::Health((*cluster)->ingest().address());
  }
  EXPECT_NE(health, HealthCheckResponse::SERVING);
  accord::v1::StreamIngestRequest second;
  *second.add_documents() = TextInput(
      "Second dispatch on ICT security\n\nCanberra (AAP) – A second round "
      "is planned for next year.\n");
  ASSERT_TRUE(writer->Write(second));
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.bundle().counts().created(), 2u);

  absl::StatusOr<int> exit_status = (*cluster)->ingest().Stop(0);
  ASSERT_TRUE(exit_status.ok()) << exit_status.status();
  EXPECT_TRUE(WIFEXITED(*exit_status));
  EXPECT_EQ(WEXITSTATUS(*exit_status), 0);
  // What the drained call stored is durable.
  ASSERT_TRUE((*cluster)->RestartIngest().ok());
  EXPECT_EQ((*cluster)->Ingest({TextInput(kArticle)}).counts().unchanged(), 1u);
}

}  // namespace
}  // namespace accord::e2e
