// Cluster: both Accord servers over one temp store, with clients.
#ifndef ACCORD_TESTS_E2E_CLUSTER_H_
#define ACCORD_TESTS_E2E_CLUSTER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "accord/v1/ingest_service.grpc.pb.h"
#include "accord/v1/query_service.grpc.pb.h"
#include "common/testing/temp_dir.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "tests/e2e/server_process.h"

namespace accord::e2e {

// The query-service's catch-up interval in these tests; the freshness bound
// under test is derived from it.
inline constexpr absl::Duration kCatchUpInterval = absl::Milliseconds(100);

class Cluster {
 public:
  // Starts accord-ingest (with `ingest_args` added) and accord-query (with
  // `query_args` added).
  static absl::StatusOr<std::unique_ptr<Cluster>> Start(
      std::vector<std::string> ingest_args = {},
      std::vector<std::string> query_args = {});

  std::string data_dir() const { return dir_.Sub("data"); }
  const std::string& work_dir() const { return dir_.path(); }
  ServerProcess& ingest() { return *ingest_; }
  ServerProcess& query() { return *query_; }

  // (Re)starts accord-ingest on the same store, e.g. after a crash.
  absl::Status RestartIngest(std::vector<std::string> ingest_args = {});

  accord::v1::IngestService::Stub& ingest_stub() { return *ingest_stub_; }
  accord::v1::QueryService::Stub& query_stub() { return *query_stub_; }

  // Health of `service` ("" for the server) on the server at `address`.
  static grpc::health::v1::HealthCheckResponse::ServingStatus Health(
      const std::string& address, const std::string& service = "");
  // Polls the server at `address` until its health is `wanted` or
  // `timeout` passes; the caller checks which.
  static void WaitForHealth(
      const std::string& address,
      grpc::health::v1::HealthCheckResponse::ServingStatus wanted,
      absl::Duration timeout);

  // Unary IngestBundle; fails the test on an RPC error.
  accord::v1::Bundle Ingest(const std::vector<accord::v1::DocumentInput>& docs);

  // Polls GetDocument until the document is readable or `timeout` passes.
  absl::StatusOr<accord::v1::Document> WaitForDocument(
      const std::string& id, absl::Duration timeout = absl::Seconds(10));

 private:
  Cluster() = default;
  absl::Status Connect();

  testing::TempDir dir_;
  std::unique_ptr<ServerProcess> ingest_;
  std::unique_ptr<ServerProcess> query_;
  std::unique_ptr<accord::v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<accord::v1::QueryService::Stub> query_stub_;
};

// A plain-text document input.
accord::v1::DocumentInput TextInput(const std::string& text,
                                    const std::string& client_ref = "");

// The ErrorInfo reason in a gRPC status's details, or "".
std::string ErrorReason(const grpc::Status& status);

// The port of "metrics on http://127.0.0.1:PORT/metrics" in a server's
// log (--metrics_listen=127.0.0.1:0), or 0.
int MetricsPort(const std::string& log);

// The value of the sample line of Prometheus text `text` that starts with
// `series` ("name{labels}" or "name"), or -1.
double Sample(const std::string& text, const std::string& series);

// What the bundles an ingest-service is receiving hold, from its /metrics
// at `metrics_port` (accord_ingest_bundle_memory_bytes), or -1.
double BundleMemoryBytes(int metrics_port);

// A StreamIngest left open after sending articles (short notes padded
// with spaces to 48 KiB, twenty a message, each message prepared before
// the next is sent) until the bundles in flight hold the ingest-service's
// limit for them, which its /metrics at `metrics_port` shows: further
// bundles get INGEST_BUSY until Finish() stores this one.
class HeldBundle {
 public:
  static absl::StatusOr<std::unique_ptr<HeldBundle>> Open(
      accord::v1::IngestService::Stub& stub, int metrics_port);

  // Ends the stream; the bundle is stored.
  grpc::Status Finish();

  int articles() const { return articles_; }
  size_t content_bytes() const { return content_bytes_; }
  // Bundle memory held when Open returned.
  double held_bytes() const { return held_bytes_; }
  const accord::v1::StreamIngestResponse& response() const { return response_; }

 private:
  HeldBundle() = default;

  grpc::ClientContext context_;
  accord::v1::StreamIngestResponse response_;
  std::unique_ptr<grpc::ClientWriter<accord::v1::StreamIngestRequest>> writer_;
  int articles_ = 0;
  size_t content_bytes_ = 0;
  double held_bytes_ = 0;
};

// What a command run by RunCommand printed and how it ended.
struct CommandResult {
  // The exit status, -1 when killed by a signal.
  int exit_code = -1;
  // stdout and stderr, interleaved.
  std::string output;
};

// Runs `command_line` with /bin/sh and waits for it.
CommandResult RunCommand(const std::string& command_line);

}  // namespace accord::e2e

#endif  // ACCORD_TESTS_E2E_CLUSTER_H_
