// The accord.v1.IngestService gRPC adapter: validates calls, drives the
// Ingester, converts statuses. No ingest logic lives here.
#ifndef ACCORD_INGEST_SERVICE_INGEST_SERVICE_H_
#define ACCORD_INGEST_SERVICE_INGEST_SERVICE_H_

#include "absl/time/time.h"
#include "accord/v1/ingest_service.grpc.pb.h"
#include "common/metrics/server_metrics.h"
#include "ingest-service/idle_watchdog.h"
#include "ingest-service/ingester.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"

namespace accord::ingest {

struct IngestServiceOptions {
  // A StreamIngest call whose client sends nothing for this long is ended
  // (DEADLINE_EXCEEDED; nothing of its bundle is stored), giving back the
  // thread and the bundle memory it held. Zero: no limit.
  absl::Duration stream_idle_timeout = absl::Minutes(5);
};

class IngestServiceImpl final : public accord::v1::IngestService::Service {
 public:
  // `ingester` must outlive the service. With `metrics`, every stored
  // bundle is counted: accord_ingest_bundles_total,
  // accord_ingest_documents_total{outcome}, accord_ingest_rejections_total
  // {reason}, accord_ingest_content_bytes_total, and streams ended for
  // their client's silence: accord_ingest_streams_idle_ended_total.
  explicit IngestServiceImpl(const Ingester* ingester,
                             metrics::ServerMetrics* metrics = nullptr,
                             IngestServiceOptions options = {});

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
  // Counts a stored bundle's documents in the metrics, and logs it.
  void Report(const accord::v1::Bundle& bundle);

  const Ingester* const ingester_;
  IdleWatchdog idle_watchdog_;
  prometheus::Counter* streams_idle_ended_ = nullptr;
  prometheus::Family<prometheus::Counter>* bundles_ = nullptr;
  prometheus::Family<prometheus::Counter>* documents_ = nullptr;
  prometheus::Family<prometheus::Counter>* rejections_ = nullptr;
  prometheus::Family<prometheus::Counter>* content_bytes_ = nullptr;
};

}  // namespace accord::ingest

#endif  // ACCORD_INGEST_SERVICE_INGEST_SERVICE_H_
