// accordctl: the operator's client for Accord.
//
//   accordctl ingest PATH...     send files and folders as one bundle
//   accordctl get ID             print a stored document
//   accordctl bundle ID          print a stored bundle report
//   accordctl search QUERY       search documents across languages
//
// Exit status: 0 on success, 1 on an RPC or usage error, 3 when a bundle
// was stored but some of its documents were rejected.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/marshalling.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "accord/v1/ingest_service.grpc.pb.h"
#include "accord/v1/query_service.grpc.pb.h"
#include "common/util/command_line.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "tools/accordctl/file_walker.h"
#include "tools/accordctl/report_printer.h"

ABSL_FLAG(std::string, ingest_addr, "localhost:50051",
          "ingest-service address");
ABSL_FLAG(std::string, query_addr, "localhost:50052", "query-service address");
ABSL_FLAG(std::string, submitter, "accordctl",
          "submitter recorded in the bundle");
ABSL_FLAG(std::string, label, "", "label recorded in the bundle");
ABSL_FLAG(std::string, request_id, "",
          "idempotency key: re-sending with the same key stores nothing new");
ABSL_FLAG(int64_t, stream_threshold_bytes, int64_t{16} << 20,
          "bundles larger than this are sent with StreamIngest");
ABSL_FLAG(int64_t, chunk_bytes, int64_t{4} << 20,
          "content bytes per StreamIngest message");
ABSL_FLAG(bool, json, false, "print replies as JSON");
ABSL_FLAG(bool, raw, false, "get: print the bytes as submitted");
ABSL_FLAG(std::vector<std::string>, languages, {},
          "search: only these languages (comma-separated ISO 639 codes)");
ABSL_FLAG(std::vector<std::string>, sources, {},
          "search: only these sources (agencies or URL hosts)");
ABSL_FLAG(int, page_size, 10, "search: hits per page");
ABSL_FLAG(std::string, page_token, "", "search: continue a previous search");
ABSL_FLAG(absl::Duration, timeout, absl::Minutes(10), "deadline of each call");

namespace {

using accord::ctl::InputFile;

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitRejected = 3;

std::shared_ptr<grpc::Channel> Connect(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

void SetDeadline(grpc::ClientContext* context) {
  context->set_deadline(
      absl::ToChronoTime(absl::Now() + absl::GetFlag(FLAGS_timeout)));
}

int Fail(const grpc::Status& status) {
  std::cerr << "accordctl: "
            << accord::ctl::FormatRpcError(status.error_code(),
                                           status.error_message(),
                                           status.error_details())
            << "\n";
  return kExitError;
}

template <typename Message>
std::string ToJson(const Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

bool ReadFile(const std::string& path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  content->assign(std::istreambuf_iterator<char>(in),
                  std::istreambuf_iterator<char>());
  return !in.bad();
}

// Shows "sent 12/500 files, 3.4/10.2 MiB" on a terminal; silent otherwise.
class Progress {
 public:
  Progress(size_t files, uint64_t bytes)
      : files_(files), bytes_(bytes), enabled_(isatty(STDERR_FILENO)) {}
  void Update(size_t files_done, uint64_t bytes_done) {
    if (!enabled_) return;
    absl::FPrintF(stderr, "\rsent %d/%d files, %.1f/%.1f MiB", files_done,
                  files_, bytes_done / 1048576.0, bytes_ / 1048576.0);
  }
  void Finish() {
    if (enabled_) absl::FPrintF(stderr, "\n");
  }

 private:
  const size_t files_;
  const uint64_t bytes_;
  const bool enabled_;
};

void FillInput(const InputFile& file, std::string content,
               accord::v1::DocumentInput* input) {
  input->set_content(std::move(content));
  input->set_content_type(file.content_type);
  input->mutable_metadata()->set_client_ref(file.path);
}

int PrintBundle(const accord::v1::Bundle& bundle) {
  std::cout << (absl::GetFlag(FLAGS_json) ? ToJson(bundle) + "\n"
                                          : accord::ctl::FormatBundle(bundle));
  return bundle.counts().rejected() > 0 ? kExitRejected : kExitOk;
}

int Ingest(const std::vector<std::string>& paths) {
  absl::StatusOr<std::vector<InputFile>> files =
      accord::ctl::ExpandPaths(paths);
  if (!files.ok()) {
    std::cerr << "accordctl: " << files.status().message() << "\n";
    return kExitError;
  }
  if (files->empty()) {
    std::cerr << "accordctl: no files to ingest\n";
    return kExitError;
  }
  uint64_t total = 0;
  for (const InputFile& file : *files) total += file.size_bytes;
  auto stub = accord::v1::IngestService::NewStub(
      Connect(absl::GetFlag(FLAGS_ingest_addr)));
  grpc::ClientContext context;
  SetDeadline(&context);
  Progress progress(files->size(), total);
  uint64_t sent = 0;

  if (total <=
      static_cast<uint64_t>(absl::GetFlag(FLAGS_stream_threshold_bytes))) {
    accord::v1::IngestBundleRequest request;
    request.set_submitter(absl::GetFlag(FLAGS_submitter));
    request.set_label(absl::GetFlag(FLAGS_label));
    request.set_request_id(absl::GetFlag(FLAGS_request_id));
    for (const InputFile& file : *files) {
      std::string content;
      if (!ReadFile(file.path, &content)) {
        std::cerr << "accordctl: cannot read " << file.path << "\n";
        return kExitError;
      }
      FillInput(file, std::move(content), request.add_documents());
    }
    accord::v1::IngestBundleResponse response;
    grpc::Status status = stub->IngestBundle(&context, request, &response);
    if (!status.ok()) return Fail(status);
    return PrintBundle(response.bundle());
  }

  accord::v1::StreamIngestResponse response;
  std::unique_ptr<grpc::ClientWriter<accord::v1::StreamIngestRequest>> writer =
      stub->StreamIngest(&context, &response);
  accord::v1::StreamIngestRequest message;
  message.set_submitter(absl::GetFlag(FLAGS_submitter));
  message.set_label(absl::GetFlag(FLAGS_label));
  message.set_request_id(absl::GetFlag(FLAGS_request_id));
  uint64_t in_message = 0;
  size_t done = 0;
  bool broken = false;
  for (const InputFile& file : *files) {
    std::string content;
    if (!ReadFile(file.path, &content)) {
      std::cerr << "accordctl: cannot read " << file.path << "\n";
      context.TryCancel();
      return kExitError;
    }
    in_message += content.size();
    sent += content.size();
    FillInput(file, std::move(content), message.add_documents());
    ++done;
    if (in_message >= static_cast<uint64_t>(absl::GetFlag(FLAGS_chunk_bytes))) {
      if (!writer->Write(message)) {
        broken = true;
        break;
      }
      message.Clear();
      in_message = 0;
      progress.Update(done, sent);
    }
  }
  if (!broken && message.documents_size() > 0) writer->Write(message);
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  progress.Update(done, sent);
  progress.Finish();
  if (!status.ok()) return Fail(status);
  return PrintBundle(response.bundle());
}

int Get(const std::string& id) {
  auto stub = accord::v1::QueryService::NewStub(
      Connect(absl::GetFlag(FLAGS_query_addr)));
  grpc::ClientContext context;
  SetDeadline(&context);
  accord::v1::GetDocumentRequest request;
  request.set_document_id(id);
  request.set_include_raw_content(absl::GetFlag(FLAGS_raw));
  accord::v1::GetDocumentResponse response;
  grpc::Status status = stub->GetDocument(&context, request, &response);
  if (!status.ok()) return Fail(status);
  if (absl::GetFlag(FLAGS_raw)) {
    std::cout << response.raw_content();
  } else if (absl::GetFlag(FLAGS_json)) {
    std::cout << ToJson(response.document()) << "\n";
  } else {
    std::cout << accord::ctl::FormatDocument(response.document());
  }
  return kExitOk;
}

int GetBundle(const std::string& id) {
  auto stub = accord::v1::IngestService::NewStub(
      Connect(absl::GetFlag(FLAGS_ingest_addr)));
  grpc::ClientContext context;
  SetDeadline(&context);
  accord::v1::GetBundleRequest request;
  request.set_bundle_id(id);
  accord::v1::GetBundleResponse response;
  grpc::Status status = stub->GetBundle(&context, request, &response);
  if (!status.ok()) return Fail(status);
  PrintBundle(response.bundle());
  return kExitOk;
}

int Search(const std::string& query) {
  auto stub = accord::v1::QueryService::NewStub(
      Connect(absl::GetFlag(FLAGS_query_addr)));
  grpc::ClientContext context;
  SetDeadline(&context);
  accord::v1::SearchDocumentsRequest request;
  request.set_query(query);
  for (const std::string& language : absl::GetFlag(FLAGS_languages)) {
    request.add_languages(language);
  }
  for (const std::string& source : absl::GetFlag(FLAGS_sources)) {
    request.add_sources(source);
  }
  request.set_page_size(absl::GetFlag(FLAGS_page_size));
  request.set_page_token(absl::GetFlag(FLAGS_page_token));
  accord::v1::SearchDocumentsResponse response;
  grpc::Status status = stub->SearchDocuments(&context, request, &response);
  if (!status.ok()) return Fail(status);
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << ToJson(response) << "\n";
  } else {
    std::cout << accord::ctl::FormatSearch(response, isatty(STDOUT_FILENO));
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> positional = accord::ParseCommandLine(
      argc, argv,
      "Accord operator client.\n"
      "  accordctl ingest PATH...   send files and folders as one bundle\n"
      "  accordctl get ID           print a stored document (--json, --raw)\n"
      "  accordctl bundle ID        print a stored bundle report\n"
      "  accordctl search QUERY     search (--languages, --sources, "
      "--page_size,\n"
      "                             --page_token)\n"
      "Exit status: 0 ok, 1 error, 3 some documents rejected.");
  std::vector<std::string> args(positional.begin() + 1, positional.end());
  if (args.empty()) {
    std::cerr << absl::ProgramUsageMessage() << "\n";
    return kExitError;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "ingest" && !args.empty()) return Ingest(args);
  if (command == "get" && args.size() == 1) return Get(args[0]);
  if (command == "bundle" && args.size() == 1) return GetBundle(args[0]);
  if (command == "search" && !args.empty()) {
    return Search(absl::StrJoin(args, " "));
  }
  std::cerr << "accordctl: bad command line\n"
            << absl::ProgramUsageMessage() << "\n";
  return kExitError;
}
