// accordctl ingest: files and folders to one bundle, with progress.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "accord/v1/ingest_service.grpc.pb.h"
#include "tools/accordctl/client.h"
#include "tools/accordctl/commands.h"
#include "tools/accordctl/file_walker.h"
#include "tools/accordctl/progress.h"
#include "tools/accordctl/report_printer.h"

namespace accord::ctl {
namespace {

bool ReadFile(const std::string& path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  content->assign(std::istreambuf_iterator<char>(in),
                  std::istreambuf_iterator<char>());
  return !in.bad();
}

// Sets each file's content type from --content_type and --charset.
absl::Status ApplyContentTypes(const CtlOptions& options,
                               std::vector<InputFile>* files) {
  std::map<std::string, std::string> resolved;  // guess -> content type
  for (InputFile& file : *files) {
    auto [it, inserted] = resolved.try_emplace(file.content_type);
    if (inserted) {
      absl::StatusOr<std::string> type = ResolveContentType(
          file.content_type, options.content_type, options.charset);
      if (!type.ok()) return type.status();
      it->second = *std::move(type);
    }
    file.content_type = it->second;
  }
  return absl::OkStatus();
}

void FillInput(const InputFile& file, std::string content,
               accord::v1::DocumentInput* input) {
  input->set_content(std::move(content));
  input->set_content_type(file.content_type);
  input->mutable_metadata()->set_client_ref(file.path);
}

template <typename Request>
void SetBundleFields(const CtlOptions& options, Request* request) {
  request->set_submitter(options.submitter);
  request->set_label(options.label);
  request->set_request_id(options.request_id);
}

int PrintReport(const CtlOptions& options, const accord::v1::Bundle& bundle) {
  if (options.json) {
    std::cout << FormatJson(bundle) << "\n";
  } else {
    std::cout << FormatBundle(bundle, options.quiet
                                          ? BundleDetail::kRejectionsOnly
                                          : BundleDetail::kEveryDocument);
  }
  return bundle.counts().rejected() > 0 ? kExitRejected : kExitOk;
}

}  // namespace

int RunIngest(const CtlOptions& options,
              const std::vector<std::string>& paths) {
  absl::StatusOr<std::vector<InputFile>> files = ExpandPaths(paths);
  if (!files.ok()) return Fail(files.status().message());
  if (files->empty()) return Fail("no files to ingest");
  if (absl::Status typed = ApplyContentTypes(options, &*files); !typed.ok()) {
    return Fail(typed.message());
  }
  uint64_t total = 0;
  for (const InputFile& file : *files) total += file.size_bytes;

  const bool terminal = isatty(STDERR_FILENO);
  ProgressMeter progress(ShowProgress(options.progress, terminal, options.quiet)
                             ? StderrSink()
                             : nullptr,
                         terminal);
  const std::string server =
      absl::StrCat("ingest-service at ", options.ingest_addr);
  auto stub =
      accord::v1::IngestService::NewStub(Connect(options, options.ingest_addr));
  const bool unary =
      total <= static_cast<uint64_t>(options.stream_threshold_bytes);

  // A bundle small enough for one message is read once, and sent again as
  // it is; a streamed one is read again from its files.
  accord::v1::IngestBundleRequest request;
  if (unary) {
    SetBundleFields(options, &request);
    uint64_t read = 0;
    size_t done = 0;
    for (const InputFile& file : *files) {
      std::string content;
      if (!ReadFile(file.path, &content)) {
        progress.Finish();
        return Fail(absl::StrCat("cannot read ", file.path));
      }
      read += content.size();
      FillInput(file, std::move(content), request.add_documents());
      progress.Files("reading", ++done, files->size(), read, total);
    }
  }

  // One attempt; a file that cannot be read is an error of its own.
  auto send = [&](accord::v1::Bundle* bundle) -> absl::StatusOr<grpc::Status> {
    grpc::ClientContext context;
    SetUpCall(options, &context);
    if (unary) {
      progress.Waiting(server);
      accord::v1::IngestBundleResponse response;
      grpc::Status status = stub->IngestBundle(&context, request, &response);
      *bundle = std::move(*response.mutable_bundle());
      return status;
    }
    accord::v1::StreamIngestResponse response;
    std::unique_ptr<grpc::ClientWriter<accord::v1::StreamIngestRequest>>
        writer = stub->StreamIngest(&context, &response);
    accord::v1::StreamIngestRequest message;
    SetBundleFields(options, &message);
    uint64_t in_message = 0;
    uint64_t read = 0;
    size_t done = 0;
    bool broken = false;
    for (const InputFile& file : *files) {
      std::string content;
      if (!ReadFile(file.path, &content)) {
        context.TryCancel();
        return absl::NotFoundError(absl::StrCat("cannot read ", file.path));
      }
      in_message += content.size();
      read += content.size();
      FillInput(file, std::move(content), message.add_documents());
      if (in_message >= static_cast<uint64_t>(options.chunk_bytes)) {
        if (!writer->Write(message)) {
          broken = true;  // Finish() says why
          break;
        }
        message.Clear();
        in_message = 0;
      }
      progress.Files("sending", ++done, files->size(), read, total);
    }
    if (!broken && message.documents_size() > 0) writer->Write(message);
    writer->WritesDone();
    progress.Waiting(server);
    grpc::Status status = writer->Finish();
    *bundle = std::move(*response.mutable_bundle());
    return status;
  };

  const absl::Time give_up = absl::Now() + options.busy_wait;
  while (true) {
    accord::v1::Bundle bundle;
    absl::StatusOr<grpc::Status> sent = send(&bundle);
    // Whatever follows prints; the next attempt restarts the meter.
    progress.Finish();
    if (!sent.ok()) return Fail(sent.status().message());
    if (sent->ok()) return PrintReport(options, bundle);
    const std::optional<absl::Duration> delay =
        BusyRetryDelay(sent->error_code(), sent->error_details());
    if (!delay.has_value() || absl::Now() + *delay > give_up) {
      return FailRpc(*sent);
    }
    // Nothing of the bundle was stored: sending it again is safe.
    std::cerr << "accordctl: " << sent->error_message() << "; sending again in "
              << absl::FormatDuration(*delay) << "\n";
    absl::SleepFor(*delay);
    progress.Restart();
  }
}

}  // namespace accord::ctl
