#include "common/rpc/request_log.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/rpc/auth.h"
#include "common/util/log.h"
#include "grpcpp/server_context.h"

namespace accord::rpc {
namespace {

using grpc::experimental::InterceptionHookPoints;

std::string CodeName(grpc::StatusCode code) {
  // absl and gRPC share the canonical code numbering.
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

class RequestLogInterceptor final : public grpc::experimental::Interceptor {
 public:
  RequestLogInterceptor(grpc::experimental::ServerRpcInfo* info,
                        std::atomic<int>* in_flight,
                        metrics::ServerMetrics* metrics,
                        DataLossLatch* data_loss)
      : info_(info),
        in_flight_(in_flight),
        metrics_(metrics),
        data_loss_(data_loss),
        start_(absl::Now()) {
    if (in_flight_) in_flight_->fetch_add(1);
  }
  ~RequestLogInterceptor() override {
    if (in_flight_) in_flight_->fetch_sub(1);
  }

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_MESSAGE)) {
      ++messages_in_;
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      grpc::Status status = methods->GetSendStatus();
      const absl::Duration latency = absl::Now() - start_;
      const double ms = absl::ToDoubleMilliseconds(latency);
      if (metrics_ != nullptr) {
        metrics_->RecordRpc(info_->method(), CodeName(status.error_code()),
                            latency);
      }
      if (data_loss_ != nullptr &&
          status.error_code() == grpc::StatusCode::DATA_LOSS) {
        data_loss_->Record(info_->method(), status.error_message());
      }
      std::string peer =
          info_->server_context() ? info_->server_context()->peer() : "";
      // The token's client (auth.h), when tokens are on.
      if (info_->server_context() != nullptr) {
        std::shared_ptr<const grpc::AuthContext> auth =
            info_->server_context()->auth_context();
        if (auth != nullptr) {
          for (const grpc::string_ref& client :
               auth->FindPropertyValues(kClientProperty)) {
            absl::StrAppend(&peer, " client=",
                            absl::string_view(client.data(), client.size()));
          }
        }
      }
      if (status.ok()) {
        LogInfo("rpc %s peer=%s code=OK msgs_in=%d latency_ms=%.3f",
                info_->method(), peer, messages_in_, ms);
      } else {
        LogInfo(
            "rpc %s peer=%s code=%s msgs_in=%d latency_ms=%.3f error=\"%s\"",
            info_->method(), peer, CodeName(status.error_code()), messages_in_,
            ms, status.error_message());
      }
    }
    methods->Proceed();
  }

 private:
  grpc::experimental::ServerRpcInfo* const info_;
  std::atomic<int>* const in_flight_;
  metrics::ServerMetrics* const metrics_;
  DataLossLatch* const data_loss_;
  const absl::Time start_;
  int messages_in_ = 0;
};

class Factory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  Factory(std::atomic<int>* in_flight, metrics::ServerMetrics* metrics,
          DataLossLatch* data_loss)
      : in_flight_(in_flight), metrics_(metrics), data_loss_(data_loss) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RequestLogInterceptor(info, in_flight_, metrics_, data_loss_);
  }

 private:
  std::atomic<int>* const in_flight_;
  metrics::ServerMetrics* const metrics_;
  DataLossLatch* const data_loss_;
};

}  // namespace

void DataLossLatch::Record(absl::string_view method,
                           absl::string_view message) {
  absl::MutexLock lock(&mu_);
  if (first_.empty()) first_ = absl::StrCat(method, ": ", message);
}

std::string DataLossLatch::first() const {
  absl::MutexLock lock(&mu_);
  return first_;
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewRequestLogInterceptorFactory(std::atomic<int>* in_flight,
                                metrics::ServerMetrics* metrics,
                                DataLossLatch* data_loss) {
  return std::make_unique<Factory>(in_flight, metrics, data_loss);
}

}  // namespace accord::rpc
