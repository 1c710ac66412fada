#include "tools/accordctl/health_report.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "grpcpp/support/status.h"
#include "tools/accordctl/report_printer.h"

namespace accord::ctl {
namespace {

using grpc::health::v1::HealthCheckResponse;

std::string StatusName(const ServerHealth& server) {
  return HealthCheckResponse::ServingStatus_Name(server.status);
}

// "83ms", "1.5s", "30s".
std::string Show(const google::protobuf::Duration& duration) {
  absl::Duration d =
      absl::Seconds(duration.seconds()) + absl::Nanoseconds(duration.nanos());
  return absl::FormatDuration(absl::Trunc(d, absl::Milliseconds(1)));
}

void AppendServer(const ServerHealth& server, std::string* out) {
  absl::StrAppendFormat(out, "%-15s %s  %s", server.name, server.address,
                        StatusName(server));
  if (!server.error.empty()) absl::StrAppend(out, " (", server.error, ")");
  absl::StrAppend(out, "\n");
}

void AppendStore(const HealthReport& report, std::string* out) {
  if (!report.store.has_value()) {
    if (report.store_error_code == grpc::StatusCode::UNIMPLEMENTED) {
      absl::StrAppend(out,
                      "store status:   not available (this query-service "
                      "does not answer GetStoreStatus)\n");
    } else {
      absl::StrAppend(out, "store status:   not available (",
                      report.store_error, ")\n");
    }
    return;
  }
  const accord::v1::GetStoreStatusResponse& store = *report.store;
  if (!store.store_open()) {
    absl::StrAppend(out,
                    "store:          not open (the ingest-service has not "
                    "created it yet)\n");
  } else {
    absl::StrAppendFormat(out, "store:          open, %d documents\n",
                          store.document_count());
  }
  if (store.has_caught_up_time()) {
    absl::StrAppend(out, "catch-up lag:   ", Show(store.catch_up_lag()),
                    " (catches up every ", Show(store.catch_up_interval()));
    if (store.has_max_catch_up_lag()) {
      absl::StrAppend(out, "; NOT_SERVING beyond ",
                      Show(store.max_catch_up_lag()));
    }
    absl::StrAppend(
        out, ")\ncaught up:      ",
        google::protobuf::util::TimeUtil::ToString(store.caught_up_time()),
        "\n");
  } else {
    absl::StrAppend(out, "caught up:      never\n");
  }
  if (!store.last_error().empty()) {
    absl::StrAppend(out, "last error:     ", store.last_error(), "\n");
  }
}

google::protobuf::Value ServerJson(const ServerHealth& server) {
  google::protobuf::Value value;
  auto& fields = *value.mutable_struct_value()->mutable_fields();
  fields["name"].set_string_value(server.name);
  fields["address"].set_string_value(server.address);
  fields["status"].set_string_value(StatusName(server));
  if (!server.error.empty()) fields["error"].set_string_value(server.error);
  return value;
}

}  // namespace

bool AllServing(const HealthReport& report) {
  return (!report.has_ingest ||
          report.ingest.status == HealthCheckResponse::SERVING) &&
         (!report.has_query ||
          report.query.status == HealthCheckResponse::SERVING);
}

std::string FormatHealth(const HealthReport& report) {
  std::string out;
  if (report.has_ingest) AppendServer(report.ingest, &out);
  if (report.has_query) {
    AppendServer(report.query, &out);
    AppendStore(report, &out);
  }
  return out;
}

std::string FormatHealthJson(const HealthReport& report) {
  google::protobuf::Struct json;
  auto& fields = *json.mutable_fields();
  fields["serving"].set_bool_value(AllServing(report));
  if (report.has_ingest) fields["ingest"] = ServerJson(report.ingest);
  if (!report.has_query) return FormatJson(json);
  fields["query"] = ServerJson(report.query);
  if (report.store.has_value()) {
    // Through JSON, so the status keeps its proto3 JSON form (durations
    // as "0.083s", timestamps in RFC 3339) and shows zero counts.
    std::string text;
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    options.always_print_primitive_fields = true;
    google::protobuf::util::MessageToJsonString(*report.store, &text, options);
    google::protobuf::util::JsonStringToMessage(text, &fields["store_status"]);
  } else {
    fields["store_status_error"].set_string_value(report.store_error);
  }
  return FormatJson(json);
}

}  // namespace accord::ctl
