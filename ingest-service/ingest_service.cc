#include "ingest-service/ingest_service.h"

#include <memory>

#include "common/rpc/status.h"
#include "common/util/log.h"

namespace accord::ingest {
namespace {

grpc::Status Cancelled() {
  return rpc::ToGrpcStatus(rpc::WithErrorInfo(
      absl::CancelledError("client cancelled; nothing was stored"),
      "CANCELLED_BEFORE_COMMIT"));
}

void LogBundle(const accord::v1::Bundle& bundle) {
  LogInfo(
      "bundle %s submitter=\"%s\" created=%d unchanged=%d rejected=%d "
      "bytes=%d",
      bundle.id(), bundle.submitter(), bundle.counts().created(),
      bundle.counts().unchanged(), bundle.counts().rejected(),
      bundle.total_bytes());
}

}  // namespace

grpc::Status IngestServiceImpl::IngestBundle(
    grpc::ServerContext* context,
    const accord::v1::IngestBundleRequest* request,
    accord::v1::IngestBundleResponse* response) {
  absl::StatusOr<std::unique_ptr<PendingBundle>> bundle = ingester_->NewBundle(
      request->submitter(), request->label(), request->request_id());
  if (!bundle.ok()) return rpc::ToGrpcStatus(bundle.status());
  if (absl::Status added = (*bundle)->AddAll(absl::MakeConstSpan(
          request->documents().data(), request->documents().size()));
      !added.ok()) {
    return rpc::ToGrpcStatus(added);
  }
  if (context->IsCancelled()) return Cancelled();
  absl::StatusOr<accord::v1::Bundle> report = (*bundle)->Commit();
  if (!report.ok()) return rpc::ToGrpcStatus(report.status());
  LogBundle(*report);
  *response->mutable_bundle() = *std::move(report);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::StreamIngest(
    grpc::ServerContext* context,
    grpc::ServerReader<accord::v1::StreamIngestRequest>* reader,
    accord::v1::StreamIngestResponse* response) {
  accord::v1::StreamIngestRequest message;
  std::unique_ptr<PendingBundle> bundle;
  while (reader->Read(&message)) {
    if (bundle == nullptr) {
      absl::StatusOr<std::unique_ptr<PendingBundle>> started =
          ingester_->NewBundle(message.submitter(), message.label(),
                               message.request_id());
      if (!started.ok()) return rpc::ToGrpcStatus(started.status());
      bundle = *std::move(started);
      // Tells the client the stream is accepted before it is finished.
      reader->SendInitialMetadata();
    }
    if (absl::Status added = bundle->AddAll(absl::MakeConstSpan(
            message.documents().data(), message.documents().size()));
        !added.ok()) {
      return rpc::ToGrpcStatus(added);
    }
  }
  if (context->IsCancelled()) return Cancelled();
  if (bundle == nullptr) {
    return rpc::ToGrpcStatus(rpc::WithErrorInfo(
        absl::InvalidArgumentError("stream carried no messages"),
        "EMPTY_BUNDLE"));
  }
  absl::StatusOr<accord::v1::Bundle> report = bundle->Commit();
  if (!report.ok()) return rpc::ToGrpcStatus(report.status());
  LogBundle(*report);
  *response->mutable_bundle() = *std::move(report);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::GetBundle(
    grpc::ServerContext* /*context*/,
    const accord::v1::GetBundleRequest* request,
    accord::v1::GetBundleResponse* response) {
  absl::StatusOr<accord::v1::Bundle> bundle =
      ingester_->GetBundle(request->bundle_id());
  if (!bundle.ok()) return rpc::ToGrpcStatus(bundle.status());
  *response->mutable_bundle() = *std::move(bundle);
  return grpc::Status::OK;
}

}  // namespace accord::ingest
