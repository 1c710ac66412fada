// What `accordctl health` found: the grpc.health.v1 status of both
// servers and the query-service's store status (GetStoreStatus).
//
//   HealthReport report;  // filled by RunHealth (commands.h)
//   std::cout << FormatHealth(report);
//   return AllServing(report) ? 0 : 1;
//
// Health says whether a server can serve; the store status says how far
// behind the ingest-service's acknowledged writes the query-service's
// reads may be (catch_up_lag). A query-service without GetStoreStatus
// (UNIMPLEMENTED) is still healthy: the report says the status is not
// available.
#ifndef ACCORD_TOOLS_ACCORDCTL_HEALTH_REPORT_H_
#define ACCORD_TOOLS_ACCORDCTL_HEALTH_REPORT_H_

#include <optional>
#include <string>

#include "accord/v1/query_service.pb.h"
#include "grpc/health/v1/health.pb.h"

namespace accord::ctl {

struct ServerHealth {
  // "ingest-service" or "query-service".
  std::string name;
  std::string address;
  // The server's answer; UNKNOWN when the call failed.
  grpc::health::v1::HealthCheckResponse::ServingStatus status =
      grpc::health::v1::HealthCheckResponse::UNKNOWN;
  // Why the call failed ("UNAVAILABLE: failed to connect ..."); empty when
  // the server answered.
  std::string error;
};

struct HealthReport {
  // Which servers were asked (health --only): the others are left out of
  // the report and of AllServing.
  bool has_ingest = true;
  bool has_query = true;
  ServerHealth ingest;
  ServerHealth query;
  // The query-service's GetStoreStatus reply, when it gave one.
  std::optional<accord::v1::GetStoreStatusResponse> store;
  // Set when GetStoreStatus failed: the gRPC code...
  int store_error_code = 0;
  // ...and a readable "CODE: message".
  std::string store_error;
};

// Whether the servers asked said SERVING (the exit status of `health`).
bool AllServing(const HealthReport& report);

// One line per server, then the store status or why it is not available:
//
//   ingest-service  127.0.0.1:50051  SERVING
//   query-service   127.0.0.1:50052  SERVING
//   store:          open, 5 documents
//   catch-up lag:   83ms (catches up every 100ms; NOT_SERVING beyond 30s)
//   caught up:      2025-01-01T12:00:00.120Z
std::string FormatHealth(const HealthReport& report);

// The same as one JSON object: {"serving": true, "ingest": {...}, "query":
// {...}, "store_status": {...GetStoreStatusResponse...}} with
// "store_status_error" in place of "store_status" when it failed.
std::string FormatHealthJson(const HealthReport& report);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_HEALTH_REPORT_H_
