// One log line per RPC: method, peer, status code, latency, and sizes.
//
// Installed as a gRPC server interceptor so that every service, reflection
// and health included, is logged the same way without code in handlers.
#ifndef ACCORD_COMMON_RPC_REQUEST_LOG_H_
#define ACCORD_COMMON_RPC_REQUEST_LOG_H_

#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace accord::rpc {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewRequestLogInterceptorFactory();

}  // namespace accord::rpc

#endif  // ACCORD_COMMON_RPC_REQUEST_LOG_H_
