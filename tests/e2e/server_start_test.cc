// How the servers start: a busy port is refused, and the log says where
// the server really listens.
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

TEST(ServerStartTest, ASecondServerOnABusyPortIsRefused) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  testing::TempDir other;

  // gRPC's default SO_REUSEPORT would let these start and share the port.
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest =
      ServerProcess::Start("second-ingest", ACCORD_INGEST_BIN,
                           {"--data_dir=" + other.Sub("data"),
                            "--listen=" + (*cluster)->ingest().address()},
                           other.path());
  ASSERT_FALSE(ingest.ok())
      << "a second accord-ingest started on " << (*cluster)->ingest().address();
  EXPECT_TRUE(
      absl::StrContains(ingest.status().message(), "address is already in use"))
      << ingest.status();

  absl::StatusOr<std::unique_ptr<ServerProcess>> query =
      ServerProcess::Start("second-query", ACCORD_QUERY_BIN,
                           {"--data_dir=" + (*cluster)->data_dir(),
                            "--listen=" + (*cluster)->query().address()},
                           other.path());
  ASSERT_FALSE(query.ok()) << "a second accord-query started on "
                           << (*cluster)->query().address();
  EXPECT_TRUE(
      absl::StrContains(query.status().message(), "address is already in use"))
      << query.status();

  // The first servers still answer alone.
  EXPECT_EQ(Cluster::Health((*cluster)->ingest().address()),
            grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(Cluster::Health((*cluster)->query().address()),
            grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST(ServerStartTest, TheLogNamesTheAddressReallyListenedOn) {
  testing::TempDir dir;
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest = ServerProcess::Start(
      "ingest", ACCORD_INGEST_BIN,
      {"--data_dir=" + dir.Sub("data"), "--listen=0.0.0.0:0"}, dir.path());
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  const std::string port =
      (*ingest)->address().substr((*ingest)->address().rfind(':') + 1);
  const std::string log = (*ingest)->Log();
  EXPECT_TRUE(
      absl::StrContains(log, absl::StrCat("listening on 0.0.0.0:", port)))
      << log;
  EXPECT_FALSE(absl::StrContains(log, "listening on 127.0.0.1")) << log;
}

}  // namespace
}  // namespace accord::e2e
