#include "tools/accordctl/client.h"

#include <iostream>

#include "absl/time/clock.h"
#include "tools/accordctl/commands.h"
#include "tools/accordctl/report_printer.h"

namespace accord::ctl {

std::shared_ptr<grpc::Channel> Connect(const CtlOptions& options,
                                       const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  if (options.credentials == nullptr) {
    return grpc::CreateCustomChannel(address,
                                     grpc::InsecureChannelCredentials(), args);
  }
  options.credentials->AddChannelArguments(&args);
  return grpc::CreateCustomChannel(
      address, options.credentials->channel_credentials(), args);
}

void SetUpCall(const CtlOptions& options, grpc::ClientContext* context) {
  AddToken(options, context);
  context->set_deadline(absl::ToChronoTime(absl::Now() + options.timeout));
}

void AddToken(const CtlOptions& options, grpc::ClientContext* context) {
  if (options.credentials != nullptr) options.credentials->Apply(context);
}

int FailRpc(const grpc::Status& status) {
  return Fail(FormatRpcError(status.error_code(), status.error_message(),
                             status.error_details()));
}

int Fail(absl::string_view message) {
  std::cerr << "accordctl: " << message << "\n";
  return kExitError;
}

}  // namespace accord::ctl
