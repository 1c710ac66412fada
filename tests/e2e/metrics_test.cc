// The servers' /metrics endpoints as Prometheus scrapes them, after real
// calls: RPCs by method and code, what was ingested and rejected, the
// store's figures, the catch-up lag, the process's memory and its budget;
// every metric deploy/prometheus's alert rules read is one they export.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/testing/http_get.h"
#include "common/testing/temp_dir.h"
#include "common/testing/test_pki.h"
#include "common/testing/time_scale.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;

// An ingest-service and a query-service over one store in `dir`, each
// serving /metrics on a port of its own; `ingest_args` and `query_args`
// are added to their command lines.
struct MetricsServers {
  std::unique_ptr<ServerProcess> ingest;
  std::unique_ptr<ServerProcess> query;
  int ingest_port = 0;
  int query_port = 0;
};

absl::StatusOr<MetricsServers> StartWithMetrics(
    const testing::TempDir& dir, std::vector<std::string> ingest_args,
    std::vector<std::string> query_args) {
  MetricsServers servers;
  ingest_args.insert(ingest_args.begin(), {"--data_dir=" + dir.Sub("data"),
                                           "--metrics_listen=127.0.0.1:0"});
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest = ServerProcess::Start(
      "ingest", ACCORD_INGEST_BIN, ingest_args, dir.path());
  if (!ingest.ok()) return ingest.status();
  servers.ingest = *std::move(ingest);
  query_args.insert(query_args.begin(), {"--data_dir=" + dir.Sub("data"),
                                         "--secondary_dir=" + dir.Sub("sec"),
                                         "--metrics_listen=127.0.0.1:0"});
  absl::StatusOr<std::unique_ptr<ServerProcess>> query =
      ServerProcess::Start("query", ACCORD_QUERY_BIN, query_args, dir.path());
  if (!query.ok()) return query.status();
  servers.query = *std::move(query);
  servers.ingest_port = MetricsPort(servers.ingest->Log());
  servers.query_port = MetricsPort(servers.query->Log());
  if (servers.ingest_port <= 0 || servers.query_port <= 0) {
    return absl::InternalError(absl::StrCat("no metrics port logged:\n",
                                            servers.ingest->Log(), "\n",
                                            servers.query->Log()));
  }
  return servers;
}

TEST(MetricsTest, ScrapesShowCallsIngestStoreLagAndMemory) {
  testing::TempDir dir;
  absl::StatusOr<MetricsServers> servers =
      StartWithMetrics(dir, {},
                       {"--max_threads=100",
                        absl::StrCat("--catch_up_interval=",
                                     absl::FormatDuration(kCatchUpInterval))});
  ASSERT_TRUE(servers.ok()) << servers.status();
  const int ingest_port = servers->ingest_port;
  const int query_port = servers->query_port;

  auto ingest_stub = accord::v1::IngestService::NewStub(grpc::CreateChannel(
      servers->ingest->address(), grpc::InsecureChannelCredentials()));
  auto query_stub = accord::v1::QueryService::NewStub(grpc::CreateChannel(
      servers->query->address(), grpc::InsecureChannelCredentials()));
  // One bundle: two documents stored, one empty (rejected).
  accord::v1::IngestBundleRequest request;
  request.set_submitter("metrics-test");
  *request.add_documents() = TextInput(
      "Heron talks\n\nThe heron working group met in Accra on Tuesday.");
  *request.add_documents() = TextInput(
      "Plover talks\n\nThe plover working group met in Dakar on Friday.");
  *request.add_documents() = TextInput("   \n\n  ");
  accord::v1::IngestBundleResponse response;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(ingest_stub->IngestBundle(&context, request, &response).ok());
  }
  ASSERT_EQ(response.bundle().counts().created(), 2);
  // A read that fails, and reads that succeed once caught up.
  {
    accord::v1::GetDocumentRequest missing;
    missing.set_document_id(std::string(32, 'a'));
    accord::v1::GetDocumentResponse document;
    grpc::ClientContext context;
    EXPECT_EQ(
        query_stub->GetDocument(&context, missing, &document).error_code(),
        grpc::StatusCode::NOT_FOUND);
  }
  int searches = 0;
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  accord::v1::SearchDocumentsResponse found;
  do {
    accord::v1::SearchDocumentsRequest search;
    search.set_query("heron");
    grpc::ClientContext context;
    ASSERT_TRUE(query_stub->SearchDocuments(&context, search, &found).ok());
    ++searches;
  } while (found.hits_size() == 0 && absl::Now() < deadline);
  ASSERT_EQ(found.hits_size(), 1);

  const std::string ingest_text = testing::HttpGet(ingest_port, "/metrics");
  EXPECT_THAT(ingest_text, HasSubstr("200 OK"));
  EXPECT_EQ(Sample(ingest_text,
                   "accord_rpc_requests_total{code=\"OK\",method=\"/"
                   "accord.v1.IngestService/IngestBundle\"}"),
            1);
  EXPECT_EQ(Sample(ingest_text, "accord_ingest_bundles_total"), 1);
  EXPECT_EQ(
      Sample(ingest_text, "accord_ingest_documents_total{outcome=\"created\"}"),
      2);
  EXPECT_EQ(Sample(ingest_text,
                   "accord_ingest_documents_total{outcome=\"rejected\"}"),
            1);
  EXPECT_EQ(
      Sample(ingest_text, "accord_ingest_rejections_total{reason=\"EMPTY\"}"),
      1);
  EXPECT_GT(Sample(ingest_text, "accord_ingest_content_bytes_total"), 100);
  EXPECT_EQ(Sample(ingest_text, "accord_store_documents"), 2);
  EXPECT_GT(Sample(ingest_text, "accord_store_wal_bytes"), 0);
  EXPECT_GE(Sample(ingest_text, "accord_store_memtable_bytes"), 0);
  // No stall in two documents; the writer's figures only.
  EXPECT_EQ(Sample(ingest_text, "accord_store_write_stopped"), 0);
  EXPECT_EQ(Sample(ingest_text, "accord_store_delayed_write_rate_bytes"), 0);
  EXPECT_GT(Sample(ingest_text, "process_resident_memory_bytes"), 1 << 20);
  EXPECT_EQ(Sample(ingest_text, "accord_rpc_max_threads"), 256);  // default

  const std::string query_text = testing::HttpGet(query_port, "/metrics");
  EXPECT_EQ(Sample(query_text,
                   "accord_rpc_requests_total{code=\"NOT_FOUND\",method=\"/"
                   "accord.v1.QueryService/GetDocument\"}"),
            1);
  EXPECT_EQ(Sample(query_text,
                   "accord_rpc_requests_total{code=\"OK\",method=\"/"
                   "accord.v1.QueryService/SearchDocuments\"}"),
            searches);
  const double lag = Sample(query_text, "accord_query_catch_up_lag_seconds");
  EXPECT_GE(lag, 0);
  EXPECT_LT(lag, 5);
  EXPECT_EQ(Sample(query_text, "accord_store_documents"), 2);
  EXPECT_EQ(Sample(query_text, "accord_store_write_stopped"), -1);  // absent
  EXPECT_THAT(query_text, ContainsRegex("\naccord_query_catch_ups [1-9]"));
  EXPECT_GT(Sample(query_text, "process_resident_memory_bytes"), 1 << 20);
  EXPECT_EQ(Sample(query_text, "accord_rpc_max_threads"), 100);
}

// --memory_budget_mb is divided as README "Memory" says, shown in
// /metrics, and a budget too small to run on is refused at start.
TEST(MetricsTest, TheMemoryBudgetIsDividedShownAndChecked) {
  testing::TempDir dir;
  absl::StatusOr<MetricsServers> servers = StartWithMetrics(
      dir, {"--memory_budget_mb=320"}, {"--memory_budget_mb=256"});
  ASSERT_TRUE(servers.ok()) << servers.status();
  EXPECT_THAT(servers->ingest->Log(),
              HasSubstr("memory budget 320 MiB (block cache 80 MiB, "
                        "memtables at most 40 MiB of it; event cache 2560 "
                        "events; bundles being received 80 MiB)"));
  const int ingest_port = servers->ingest_port;
  const std::string ingest_text = testing::HttpGet(ingest_port, "/metrics");
  EXPECT_EQ(Sample(ingest_text, "accord_memory_budget_bytes"), 320 << 20);
  EXPECT_EQ(Sample(ingest_text, "accord_store_block_cache_capacity_bytes"),
            80 << 20);
  EXPECT_EQ(Sample(ingest_text, "accord_store_memtable_budget_bytes"),
            40 << 20);
  EXPECT_EQ(Sample(ingest_text, "accord_ingest_bundle_memory_limit_bytes"),
            80 << 20);
  EXPECT_EQ(Sample(ingest_text, "accord_ingest_bundle_memory_bytes"), 0);

  // The query-service's store opens once the ingest-service created it.
  const int query_port = servers->query_port;
  std::string query_text;
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  do {
    query_text = testing::HttpGet(query_port, "/metrics");
  } while (Sample(query_text, "accord_store_block_cache_capacity_bytes") < 0 &&
           absl::Now() < deadline);
  EXPECT_EQ(Sample(query_text, "accord_memory_budget_bytes"), 256 << 20);
  EXPECT_EQ(Sample(query_text, "accord_store_block_cache_capacity_bytes"),
            128 << 20);
  EXPECT_EQ(Sample(query_text, "accord_store_memtable_budget_bytes"), 64 << 20);

  for (const char* binary : {ACCORD_INGEST_BIN, ACCORD_QUERY_BIN}) {
    const CommandResult small = RunCommand(
        absl::StrCat(binary, " --data_dir=", dir.Sub("small"),
                     " --listen=127.0.0.1:0 --memory_budget_mb=200"));
    EXPECT_EQ(small.exit_code, 1) << binary;
    EXPECT_THAT(small.output, HasSubstr("--memory_budget_mb=200: a memory "
                                        "budget of 200 MiB is below the 256 "
                                        "MiB a server needs"))
        << binary;
  }
}

// The metric families a /metrics text declares ("# TYPE name kind").
std::set<std::string> Families(const std::string& text) {
  std::set<std::string> names;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!absl::StartsWith(line, "# TYPE ")) continue;
    const std::string rest = line.substr(7);
    names.insert(rest.substr(0, rest.find(' ')));
  }
  return names;
}

// An alert on a metric no server exports never fires: renaming a metric
// must rename it in deploy/prometheus/accord-alerts.yaml too. Every
// family appears with TLS, tokens and both servers running.
TEST(MetricsTest, EveryMetricTheAlertRulesReadIsExported) {
  std::ifstream file(ACCORD_ALERT_RULES);
  ASSERT_TRUE(file.good()) << ACCORD_ALERT_RULES;
  std::stringstream rules_text;
  rules_text << file.rdbuf();
  const std::string rules = rules_text.str();
  std::set<std::string> read_by_rules;
  const std::regex metric_name(R"(\b(?:accord|process)_[a-z0-9_]+)");
  for (auto it = std::sregex_iterator(rules.begin(), rules.end(), metric_name);
       it != std::sregex_iterator(); ++it) {
    read_by_rules.insert(it->str());
  }
  // The rules' own metrics, in their expressions and descriptions.
  ASSERT_GE(read_by_rules.size(), 15u) << rules;

  testing::TempDir dir;
  absl::StatusOr<testing::TestPki> pki = testing::MakeTestPki(dir.path());
  ASSERT_TRUE(pki.ok()) << pki.status();
  const std::string tokens = dir.Sub("tokens");
  std::ofstream(tokens) << "admin alert-rules-test-0123456789abcdef ops\n";
  absl::StatusOr<MetricsServers> servers = StartWithMetrics(
      dir,
      {"--tls_cert_file=" + pki->server_cert,
       "--tls_key_file=" + pki->server_key, "--tokens_file=" + tokens},
      {});
  ASSERT_TRUE(servers.ok()) << servers.status();
  const int ingest_port = servers->ingest_port;
  const int query_port = servers->query_port;
  // Calls are counted by method and code from the first one on.
  auto query_stub = accord::v1::QueryService::NewStub(grpc::CreateChannel(
      servers->query->address(), grpc::InsecureChannelCredentials()));
  {
    grpc::ClientContext context;
    accord::v1::GetDocumentRequest missing;
    missing.set_document_id("0123456789abcdef0123456789abcdef");
    accord::v1::GetDocumentResponse document;
    query_stub->GetDocument(&context, missing, &document);
  }
  std::set<std::string> exported;
  const absl::Time deadline = absl::Now() + testing::Scaled(absl::Seconds(10));
  do {
    exported = Families(testing::HttpGet(ingest_port, "/metrics"));
    for (const std::string& name :
         Families(testing::HttpGet(query_port, "/metrics"))) {
      exported.insert(name);
    }
  } while (!exported.count("accord_query_catch_up_lag_seconds") &&
           absl::Now() < deadline);
  for (const std::string& name : read_by_rules) {
    EXPECT_TRUE(exported.count(name) > 0)
        << name << " is read by " << ACCORD_ALERT_RULES
        << " but no server exports it";
  }
}

}  // namespace
}  // namespace accord::e2e
