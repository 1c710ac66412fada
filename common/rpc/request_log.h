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

#include "common/metrics/server_metrics.h"
#include "grpcpp/support/server_interceptor.h"

namespace accord::rpc {

// `in_flight` (may be null) counts calls from their start until they are
// done; `metrics` (may be null) gets every finished call. Both must
// outlive the server.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewRequestLogInterceptorFactory(std::atomic<int>* in_flight,
                                metrics::ServerMetrics* metrics = nullptr);

}  // namespace accord::rpc

#endif  // ACCORD_COMMON_RPC_REQUEST_LOG_H_
