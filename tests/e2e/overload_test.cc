// More concurrent calls than a server has threads for (--max_threads):
// the calls beyond are refused at once with RESOURCE_EXHAUSTED, the calls
// already running are unharmed, and the server serves normally once they
// end. A limit that leaves no thread to serve is refused at start. More
// bundles in flight than the ingest-service's memory budget holds: the
// next is refused with a reason and a retry delay until they are stored.
// A stream whose client goes quiet is ended, and gives back what it held.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/testing/http_get.h"
#include "common/testing/time_scale.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

using accord::v1::StreamIngestRequest;
using accord::v1::StreamIngestResponse;

// A StreamIngest call left open: the server holds a thread for it until
// the client ends its stream.
struct OpenStream {
  grpc::ClientContext context;
  StreamIngestResponse response;
  std::unique_ptr<grpc::ClientAsyncWriter<StreamIngestRequest>> writer;
  grpc::Status status;
  bool started = false;
  bool finished = false;
};

// Completion-queue tags: what finished, and for which stream.
enum class Step { kStarted, kWritesDone, kFinished };
void* Tag(int stream, Step step) {
  return reinterpret_cast<void*>(static_cast<intptr_t>(stream * 4) +
                                 static_cast<intptr_t>(step));
}
int StreamOf(void* tag) {
  return static_cast<int>(reinterpret_cast<intptr_t>(tag) / 4);
}
Step StepOf(void* tag) {
  return static_cast<Step>(reinterpret_cast<intptr_t>(tag) % 4);
}

TEST(OverloadTest, CallsBeyondTheThreadLimitAreRefusedAndTheServerRecovers) {
  // 2 threads wait for calls (ServerOptions::min_pollers): with at most 4,
  // 3 calls are served at once and the last thread refuses the others.
  absl::StatusOr<std::unique_ptr<Cluster>> cluster =
      Cluster::Start({"--max_threads=4"});
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  EXPECT_TRUE(
      absl::StrContains((*cluster)->ingest().Log(), "at most 4 threads"))
      << (*cluster)->ingest().Log();

  constexpr int kStreams = 8;
  constexpr int kServed = 3;
  grpc::CompletionQueue queue;
  std::vector<std::unique_ptr<OpenStream>> streams;
  for (int i = 0; i < kStreams; ++i) {
    auto stream = std::make_unique<OpenStream>();
    stream->context.set_deadline(std::chrono::system_clock::now() +
                                 std::chrono::seconds(60));
    stream->writer = (*cluster)->ingest_stub().PrepareAsyncStreamIngest(
        &stream->context, &stream->response, &queue);
    stream->writer->StartCall(Tag(i, Step::kStarted));
    // Answered at once when refused; when served, not before the stream
    // ends below.
    stream->writer->Finish(&stream->status, Tag(i, Step::kFinished));
    streams.push_back(std::move(stream));
  }

  // Takes events off the queue until `done` says so or 30 s pass.
  int finished = 0;
  auto wait_until = [&](const std::function<bool()>& done) {
    const auto deadline =
        std::chrono::system_clock::now() + std::chrono::seconds(30);
    while (!done()) {
      void* tag = nullptr;
      bool ok = false;
      if (queue.AsyncNext(&tag, &ok, deadline) !=
          grpc::CompletionQueue::GOT_EVENT) {
        return;
      }
      OpenStream& stream = *streams[StreamOf(tag)];
      if (StepOf(tag) == Step::kStarted) stream.started = true;
      if (StepOf(tag) == Step::kFinished) {
        stream.finished = true;
        ++finished;
      }
    }
  };

  // The calls beyond the limit are refused while the others stay open.
  wait_until([&] { return finished == kStreams - kServed; });
  ASSERT_EQ(finished, kStreams - kServed);
  std::vector<int> open;
  for (int i = 0; i < kStreams; ++i) {
    if (!streams[i]->finished) {
      open.push_back(i);
      continue;
    }
    EXPECT_EQ(streams[i]->status.error_code(),
              grpc::StatusCode::RESOURCE_EXHAUSTED)
        << "stream " << i << ": " << streams[i]->status.error_message();
  }
  ASSERT_EQ(open.size(), static_cast<size_t>(kServed));

  // The served ones run to their end: an empty stream is a bad request,
  // not a refusal or a failure of the server.
  // (A stream's first write op must have completed before its next.)
  wait_until([&] {
    for (int i : open) {
      if (!streams[i]->started) return false;
    }
    return true;
  });
  for (int i : open) {
    ASSERT_TRUE(streams[i]->started) << "stream " << i;
    streams[i]->writer->WritesDone(Tag(i, Step::kWritesDone));
  }
  wait_until([&] { return finished == kStreams; });
  ASSERT_EQ(finished, kStreams);
  for (int i : open) {
    EXPECT_EQ(streams[i]->status.error_code(),
              grpc::StatusCode::INVALID_ARGUMENT)
        << "stream " << i << ": " << streams[i]->status.error_message();
  }
  queue.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (queue.Next(&tag, &ok)) {
  }

  // With the streams gone the server has its threads back.
  accord::v1::Bundle stored = (*cluster)->Ingest(
      {TextInput("Afterwards\n\nA note stored once the streams ended.\n")});
  EXPECT_EQ(stored.counts().created(), 1u);
  EXPECT_EQ(Cluster::Health((*cluster)->ingest().address()),
            grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST(OverloadTest, ALimitWithNoThreadToServeIsRefusedAtStart) {
  testing::TempDir dir;
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest =
      ServerProcess::Start("ingest", ACCORD_INGEST_BIN,
                           {"--data_dir=" + dir.Sub("data"),
                            "--listen=127.0.0.1:0", "--max_threads=2"},
                           dir.path());
  ASSERT_FALSE(ingest.ok()) << "accord-ingest started with --max_threads=2";
  EXPECT_TRUE(absl::StrContains(ingest.status().message(),
                                "max_threads is 2; it must be at least 3"))
      << ingest.status();
}

// The google.rpc.RetryInfo among a status's details, if any.
std::optional<google::rpc::RetryInfo> RetryInfoOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return std::nullopt;
  for (const google::protobuf::Any& detail : details.details()) {
    google::rpc::RetryInfo info;
    if (detail.UnpackTo(&info)) return info;
  }
  return std::nullopt;
}

TEST(OverloadTest, BundlesBeyondTheMemoryLimitAreRefusedUntilOthersAreStored) {
  // The smallest budget: the bundles in flight may hold a quarter, 64 MiB.
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start(
      {"--memory_budget_mb=256", "--metrics_listen=127.0.0.1:0"});
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  EXPECT_TRUE(absl::StrContains((*cluster)->ingest().Log(),
                                "bundles being received 64 MiB"))
      << (*cluster)->ingest().Log();
  const int metrics_port = MetricsPort((*cluster)->ingest().Log());
  ASSERT_GT(metrics_port, 0) << (*cluster)->ingest().Log();
  const double limit = Sample(testing::HttpGet(metrics_port, "/metrics"),
                              "accord_ingest_bundle_memory_limit_bytes");
  EXPECT_EQ(limit, 64 << 20);
  EXPECT_EQ(BundleMemoryBytes(metrics_port), 0);

  // A stream that takes the limit.
  absl::StatusOr<std::unique_ptr<HeldBundle>> held =
      HeldBundle::Open((*cluster)->ingest_stub(), metrics_port);
  ASSERT_TRUE(held.ok()) << held.status();
  ASSERT_GE((*held)->held_bytes(), limit);
  RecordProperty("articles", (*held)->articles());
  RecordProperty("content_bytes", static_cast<int>((*held)->content_bytes()));
  RecordProperty("bundle_memory_bytes",
                 static_cast<int>((*held)->held_bytes()));

  // Meanwhile another bundle is refused: nothing stored, and when to retry.
  auto small = [&] {
    accord::v1::IngestBundleRequest request;
    request.set_submitter("memory-test");
    *request.add_documents() =
        TextInput("Between bundles\n\nA short note sent meanwhile.\n");
    accord::v1::IngestBundleResponse response;
    grpc::ClientContext context;
    return (*cluster)->ingest_stub().IngestBundle(&context, request, &response);
  };
  grpc::Status busy = small();
  EXPECT_EQ(busy.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << busy.error_message();
  EXPECT_EQ(ErrorReason(busy), "INGEST_BUSY");
  EXPECT_TRUE(absl::StrContains(busy.error_message(), "send it again later"))
      << busy.error_message();
  std::optional<google::rpc::RetryInfo> retry = RetryInfoOf(busy);
  ASSERT_TRUE(retry.has_value());
  EXPECT_EQ(retry->retry_delay().seconds(), 2);

  // The stream's bundle is stored whole; its memory is given back and the
  // other bundle gets in.
  grpc::Status stored = (*held)->Finish();
  ASSERT_TRUE(stored.ok()) << stored.error_message();
  EXPECT_EQ((*held)->response().bundle().counts().created(),
            (*held)->articles());
  const absl::Time deadline = absl::Now() + testing::Scaled(absl::Seconds(10));
  while (BundleMemoryBytes(metrics_port) != 0 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_EQ(BundleMemoryBytes(metrics_port), 0);
  grpc::Status later = small();
  EXPECT_TRUE(later.ok()) << later.error_message();
}

TEST(OverloadTest, AStreamWhoseClientGoesQuietIsEndedAndNothingOfItStored) {
  const absl::Duration idle = testing::Scaled(absl::Seconds(2));
  absl::StatusOr<std::unique_ptr<Cluster>> cluster =
      Cluster::Start({"--stream_idle_timeout=" + absl::FormatDuration(idle),
                      "--metrics_listen=127.0.0.1:0"});
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const int metrics_port = MetricsPort((*cluster)->ingest().Log());
  ASSERT_GT(metrics_port, 0) << (*cluster)->ingest().Log();
  const accord::v1::DocumentInput quiet_article = TextInput(
      "Talks adjourned\n\nThe delegations met for a first round of "
      "consultations and will meet again in the spring.\n");

  // A client that sends one document and then nothing, without closing.
  grpc::ClientContext quiet_context;
  quiet_context.set_deadline(std::chrono::system_clock::now() +
                             std::chrono::seconds(120));
  StreamIngestResponse quiet_response;
  auto quiet =
      (*cluster)->ingest_stub().StreamIngest(&quiet_context, &quiet_response);
  StreamIngestRequest message;
  message.set_submitter("idle-test");
  *message.add_documents() = quiet_article;
  ASSERT_TRUE(quiet->Write(message));
  const absl::Time last_sent = absl::Now();
  const grpc::Status ended = quiet->Finish();
  const absl::Duration waited = absl::Now() - last_sent;
  EXPECT_EQ(ended.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
      << ended.error_message();
  EXPECT_TRUE(absl::StrContains(ended.error_message(), "--stream_idle_timeout"))
      << ended.error_message();
  EXPECT_TRUE(absl::StrContains(ended.error_message(),
                                "nothing of this bundle was stored"))
      << ended.error_message();
  EXPECT_GE(waited, idle - absl::Milliseconds(100));
  EXPECT_LT(waited, idle + testing::Scaled(absl::Seconds(10)));
  // The client has the status as soon as the watchdog cancels the call; the
  // handler counts it, logs it and gives the bundle's memory back after that,
  // on its own thread, so those are waited for (bounded), not raced.
  const auto handler_done = [&] {
    return Sample(testing::HttpGet(metrics_port, "/metrics"),
                  "accord_ingest_streams_idle_ended_total") == 1 &&
           BundleMemoryBytes(metrics_port) == 0 &&
           absl::StrContains((*cluster)->ingest().Log(),
                             "StreamIngest: the client sent nothing for");
  };
  const absl::Time handler_deadline =
      absl::Now() + testing::Scaled(absl::Seconds(10));
  while (!handler_done() && absl::Now() < handler_deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  const std::string metrics = testing::HttpGet(metrics_port, "/metrics");
  EXPECT_EQ(Sample(metrics, "accord_ingest_streams_idle_ended_total"), 1)
      << metrics;
  EXPECT_EQ(BundleMemoryBytes(metrics_port), 0);
  EXPECT_TRUE(absl::StrContains((*cluster)->ingest().Log(),
                                "StreamIngest: the client sent nothing for"))
      << (*cluster)->ingest().Log();

  // A client that keeps sending, a message every third of the limit for
  // twice its length, is not ended: each message starts the count afresh.
  grpc::ClientContext busy_context;
  busy_context.set_deadline(std::chrono::system_clock::now() +
                            std::chrono::seconds(120));
  StreamIngestResponse busy_response;
  auto busy =
      (*cluster)->ingest_stub().StreamIngest(&busy_context, &busy_response);
  constexpr int kMessages = 7;
  for (int i = 0; i < kMessages; ++i) {
    StreamIngestRequest next;
    next.set_submitter("idle-test");
    *next.add_documents() =
        TextInput(absl::StrCat("Round ", i + 1, "\n\nRound ", i + 1,
                               " of the consultations closed with a "
                               "statement from both delegations.\n"));
    ASSERT_TRUE(busy->Write(next)) << "message " << i;
    absl::SleepFor(idle / 3);
  }
  ASSERT_TRUE(busy->WritesDone());
  const grpc::Status stored = busy->Finish();
  ASSERT_TRUE(stored.ok()) << stored.error_message();
  EXPECT_EQ(busy_response.bundle().counts().created(),
            static_cast<uint32_t>(kMessages));

  // The quiet stream's document was not stored: sent again, it is new.
  accord::v1::Bundle again = (*cluster)->Ingest({quiet_article});
  EXPECT_EQ(again.counts().created(), 1u);
  EXPECT_EQ(Sample(testing::HttpGet(metrics_port, "/metrics"),
                   "accord_ingest_streams_idle_ended_total"),
            1);
}

}  // namespace
}  // namespace accord::e2e
