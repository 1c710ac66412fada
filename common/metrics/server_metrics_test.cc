#include "common/metrics/server_metrics.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/testing/http_get.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::metrics {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

using accord::testing::HttpGet;

TEST(ServerMetricsTest, CountsRpcsByMethodAndCode) {
  ServerMetrics metrics;
  metrics.RecordRpc("/accord.v1.QueryService/GetDocument", "OK",
                    absl::Milliseconds(3));
  metrics.RecordRpc("/accord.v1.QueryService/GetDocument", "OK",
                    absl::Milliseconds(700));
  metrics.RecordRpc("/accord.v1.QueryService/GetDocument", "NOT_FOUND",
                    absl::Milliseconds(1));
  const std::string text = metrics.Render();
  EXPECT_THAT(text, HasSubstr("accord_rpc_requests_total{code=\"OK\",method="
                              "\"/accord.v1.QueryService/GetDocument\"} 2"));
  EXPECT_THAT(text,
              HasSubstr("accord_rpc_requests_total{code=\"NOT_FOUND\",method="
                        "\"/accord.v1.QueryService/GetDocument\"} 1"));
  // 3 ms and 1 ms are under 5 ms; 700 ms is not.
  EXPECT_THAT(text, HasSubstr("accord_rpc_duration_seconds_bucket{method=\"/"
                              "accord.v1.QueryService/GetDocument\",le="
                              "\"0.005\"} 2"));
  EXPECT_THAT(text, HasSubstr("accord_rpc_duration_seconds_count{method=\"/"
                              "accord.v1.QueryService/GetDocument\"} 3"));
}

TEST(ServerMetricsTest, ReadsGaugesAndTheProcessAtEachScrape) {
  ServerMetrics metrics;
  double lag = 0.25;
  metrics.AddGauge("accord_test_lag_seconds", "a lag", [&] { return lag; });
  metrics.AddGaugeGroup("accord_test_store_", [] {
    return std::vector<NamedValue>{{"sst_bytes", "table bytes", 4096},
                                   {"documents", "documents", 7}};
  });
  EXPECT_THAT(metrics.Render(), HasSubstr("accord_test_lag_seconds 0.25"));
  lag = 3;
  const std::string text = metrics.Render();
  EXPECT_THAT(text, HasSubstr("accord_test_lag_seconds 3\n"));
  EXPECT_THAT(text,
              HasSubstr("# HELP accord_test_store_sst_bytes table bytes"));
  EXPECT_THAT(text, HasSubstr("accord_test_store_sst_bytes 4096"));
  EXPECT_THAT(text, HasSubstr("accord_test_store_documents 7"));
  // This process: some memory, some threads, some CPU.
  EXPECT_THAT(text, ContainsRegex("process_resident_memory_bytes [1-9]"));
  EXPECT_THAT(text, ContainsRegex("process_threads [1-9]"));
  EXPECT_THAT(text, HasSubstr("process_cpu_seconds_total "));
  // glibc's heap figures, unless a sanitizer's allocator replaced it.
  if (text.find("accord_malloc_in_use_bytes") != std::string::npos) {
    EXPECT_THAT(text, ContainsRegex("accord_malloc_in_use_bytes [1-9]"));
  }
}

TEST(ServerMetricsTest, ServesTheTextOverHttp) {
  ServerMetrics metrics;
  metrics.AddGauge("accord_test_answer", "the answer", [] { return 42.0; });
  metrics.RecordRpc("/x.Y/Z", "OK", absl::Milliseconds(1));
  absl::StatusOr<int> port = metrics.Serve("127.0.0.1:0");
  ASSERT_TRUE(port.ok()) << port.status();
  ASSERT_GT(*port, 0);
  const std::string reply = HttpGet(*port, "/metrics");
  EXPECT_THAT(reply, HasSubstr("200 OK"));
  EXPECT_THAT(reply, HasSubstr("accord_test_answer 42"));
  EXPECT_THAT(reply, HasSubstr("accord_rpc_requests_total{code=\"OK\""));
  EXPECT_THAT(HttpGet(*port, "/other"), Not(HasSubstr("accord_test_answer")));
  // A second Serve, and a port already taken, are refused.
  EXPECT_EQ(metrics.Serve("127.0.0.1:0").status().code(),
            absl::StatusCode::kFailedPrecondition);
  ServerMetrics other;
  absl::StatusOr<int> taken = other.Serve(absl::StrCat("127.0.0.1:", *port));
  EXPECT_EQ(taken.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace accord::metrics
