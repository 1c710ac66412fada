// What a server handler hands the libraries it calls about its gRPC call.
#ifndef ACCORD_COMMON_RPC_CALL_H_
#define ACCORD_COMMON_RPC_CALL_H_

#include "common/util/call_deadline.h"
#include "grpcpp/server_context.h"

namespace accord::rpc {

// The call's deadline (none when the client set none) and its
// cancellation. `context` must outlive the returned value's use.
CallDeadline DeadlineOf(const grpc::ServerContextBase& context);

}  // namespace accord::rpc

#endif  // ACCORD_COMMON_RPC_CALL_H_
