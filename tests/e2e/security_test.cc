// Both servers with bearer tokens, and with mutual TLS, as an operator runs
// them on a network: who may ingest, who may read, what accordctl needs,
// the configurations the servers refuse to start with, and certificates
// renewed under a running server.
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/testing/http_get.h"
#include "common/testing/temp_dir.h"
#include "common/testing/test_pki.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kIngestToken[] = "ingest-5f1d2c3b4a59687766554433";
constexpr char kReadToken[] = "read-0a9b8c7d6e5f4a3b2c1d0e9f";
constexpr char kAdminToken[] = "admin-11223344556677889900aabb";

// A token file with one client of each role, and a file per token for
// accordctl --token_file.
std::string WriteTokens(const testing::TempDir& dir) {
  const std::string path = dir.Sub("tokens");
  std::ofstream(path) << "# role token client\n"
                      << "ingest " << kIngestToken << " crawler\n"
                      << "read " << kReadToken << " dashboard\n"
                      << "admin " << kAdminToken << " ops\n";
  std::ofstream(dir.Sub("ingest.token")) << kIngestToken << "\n";
  std::ofstream(dir.Sub("read.token")) << kReadToken << "\n";
  return path;
}

struct Servers {
  std::unique_ptr<ServerProcess> ingest;
  std::unique_ptr<ServerProcess> query;
};

// Both servers over one store in `dir`, each with `extra` flags.
absl::StatusOr<Servers> StartServers(const testing::TempDir& dir,
                                     const std::vector<std::string>& extra) {
  std::vector<std::string> ingest_args = {"--data_dir=" + dir.Sub("data")};
  ingest_args.insert(ingest_args.end(), extra.begin(), extra.end());
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest = ServerProcess::Start(
      "ingest", ACCORD_INGEST_BIN, ingest_args, dir.path());
  if (!ingest.ok()) return ingest.status();
  std::vector<std::string> query_args = {
      "--data_dir=" + dir.Sub("data"), "--secondary_dir=" + dir.Sub("sec"),
      absl::StrCat("--catch_up_interval=",
                   absl::FormatDuration(kCatchUpInterval))};
  query_args.insert(query_args.end(), extra.begin(), extra.end());
  absl::StatusOr<std::unique_ptr<ServerProcess>> query =
      ServerProcess::Start("query", ACCORD_QUERY_BIN, query_args, dir.path());
  if (!query.ok()) return query.status();
  return Servers{*std::move(ingest), *std::move(query)};
}

void PrepareCall(grpc::ClientContext* context, const std::string& token) {
  context->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  if (!token.empty()) {
    context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  }
}

grpc::Status Ingest(accord::v1::IngestService::Stub& stub,
                    const std::string& token, const std::string& text,
                    accord::v1::IngestBundleResponse* response) {
  accord::v1::IngestBundleRequest request;
  request.set_submitter("security-test");
  *request.add_documents() = TextInput(text);
  grpc::ClientContext context;
  PrepareCall(&context, token);
  return stub.IngestBundle(&context, request, response);
}

grpc::Status Search(accord::v1::QueryService::Stub& stub,
                    const std::string& token, const std::string& query,
                    accord::v1::SearchDocumentsResponse* response) {
  accord::v1::SearchDocumentsRequest request;
  request.set_query(query);
  grpc::ClientContext context;
  PrepareCall(&context, token);
  return stub.SearchDocuments(&context, request, response);
}

TEST(SecurityTest, TokensDecideWhoIngestsAndWhoReads) {
  testing::TempDir dir;
  const std::string tokens = WriteTokens(dir);
  absl::StatusOr<Servers> servers =
      StartServers(dir, {"--tokens_file=" + tokens});
  ASSERT_TRUE(servers.ok()) << servers.status();
  auto ingest = accord::v1::IngestService::NewStub(grpc::CreateChannel(
      servers->ingest->address(), grpc::InsecureChannelCredentials()));
  auto query = accord::v1::QueryService::NewStub(grpc::CreateChannel(
      servers->query->address(), grpc::InsecureChannelCredentials()));

  const std::string refused =
      "Refused report\n\nA zebrafinch delegation met in Oslo on Monday.";
  const std::string accepted =
      "Accepted report\n\nA kingfisher delegation met in Lima on Monday.";
  accord::v1::IngestBundleResponse response;
  grpc::Status status = Ingest(*ingest, "", refused, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("needs a token"));
  status = Ingest(*ingest, "not-a-token-this-server-knows", refused, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  status = Ingest(*ingest, kReadToken, refused, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(),
              HasSubstr("client \"dashboard\" has role read; "
                        "/accord.v1.IngestService/IngestBundle needs ingest "
                        "or admin"));
  status = Ingest(*ingest, kIngestToken, accepted, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.bundle().counts().created(), 1);
  const std::string bundle_id = response.bundle().id();

  // Reading: the read token, not the ingest one, and not none.
  accord::v1::SearchDocumentsResponse found;
  status = Search(*query, "", "kingfisher", &found);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  status = Search(*query, kIngestToken, "kingfisher", &found);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  do {
    status = Search(*query, kReadToken, "kingfisher", &found);
    ASSERT_TRUE(status.ok()) << status.error_message();
  } while (found.hits_size() == 0 && absl::Now() < deadline);
  EXPECT_EQ(found.hits_size(), 1);
  // The refused calls stored nothing.
  status = Search(*query, kAdminToken, "zebrafinch", &found);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(found.hits_size(), 0);

  // A bundle report: ingest and read tokens both.
  for (const char* token : {kIngestToken, kReadToken}) {
    accord::v1::GetBundleRequest request;
    request.set_bundle_id(bundle_id);
    accord::v1::GetBundleResponse bundle;
    grpc::ClientContext context;
    PrepareCall(&context, token);
    status = ingest->GetBundle(&context, request, &bundle);
    EXPECT_TRUE(status.ok()) << token << ": " << status.error_message();
  }

  // Health needs no token (probes send none).
  EXPECT_EQ(Cluster::Health(servers->ingest->address()),
            grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(Cluster::Health(servers->query->address()),
            grpc::health::v1::HealthCheckResponse::SERVING);
  // The request log names the caller, never its token.
  const std::string log = servers->ingest->Log();
  EXPECT_THAT(log, HasSubstr("client=crawler"));
  EXPECT_THAT(log, Not(HasSubstr(kIngestToken)));
}

// An operator revokes a token and adds one by editing the token file and
// sending SIGHUP: the server keeps running and the calls after it follow
// the new file. A file that no longer loads leaves the tokens in use.
TEST(SecurityTest, SighupReloadsTheTokenFile) {
  testing::TempDir dir;
  const std::string tokens = WriteTokens(dir);
  absl::StatusOr<Servers> servers = StartServers(
      dir, {"--tokens_file=" + tokens, "--metrics_listen=127.0.0.1:0"});
  ASSERT_TRUE(servers.ok()) << servers.status();
  ServerProcess& server = *servers->query;
  const int metrics_port = MetricsPort(server.Log());
  ASSERT_GT(metrics_port, 0) << server.Log();
  EXPECT_EQ(
      Sample(testing::HttpGet(metrics_port, "/metrics"), "accord_auth_tokens"),
      3);
  auto query = accord::v1::QueryService::NewStub(grpc::CreateChannel(
      server.address(), grpc::InsecureChannelCredentials()));
  accord::v1::SearchDocumentsResponse found;
  ASSERT_TRUE(Search(*query, kReadToken, "kingfisher", &found).ok());

  // The read token revoked, another one given to the dashboard.
  constexpr char kNewReadToken[] = "read-99887766554433221100ffee";
  std::ofstream(tokens, std::ios::trunc)
      << "read " << kNewReadToken << " dashboard\n"
      << "admin " << kAdminToken << " ops\n";
  ASSERT_EQ(kill(server.pid(), SIGHUP), 0);
  // The reload runs on the server's signal thread: wait for it.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  grpc::Status status = Search(*query, kNewReadToken, "kingfisher", &found);
  while (!status.ok() && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
    status = Search(*query, kNewReadToken, "kingfisher", &found);
  }
  ASSERT_TRUE(status.ok()) << status.error_message();
  status = Search(*query, kReadToken, "kingfisher", &found);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(server.Log(), HasSubstr("received SIGHUP; tokens: 2 from"));

  // A broken file (a token too short): the two tokens stay in use.
  std::ofstream(tokens, std::ios::trunc) << "read short\n";
  ASSERT_EQ(kill(server.pid(), SIGHUP), 0);
  const absl::Time logged_by = absl::Now() + absl::Seconds(10);
  while (!absl::StrContains(server.Log(), "still using the 2 tokens") &&
         absl::Now() < logged_by) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_THAT(server.Log(), HasSubstr("tokens:1: the token is 5 characters"));
  EXPECT_THAT(server.Log(), HasSubstr("still using the 2 tokens"));
  status = Search(*query, kNewReadToken, "kingfisher", &found);
  EXPECT_TRUE(status.ok()) << status.error_message();
  status = Search(*query, kReadToken, "kingfisher", &found);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  const std::string metrics = testing::HttpGet(metrics_port, "/metrics");
  EXPECT_EQ(Sample(metrics, "accord_auth_tokens"), 2);
  EXPECT_EQ(
      Sample(metrics, "accord_auth_token_reloads_total{outcome=\"loaded\"}"),
      1);
  EXPECT_EQ(
      Sample(metrics, "accord_auth_token_reloads_total{outcome=\"failed\"}"),
      1);

  // SIGTERM still shuts it down cleanly.
  absl::StatusOr<int> stopped = server.Stop(SIGTERM);
  ASSERT_TRUE(stopped.ok()) << stopped.status();
  EXPECT_EQ(*stopped, 0);
}

TEST(SecurityTest, AccordctlOverMutualTlsWithTokens) {
  testing::TempDir dir;
  absl::StatusOr<testing::TestPki> pki = testing::MakeTestPki(dir.path());
  ASSERT_TRUE(pki.ok()) << pki.status();
  const std::string tokens = WriteTokens(dir);
  absl::StatusOr<Servers> servers = StartServers(
      dir,
      {"--tokens_file=" + tokens, "--tls_cert_file=" + pki->server_cert,
       "--tls_key_file=" + pki->server_key,
       "--tls_client_ca_file=" + pki->ca_cert, "--health_listen=127.0.0.1:0"});
  ASSERT_TRUE(servers.ok()) << servers.status();
  // The health-only port answers plaintext probes without a token, and
  // serves nothing else.
  const std::string log = servers->query->Log();
  const std::string marker = "health only on 127.0.0.1:";
  const size_t at = log.find(marker);
  ASSERT_NE(at, std::string::npos) << log;
  const std::string health_address = absl::StrCat(
      "127.0.0.1:",
      log.substr(at + marker.size(),
                 log.find(' ', at + marker.size()) - (at + marker.size())));
  // SERVING from the server's first health probe on.
  Cluster::WaitForHealth(health_address,
                         grpc::health::v1::HealthCheckResponse::SERVING,
                         absl::Seconds(10));
  EXPECT_EQ(Cluster::Health(health_address),
            grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(Cluster::Health(health_address, "accord.v1.QueryService"),
            grpc::health::v1::HealthCheckResponse::SERVING);
  {
    auto plain = accord::v1::QueryService::NewStub(grpc::CreateChannel(
        health_address, grpc::InsecureChannelCredentials()));
    accord::v1::SearchDocumentsRequest request;
    request.set_query("osprey");
    accord::v1::SearchDocumentsResponse response;
    grpc::ClientContext context;
    PrepareCall(&context, kReadToken);
    EXPECT_EQ(plain->SearchDocuments(&context, request, &response).error_code(),
              grpc::StatusCode::UNIMPLEMENTED);
  }
  std::ofstream(dir.Sub("report.txt"))
      << "Osprey consultations\n\nDelegations met in Quito to discuss the "
         "osprey protocol on cyber incidents.\n";

  const std::string addresses =
      absl::StrCat(ACCORDCTL_BIN, " --ingest_addr=", servers->ingest->address(),
                   " --query_addr=", servers->query->address());
  const std::string tls = absl::StrCat(" --tls_ca_file=", pki->ca_cert,
                                       " --tls_cert_file=", pki->client_cert,
                                       " --tls_key_file=", pki->client_key);
  CommandResult result = RunCommand(
      absl::StrCat(addresses, tls, " --token_file=", dir.Sub("ingest.token"),
                   " ingest ", dir.Sub("report.txt")));
  ASSERT_EQ(result.exit_code, 0) << result.output;

  // The read token from the environment; search until the query-service
  // has caught up.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  do {
    result = RunCommand(absl::StrCat("ACCORD_TOKEN=", kReadToken, " ",
                                     addresses, tls, " search osprey"));
    ASSERT_EQ(result.exit_code, 0) << result.output;
  } while (!absl::StrContains(result.output, "Osprey consultations") &&
           absl::Now() < deadline);
  EXPECT_THAT(result.output, HasSubstr("Osprey consultations"));

  // A read token cannot ingest.
  result = RunCommand(absl::StrCat(addresses, tls,
                                   " --token_file=", dir.Sub("read.token"),
                                   " ingest ", dir.Sub("report.txt")));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr("PERMISSION_DENIED"));
  // Without a client certificate, or in plaintext: no connection at all.
  result = RunCommand(absl::StrCat("ACCORD_TOKEN=", kReadToken, " ", addresses,
                                   " --tls_ca_file=", pki->ca_cert,
                                   " --timeout=5s search osprey"));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr("UNAVAILABLE"));
  result = RunCommand(absl::StrCat("ACCORD_TOKEN=", kReadToken, " ", addresses,
                                   " --timeout=5s search osprey"));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr("UNAVAILABLE"));
  // Health: TLS, no token.
  result = RunCommand(absl::StrCat(addresses, tls, " health"));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  // A missing CA file is named.
  result = RunCommand(absl::StrCat(
      addresses, " --tls_ca_file=", dir.Sub("missing.pem"), " search osprey"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output, HasSubstr("missing.pem"));
}

// gRPC health over TLS trusting the CA in `ca_file`: the call's code
// (UNAVAILABLE when the handshake fails).
grpc::StatusCode HealthOverTls(const std::string& address,
                               const std::string& ca_file) {
  std::ifstream in(ca_file);
  std::stringstream ca;
  ca << in.rdbuf();
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ca.str();
  auto stub = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(address, grpc::SslCredentials(ssl)));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  return stub->Check(&context, request, &response).error_code();
}

TEST(SecurityTest, RenewedCertificatesAreLoggedServedAndTheirExpiryExported) {
  testing::TempDir dir;
  absl::StatusOr<testing::TestPki> first = testing::MakeTestPki(dir.path());
  ASSERT_TRUE(first.ok()) << first.status();
  std::filesystem::create_directories(dir.Sub("renewed"));
  absl::StatusOr<testing::TestPki> renewed =
      testing::MakeTestPki(dir.Sub("renewed"));
  ASSERT_TRUE(renewed.ok()) << renewed.status();
  const std::string cert = dir.Sub("server.pem");
  const std::string key = dir.Sub("server.key");
  // A complete file renamed into place, as the README asks of operators.
  auto put_file = [](const std::string& text, const std::string& to) {
    std::ofstream(to + ".new") << text;
    std::filesystem::rename(to + ".new", to);
  };
  auto put = [](const std::string& from, const std::string& to) {
    std::filesystem::copy_file(
        from, to + ".new", std::filesystem::copy_options::overwrite_existing);
    std::filesystem::rename(to + ".new", to);
  };
  put(first->server_cert, cert);
  put(first->server_key, key);

  absl::StatusOr<std::unique_ptr<ServerProcess>> started = ServerProcess::Start(
      "ingest", ACCORD_INGEST_BIN,
      {"--data_dir=" + dir.Sub("data"), "--tls_cert_file=" + cert,
       "--tls_key_file=" + key, "--tls_reload_interval=1s",
       "--metrics_listen=127.0.0.1:0"},
      dir.path());
  ASSERT_TRUE(started.ok()) << started.status();
  ServerProcess& server = **started;
  const int metrics_port = MetricsPort(server.Log());
  ASSERT_GT(metrics_port, 0) << server.Log();
  auto metric = [&](const std::string& series) {
    return Sample(testing::HttpGet(metrics_port, "/metrics"), series);
  };
  EXPECT_THAT(server.Log(), HasSubstr("TLS: serving " + cert));
  EXPECT_EQ(metric("accord_tls_files_valid"), 1);
  // The test PKI's certificates are valid for two days.
  const double expiry =
      metric("accord_tls_certificate_expiry_timestamp_seconds");
  EXPECT_GT(expiry, absl::ToUnixSeconds(absl::Now() + absl::Hours(24)));
  EXPECT_LT(expiry, absl::ToUnixSeconds(absl::Now() + absl::Hours(72)));
  EXPECT_EQ(HealthOverTls(server.address(), first->ca_cert),
            grpc::StatusCode::OK);
  EXPECT_EQ(HealthOverTls(server.address(), renewed->ca_cert),
            grpc::StatusCode::UNAVAILABLE);

  // Renewed: within a few intervals the new certificate is logged and
  // serves new connections; the old CA no longer fits.
  put(renewed->server_key, key);
  put(renewed->server_cert, cert);
  absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (!absl::StrContains(server.Log(), "TLS: new connections get " + cert) &&
         absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(200));
  }
  EXPECT_THAT(server.Log(), HasSubstr("TLS: new connections get " + cert));
  grpc::StatusCode renewed_health = grpc::StatusCode::UNKNOWN;
  do {
    renewed_health = HealthOverTls(server.address(), renewed->ca_cert);
  } while (renewed_health != grpc::StatusCode::OK && absl::Now() < deadline);
  EXPECT_EQ(renewed_health, grpc::StatusCode::OK);
  EXPECT_EQ(HealthOverTls(server.address(), first->ca_cert),
            grpc::StatusCode::UNAVAILABLE);

  // A certificate file that no longer loads is warned about and counted.
  put_file("not a certificate\n", cert);
  deadline = absl::Now() + absl::Seconds(30);
  while (metric("accord_tls_files_valid") != 0 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(200));
  }
  EXPECT_EQ(metric("accord_tls_files_valid"), 0);
  EXPECT_THAT(server.Log(),
              HasSubstr("holds no PEM certificate; new TLS connections fail"));
  // And fixed.
  put(renewed->server_cert, cert);
  deadline = absl::Now() + absl::Seconds(30);
  while (metric("accord_tls_files_valid") != 1 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(200));
  }
  EXPECT_EQ(metric("accord_tls_files_valid"), 1);
  do {
    renewed_health = HealthOverTls(server.address(), renewed->ca_cert);
  } while (renewed_health != grpc::StatusCode::OK && absl::Now() < deadline);
  EXPECT_EQ(renewed_health, grpc::StatusCode::OK);
}

TEST(SecurityTest, ServersRefuseTokensInTheClearAndBadTokenFiles) {
  testing::TempDir dir;
  const std::string tokens = WriteTokens(dir);
  CommandResult result = RunCommand(
      absl::StrCat(ACCORD_INGEST_BIN, " --data_dir=", dir.Sub("data"),
                   " --listen=0.0.0.0:0 --tokens_file=", tokens));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output, HasSubstr("in the clear"));

  std::ofstream(dir.Sub("weak")) << "read hunter2\n";
  result = RunCommand(
      absl::StrCat(ACCORD_QUERY_BIN, " --data_dir=", dir.Sub("data"),
                   " --secondary_dir=", dir.Sub("sec"), " --listen=127.0.0.1:0",
                   " --tokens_file=", dir.Sub("weak")));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output, HasSubstr("weak:1: the token is 7 characters"));
}

}  // namespace
}  // namespace accord::e2e
