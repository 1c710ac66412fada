// The accord.v1.IngestService gRPC adapter: validates calls, drives the
// Ingester, converts statuses. No ingest logic lives here.
#ifndef ACCORD_INGEST_SERVICE_INGEST_SERVICE_H_
#define ACCORD_INGEST_SERVICE_INGEST_SERVICE_H_

#include "accord/v1/ingest_service.grpc.pb.h"
#include "ingest-service/ingester.h"

namespace accord::ingest {

class IngestServiceImpl final : public accord::v1::IngestService::Service {
 public:
  // `ingester` must outlive the service.
  explicit IngestServiceImpl(const Ingester* ingester) : ingester_(ingester) {}

  grpc::Status IngestBundle(
      grpc::ServerContext* context,
      const accord::v1::IngestBundleRequest* request,
      accord::v1::IngestBundleResponse* response) override;
  grpc::Status StreamIngest(
      grpc::ServerContext* context,
      grpc::ServerReader<accord::v1::StreamIngestRequest>* reader,
      accord::v1::StreamIngestResponse* response) override;
  grpc::Status GetBundle(grpc::ServerContext* context,
                         const accord::v1::GetBundleRequest* request,
                         accord::v1::GetBundleResponse* response) override;

 private:
  const Ingester* const ingester_;
};

}  // namespace accord::ingest

#endif  // ACCORD_INGEST_SERVICE_INGEST_SERVICE_H_
