#include "ingest-service/ingest_service.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "common/rpc/call.h"
#include "common/rpc/status.h"
#include "common/util/log.h"
#include "grpc/grpc.h"

namespace accord::ingest {
namespace {

// Commits only while the caller still waits for the answer.
absl::Status CheckBeforeCommit(const CallDeadline& deadline) {
  absl::Status go_on = deadline.Check("ingest");
  if (go_on.ok()) return go_on;
  return rpc::WithErrorInfo(
      absl::Status(go_on.code(),
                   absl::StrCat(go_on.message(), "; nothing was stored")),
      "CANCELLED_BEFORE_COMMIT");
}

}  // namespace

IngestServiceImpl::IngestServiceImpl(const Ingester* ingester,
                                     metrics::ServerMetrics* metrics,
                                     IngestServiceOptions options)
    : ingester_(ingester), idle_watchdog_(options.stream_idle_timeout) {
  if (metrics == nullptr) return;
  prometheus::Registry& registry = metrics->registry();
  streams_idle_ended_ =
      &prometheus::BuildCounter()
           .Name("accord_ingest_streams_idle_ended_total")
           .Help(
               "StreamIngest calls ended because their client sent nothing "
               "for the server's --stream_idle_timeout.")
           .Register(registry)
           .Add({});
  bundles_ = &prometheus::BuildCounter()
                  .Name("accord_ingest_bundles_total")
                  .Help("Bundles stored.")
                  .Register(registry);
  documents_ = &prometheus::BuildCounter()
                    .Name("accord_ingest_documents_total")
                    .Help(
                        "Documents of stored bundles by outcome (created, "
                        "unchanged, rejected).")
                    .Register(registry);
  rejections_ = &prometheus::BuildCounter()
                     .Name("accord_ingest_rejections_total")
                     .Help("Rejected documents by reason.")
                     .Register(registry);
  content_bytes_ = &prometheus::BuildCounter()
                        .Name("accord_ingest_content_bytes_total")
                        .Help(
                            "Content bytes of stored bundles, rejected "
                            "documents included.")
                        .Register(registry);
}

void IngestServiceImpl::Report(const accord::v1::Bundle& bundle) {
  LogInfo(
      "bundle %s submitter=\"%s\" created=%d unchanged=%d rejected=%d "
      "bytes=%d",
      bundle.id(), bundle.submitter(), bundle.counts().created(),
      bundle.counts().unchanged(), bundle.counts().rejected(),
      bundle.total_bytes());
  if (bundles_ == nullptr) return;
  bundles_->Add({}).Increment();
  content_bytes_->Add({}).Increment(static_cast<double>(bundle.total_bytes()));
  documents_->Add({{"outcome", "created"}})
      .Increment(static_cast<double>(bundle.counts().created()));
  documents_->Add({{"outcome", "unchanged"}})
      .Increment(static_cast<double>(bundle.counts().unchanged()));
  documents_->Add({{"outcome", "rejected"}})
      .Increment(static_cast<double>(bundle.counts().rejected()));
  for (const accord::v1::DocumentResult& result : bundle.results()) {
    if (result.outcome() != accord::v1::DOCUMENT_OUTCOME_REJECTED) continue;
    absl::string_view reason =
        accord::v1::RejectReason_Name(result.reject_reason());
    absl::ConsumePrefix(&reason, "REJECT_REASON_");
    rejections_->Add({{"reason", std::string(reason)}}).Increment();
  }
}

grpc::Status IngestServiceImpl::IngestBundle(
    grpc::ServerContext* context,
    const accord::v1::IngestBundleRequest* request,
    accord::v1::IngestBundleResponse* response) {
  absl::StatusOr<std::unique_ptr<PendingBundle>> bundle = ingester_->NewBundle(
      request->submitter(), request->label(), request->request_id());
  if (!bundle.ok()) return rpc::ToGrpcStatus(bundle.status());
  const CallDeadline deadline = rpc::DeadlineOf(*context);
  if (absl::Status added =
          (*bundle)->AddAll(absl::MakeConstSpan(request->documents().data(),
                                                request->documents().size()),
                            deadline);
      !added.ok()) {
    return rpc::ToGrpcStatus(added);
  }
  if (absl::Status go_on = CheckBeforeCommit(deadline); !go_on.ok()) {
    return rpc::ToGrpcStatus(go_on);
  }
  absl::StatusOr<accord::v1::Bundle> report = (*bundle)->Commit();
  if (!report.ok()) return rpc::ToGrpcStatus(report.status());
  Report(*report);
  *response->mutable_bundle() = *std::move(report);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::StreamIngest(
    grpc::ServerContext* context,
    grpc::ServerReader<accord::v1::StreamIngestRequest>* reader,
    accord::v1::StreamIngestResponse* response) {
  accord::v1::StreamIngestRequest message;
  std::unique_ptr<PendingBundle> bundle;
  const CallDeadline deadline = rpc::DeadlineOf(*context);
  size_t messages = 0;
  const std::string idle_message = absl::StrCat(
      "the client sent nothing for ",
      absl::FormatDuration(idle_watchdog_.limit()),
      " (the server's --stream_idle_timeout); nothing of this bundle was "
      "stored: send it again");
  // Ends the call from the watchdog's thread: Read returns false here, and
  // the client gets this code and message (cancelling from the server
  // carries no error details).
  grpc_call* call = context->c_call();
  std::unique_ptr<IdleWatchdog::Watch> watch =
      idle_watchdog_.Start([call, &idle_message] {
        grpc_call_cancel_with_status(call, GRPC_STATUS_DEADLINE_EXCEEDED,
                                     idle_message.c_str(), nullptr);
      });
  const auto ended_idle = [&] {
    LogWarning("StreamIngest: %s after %d messages", idle_message, messages);
    if (streams_idle_ended_ != nullptr) streams_idle_ended_->Increment();
    return rpc::ToGrpcStatus(rpc::WithErrorInfo(
        absl::DeadlineExceededError(idle_message), "STREAM_IDLE"));
  };
  while (reader->Read(&message)) {
    if (!watch->Working()) return ended_idle();
    ++messages;
    if (bundle == nullptr) {
      absl::StatusOr<std::unique_ptr<PendingBundle>> started =
          ingester_->NewBundle(message.submitter(), message.label(),
                               message.request_id());
      if (!started.ok()) return rpc::ToGrpcStatus(started.status());
      bundle = *std::move(started);
      // Tells the client the stream is accepted before it is finished.
      reader->SendInitialMetadata();
    }
    if (absl::Status added =
            bundle->AddAll(absl::MakeConstSpan(message.documents().data(),
                                               message.documents().size()),
                           deadline);
        !added.ok()) {
      return rpc::ToGrpcStatus(added);
    }
    watch->Waiting();
  }
  // From here on the watch cannot end the call: a stream closed in time is
  // stored however long its commit takes.
  if (!watch->Working()) return ended_idle();
  if (absl::Status go_on = CheckBeforeCommit(deadline); !go_on.ok()) {
    return rpc::ToGrpcStatus(go_on);
  }
  if (bundle == nullptr) {
    return rpc::ToGrpcStatus(rpc::WithErrorInfo(
        absl::InvalidArgumentError("stream carried no messages"),
        "EMPTY_BUNDLE"));
  }
  absl::StatusOr<accord::v1::Bundle> report = bundle->Commit();
  if (!report.ok()) return rpc::ToGrpcStatus(report.status());
  Report(*report);
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
