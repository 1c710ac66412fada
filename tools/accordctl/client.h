// What every accordctl command does around its RPCs: connect, set the
// deadline, report a failed call.
#ifndef ACCORD_TOOLS_ACCORDCTL_CLIENT_H_
#define ACCORD_TOOLS_ACCORDCTL_CLIENT_H_

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "grpcpp/grpcpp.h"
#include "tools/accordctl/ctl_options.h"

namespace accord::ctl {

// A channel to `address` with options.credentials (plaintext without)
// that takes messages up to 256 MiB.
std::shared_ptr<grpc::Channel> Connect(const CtlOptions& options,
                                       const std::string& address);

// Adds the bearer token, if any, and sets the deadline options.timeout
// from now.
void SetUpCall(const CtlOptions& options, grpc::ClientContext* context);
// Adds the bearer token only (a watch without --timeout).
void AddToken(const CtlOptions& options, grpc::ClientContext* context);

// Prints "accordctl: CODE: message [REASON]" on stderr; returns kExitError.
int FailRpc(const grpc::Status& status);

// Prints "accordctl: `message`" on stderr; returns kExitError.
int Fail(absl::string_view message);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_CLIENT_H_
