#include "tests/e2e/cluster.h"

#include <sys/wait.h>

#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/testing/http_get.h"
#include "common/testing/time_scale.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"

namespace accord::e2e {

absl::StatusOr<std::unique_ptr<Cluster>> Cluster::Start(
    std::vector<std::string> ingest_args, std::vector<std::string> query_args) {
  std::unique_ptr<Cluster> cluster(new Cluster());
  if (absl::Status started = cluster->RestartIngest(std::move(ingest_args));
      !started.ok()) {
    return started;
  }
  query_args.push_back("--data_dir=" + cluster->data_dir());
  query_args.push_back("--secondary_dir=" + cluster->dir_.Sub("secondary"));
  query_args.push_back(absl::StrCat("--catch_up_interval=",
                                    absl::FormatDuration(kCatchUpInterval)));
  absl::StatusOr<std::unique_ptr<ServerProcess>> query = ServerProcess::Start(
      "query", ACCORD_QUERY_BIN, std::move(query_args), cluster->work_dir());
  if (!query.ok()) return query.status();
  cluster->query_ = *std::move(query);
  if (absl::Status connected = cluster->Connect(); !connected.ok()) {
    return connected;
  }
  return cluster;
}

absl::Status Cluster::RestartIngest(std::vector<std::string> ingest_args) {
  ingest_args.push_back("--data_dir=" + data_dir());
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest = ServerProcess::Start(
      "ingest", ACCORD_INGEST_BIN, std::move(ingest_args), work_dir());
  if (!ingest.ok()) return ingest.status();
  ingest_ = *std::move(ingest);
  return query_ ? Connect() : absl::OkStatus();
}

absl::Status Cluster::Connect() {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  ingest_stub_ = accord::v1::IngestService::NewStub(grpc::CreateCustomChannel(
      ingest_->address(), grpc::InsecureChannelCredentials(), args));
  query_stub_ = accord::v1::QueryService::NewStub(grpc::CreateCustomChannel(
      query_->address(), grpc::InsecureChannelCredentials(), args));
  return absl::OkStatus();
}

grpc::health::v1::HealthCheckResponse::ServingStatus Cluster::Health(
    const std::string& address, const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) return grpc::health::v1::HealthCheckResponse::UNKNOWN;
  return response.status();
}

void Cluster::WaitForHealth(
    const std::string& address,
    grpc::health::v1::HealthCheckResponse::ServingStatus wanted,
    absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (Health(address) != wanted && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(50));
  }
}

accord::v1::Bundle Cluster::Ingest(
    const std::vector<accord::v1::DocumentInput>& docs) {
  accord::v1::IngestBundleRequest request;
  request.set_submitter("e2e");
  for (const auto& doc : docs) *request.add_documents() = doc;
  accord::v1::IngestBundleResponse response;
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
  grpc::Status status =
      ingest_stub_->IngestBundle(&context, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.bundle();
}

absl::StatusOr<accord::v1::Document> Cluster::WaitForDocument(
    const std::string& id, absl::Duration timeout) {
  absl::Time deadline = absl::Now() + timeout;
  grpc::Status last;
  while (true) {
    accord::v1::GetDocumentRequest request;
    request.set_document_id(id);
    accord::v1::GetDocumentResponse response;
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
    last = query_stub_->GetDocument(&context, request, &response);
    if (last.ok()) return response.document();
    if (absl::Now() >= deadline) break;
    absl::SleepFor(absl::Milliseconds(5));
  }
  return absl::NotFoundError(
      absl::StrCat("document ", id, " not readable: ", last.error_message()));
}

accord::v1::DocumentInput TextInput(const std::string& text,
                                    const std::string& client_ref) {
  accord::v1::DocumentInput input;
  input.set_content(text);
  input.set_content_type("text/plain; charset=utf-8");
  input.mutable_metadata()->set_client_ref(client_ref);
  return input;
}

std::string ErrorReason(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&info)) return info.reason();
  }
  return "";
}

CommandResult RunCommand(const std::string& command_line) {
  const std::string command = absl::StrCat(command_line, " 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  CommandResult result;
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) {
    result.output.append(buffer, n);
  }
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

int MetricsPort(const std::string& log) {
  const std::string marker = "metrics on http://127.0.0.1:";
  const size_t at = log.find(marker);
  if (at == std::string::npos) return 0;
  const size_t start = at + marker.size();
  int port = 0;
  if (!absl::SimpleAtoi(log.substr(start, log.find('/', start) - start),
                        &port)) {
    return 0;
  }
  return port;
}

double Sample(const std::string& text, const std::string& series) {
  const std::string prefix = "\n" + series + " ";
  const size_t at = text.find(prefix);
  if (at == std::string::npos) return -1;
  const size_t start = at + prefix.size();
  double value = -1;
  if (!absl::SimpleAtod(text.substr(start, text.find('\n', start) - start),
                        &value)) {
    return -1;
  }
  return value;
}

double BundleMemoryBytes(int metrics_port) {
  return Sample(testing::HttpGet(metrics_port, "/metrics"),
                "accord_ingest_bundle_memory_bytes");
}

namespace {

// An article that takes bundle memory for little work: the server keeps
// and counts a document's raw content (twice: the request's copy and the
// record's) until its bundle is stored, while the run of spaces that pads
// this one costs next to nothing to normalize. Synthetic articles of the
// same size took tens of seconds to prepare under the sanitizers.
std::string PaddedArticle(int number) {
  constexpr size_t kPaddingBytes = 48 << 10;
  return absl::StrCat("Held article ", number,
                      "\n\nA note kept in a bundle that is held open, number ",
                      number, ".\n", std::string(kPaddingBytes, ' '), "\n");
}

}  // namespace

absl::StatusOr<std::unique_ptr<HeldBundle>> HeldBundle::Open(
    accord::v1::IngestService::Stub& stub, int metrics_port) {
  const double limit = Sample(testing::HttpGet(metrics_port, "/metrics"),
                              "accord_ingest_bundle_memory_limit_bytes");
  if (limit <= 0) {
    return absl::FailedPreconditionError("no bundle memory limit in /metrics");
  }
  constexpr int kArticlesPerMessage = 20;
  constexpr int kMostArticles = 4000;
  std::unique_ptr<HeldBundle> held(new HeldBundle());
  held->writer_ = stub.StreamIngest(&held->context_, &held->response_);
  double in_use = BundleMemoryBytes(metrics_port);
  while (in_use < limit) {
    if (held->articles_ + kArticlesPerMessage > kMostArticles) {
      return absl::InternalError(absl::StrCat(held->articles_,
                                              " articles hold only ", in_use,
                                              " bytes of ", limit));
    }
    accord::v1::StreamIngestRequest message;
    message.set_submitter("held-bundle");
    for (int i = 0; i < kArticlesPerMessage; ++i) {
      const std::string article = PaddedArticle(held->articles_++);
      held->content_bytes_ += article.size();
      *message.add_documents() = TextInput(article);
    }
    if (!held->writer_->Write(message)) {
      return absl::InternalError(
          absl::StrCat("stream broken after ", held->articles_,
                       " articles: ", held->writer_->Finish().error_message()));
    }
    // Each message prepared (its memory counted) before the next is sent,
    // so that none finds the limit reached.
    const absl::Time deadline =
        absl::Now() + testing::Scaled(absl::Seconds(30));
    double now = in_use;
    while ((now = BundleMemoryBytes(metrics_port)) == in_use &&
           absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(20));
    }
    if (now <= in_use) {
      return absl::DeadlineExceededError(absl::StrCat(
          "message ending at article ", held->articles_, " not prepared"));
    }
    in_use = now;
  }
  held->held_bytes_ = in_use;
  return held;
}

grpc::Status HeldBundle::Finish() {
  writer_->WritesDone();
  return writer_->Finish();
}

}  // namespace accord::e2e
