#include "tools/accordctl/health_report.h"

#include "absl/strings/match.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/support/status.h"
#include "gtest/gtest.h"

namespace accord::ctl {
namespace {

using grpc::health::v1::HealthCheckResponse;

HealthReport Serving() {
  HealthReport report;
  report.ingest = {"ingest-service", "127.0.0.1:1",
                   HealthCheckResponse::SERVING, ""};
  report.query = {"query-service", "127.0.0.1:2", HealthCheckResponse::SERVING,
                  ""};
  return report;
}

accord::v1::GetStoreStatusResponse Store() {
  accord::v1::GetStoreStatusResponse store;
  store.set_store_open(true);
  store.set_document_count(5);
  store.mutable_caught_up_time()->set_seconds(1735732800);  // 2025-01-01 12:00
  store.mutable_catch_up_lag()->set_nanos(83'400'000);
  store.mutable_catch_up_interval()->set_nanos(100'000'000);
  store.mutable_max_catch_up_lag()->set_seconds(30);
  return store;
}

TEST(HealthReportTest, ServingWithStoreStatus) {
  HealthReport report = Serving();
  report.store = Store();
  EXPECT_TRUE(AllServing(report));
  EXPECT_EQ(FormatHealth(report),
            "ingest-service  127.0.0.1:1  SERVING\n"
            "query-service   127.0.0.1:2  SERVING\n"
            "store:          open, 5 documents\n"
            "catch-up lag:   83ms (catches up every 100ms; NOT_SERVING beyond "
            "30s)\n"
            "caught up:      2025-01-01T12:00:00Z\n");
}

TEST(HealthReportTest, OneServerOnlyIgnoresTheOther) {
  HealthReport report = Serving();
  report.has_query = false;
  report.query.status = HealthCheckResponse::NOT_SERVING;
  EXPECT_TRUE(AllServing(report));
  EXPECT_EQ(FormatHealth(report), "ingest-service  127.0.0.1:1  SERVING\n");
  EXPECT_FALSE(absl::StrContains(FormatHealthJson(report), "query"));
  report.has_ingest = false;
  report.has_query = true;
  EXPECT_FALSE(AllServing(report));
}

TEST(HealthReportTest, StoreNotOpenAndLastError) {
  HealthReport report = Serving();
  report.query.status = HealthCheckResponse::NOT_SERVING;
  accord::v1::GetStoreStatusResponse store;
  store.set_last_error("NOT_FOUND: no store at /data");
  report.store = store;
  EXPECT_FALSE(AllServing(report));
  std::string out = FormatHealth(report);
  EXPECT_TRUE(
      absl::StrContains(out, "query-service   127.0.0.1:2  NOT_SERVING"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "store:          not open")) << out;
  EXPECT_TRUE(absl::StrContains(out, "caught up:      never")) << out;
  EXPECT_TRUE(
      absl::StrContains(out, "last error:     NOT_FOUND: no store at /data"))
      << out;
}

TEST(HealthReportTest, UnimplementedStoreStatusIsNotAvailableButHealthy) {
  HealthReport report = Serving();
  report.store_error_code = grpc::StatusCode::UNIMPLEMENTED;
  report.store_error = "UNIMPLEMENTED: ";
  EXPECT_TRUE(AllServing(report));
  EXPECT_TRUE(absl::StrContains(FormatHealth(report),
                                "store status:   not available (this "
                                "query-service does not answer "
                                "GetStoreStatus)\n"));
}

TEST(HealthReportTest, UnreachableServerSaysWhy) {
  HealthReport report = Serving();
  report.ingest.status = HealthCheckResponse::UNKNOWN;
  report.ingest.error = "UNAVAILABLE: failed to connect";
  report.store_error_code = grpc::StatusCode::UNAVAILABLE;
  report.store_error = "UNAVAILABLE: failed to connect";
  EXPECT_FALSE(AllServing(report));
  std::string out = FormatHealth(report);
  EXPECT_TRUE(absl::StrContains(
      out,
      "ingest-service  127.0.0.1:1  UNKNOWN (UNAVAILABLE: failed to connect)"))
      << out;
  EXPECT_TRUE(absl::StrContains(
      out, "store status:   not available (UNAVAILABLE: failed to connect)"))
      << out;
}

TEST(HealthReportTest, JsonHasBothServersAndTheStoreStatus) {
  HealthReport report = Serving();
  report.store = Store();
  google::protobuf::Struct json;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  FormatHealthJson(report), &json)
                  .ok());
  const auto& fields = json.fields();
  EXPECT_TRUE(fields.at("serving").bool_value());
  EXPECT_EQ(
      fields.at("ingest").struct_value().fields().at("status").string_value(),
      "SERVING");
  EXPECT_EQ(
      fields.at("query").struct_value().fields().at("address").string_value(),
      "127.0.0.1:2");
  const auto& store = fields.at("store_status").struct_value().fields();
  EXPECT_EQ(store.at("catch_up_lag").string_value(), "0.083400s");
  EXPECT_EQ(store.at("document_count").string_value(), "5");  // uint64: string
  EXPECT_EQ(store.at("last_error").string_value(), "");
  EXPECT_EQ(fields.count("store_status_error"), 0u);

  report.store.reset();
  report.store_error = "UNIMPLEMENTED: ";
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  FormatHealthJson(report), &json)
                  .ok());
  EXPECT_EQ(json.fields().at("store_status_error").string_value(),
            "UNIMPLEMENTED: ");
  EXPECT_EQ(json.fields().count("store_status"), 0u);
}

}  // namespace
}  // namespace accord::ctl
