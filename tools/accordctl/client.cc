#include "tools/accordctl/client.h"

#include <iostream>

#include "absl/time/clock.h"
#include "tools/accordctl/commands.h"
#include "tools/accordctl/report_printer.h"

namespace accord::ctl {

std::shared_ptr<grpc::Channel> Connect(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

void SetDeadline(const CtlOptions& options, grpc::ClientContext* context) {
  context->set_deadline(absl::ToChronoTime(absl::Now() + options.timeout));
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
