// accordctl health: grpc.health.v1 on both servers, then the
// query-service's store status.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "accord/v1/query_service.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "tools/accordctl/client.h"
#include "tools/accordctl/commands.h"
#include "tools/accordctl/health_report.h"
#include "tools/accordctl/report_printer.h"

namespace accord::ctl {
namespace {

std::string Describe(const grpc::Status& status) {
  return FormatRpcError(status.error_code(), status.error_message(),
                        status.error_details());
}

// The health of the whole server (service ""), as grpc_health_probe asks.
ServerHealth CheckServer(const CtlOptions& options, std::string name,
                         const std::string& address) {
  ServerHealth health;
  health.name = std::move(name);
  health.address = address;
  auto stub = grpc::health::v1::Health::NewStub(Connect(options, address));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (status.ok()) {
    health.status = response.status();
  } else {
    health.error = Describe(status);
  }
  return health;
}

}  // namespace

int RunHealth(const CtlOptions& options) {
  HealthReport report;
  report.has_ingest = options.health_only != "query";
  report.has_query = options.health_only != "ingest";
  if (report.has_ingest) {
    report.ingest = CheckServer(options, "ingest-service", options.ingest_addr);
  }
  if (report.has_query) {
    report.query = CheckServer(options, "query-service", options.query_addr);
    auto stub =
        accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
    grpc::ClientContext context;
    SetUpCall(options, &context);
    accord::v1::GetStoreStatusResponse store;
    grpc::Status status = stub->GetStoreStatus(
        &context, accord::v1::GetStoreStatusRequest(), &store);
    if (status.ok()) {
      report.store = std::move(store);
    } else {
      report.store_error_code = status.error_code();
      report.store_error = Describe(status);
    }
  }

  std::cout << (options.json ? FormatHealthJson(report) + "\n"
                             : FormatHealth(report));
  return AllServing(report) ? kExitOk : kExitError;
}

}  // namespace accord::ctl
