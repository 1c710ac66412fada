#include "common/rpc/call.h"

#include <chrono>

#include "absl/time/time.h"

namespace accord::rpc {

CallDeadline DeadlineOf(const grpc::ServerContextBase& context) {
  const std::chrono::system_clock::time_point deadline = context.deadline();
  return CallDeadline(deadline == std::chrono::system_clock::time_point::max()
                          ? absl::InfiniteFuture()
                          : absl::FromChrono(deadline),
                      [&context] { return context.IsCancelled(); });
}

}  // namespace accord::rpc
