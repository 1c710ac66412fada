// One log line per RPC: method, peer, status code, latency, and messages.
//
// Installed as a gRPC server interceptor so that every service, reflection
// and health included, is logged the same way without code in handlers.
// It also counts the calls in flight, which graceful shutdown drains, and
// records each call's method, code and latency in the server's metrics.
#ifndef ACCORD_COMMON_RPC_REQUEST_LOG_H_
#define ACCORD_COMMON_RPC_REQUEST_LOG_H_

#include <atomic>
#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "common/metrics/server_metrics.h"
#include "grpcpp/support/server_interceptor.h"

namespace accord::rpc {

// Remembers the first call that ended DATA_LOSS: a read or write found the
// store damaged, and a damaged store does not heal while it is open, so
// the server's health stays NOT_SERVING from then on. Thread-safe.
class DataLossLatch {
 public:
  void Record(absl::string_view method, absl::string_view message);
  // "METHOD: message" of the first such call, or "" if none.
  std::string first() const;

 private:
  mutable absl::Mutex mu_;
  std::string first_ ABSL_GUARDED_BY(mu_);
};

// `in_flight` (may be null) counts calls from their start until they are
// done; `metrics` (may be null) gets every finished call; `data_loss` (may
// be null) every call that ended DATA_LOSS. All must outlive the server.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewRequestLogInterceptorFactory(std::atomic<int>* in_flight,
                                metrics::ServerMetrics* metrics = nullptr,
                                DataLossLatch* data_loss = nullptr);

}  // namespace accord::rpc

#endif  // ACCORD_COMMON_RPC_REQUEST_LOG_H_
