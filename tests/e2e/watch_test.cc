// QueryService.WatchDocuments against the real servers over gRPC: a client
// receives a document ingested after it subscribed, and after a reconnect
// with its resume token exactly what it missed (matching documents only,
// nothing twice); bad requests get their ErrorInfo reason; shutdown ends a
// watch with UNAVAILABLE; accordctl watch resumes from a token.
#include <sys/wait.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

using accord::v1::WatchDocumentsRequest;
using accord::v1::WatchDocumentsResponse;

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
    ASSERT_TRUE(cluster.ok()) << cluster.status();
    cluster_ = *std::move(cluster);
    // Once a document is readable the query-service has the store open.
    first_ = Store("Opening note\n\nA first note on trade and agriculture.\n");
    ASSERT_TRUE(cluster_->WaitForDocument(first_).ok());
  }

  // Ingests one text document; returns its id.
  std::string Store(const std::string& text) {
    accord::v1::Bundle stored = cluster_->Ingest({TextInput(text)});
    EXPECT_EQ(stored.counts().created(), 1u);
    return stored.results_size() > 0 ? stored.results(0).document_id() : "";
  }

  struct Watch {
    grpc::ClientContext context;
    std::unique_ptr<grpc::ClientReader<WatchDocumentsResponse>> reader;
  };
  std::unique_ptr<Watch> Open(const WatchDocumentsRequest& request) {
    auto watch = std::make_unique<Watch>();
    watch->context.set_deadline(std::chrono::system_clock::now() +
                                std::chrono::seconds(60));
    watch->reader =
        cluster_->query_stub().WatchDocuments(&watch->context, request);
    return watch;
  }

  // The next message with a hit, skipping progress messages: on a loaded
  // machine the heartbeat may come before a new document is visible.
  // False when the stream ended first.
  static bool ReadHit(Watch& watch, WatchDocumentsResponse* message) {
    while (watch.reader->Read(message)) {
      if (message->has_hit()) return true;
    }
    return false;
  }

  // accordctl `args` against the cluster: exit status and output.
  std::pair<int, std::string> Ctl(const std::string& args) {
    std::string command = absl::StrCat(
        ACCORDCTL_BIN, " --query_addr=", cluster_->query().address(), " ", args,
        " 2>&1");
    FILE* pipe = popen(command.c_str(), "r");
    std::string out;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) {
      out.append(buffer, n);
    }
    int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
  }

  std::unique_ptr<Cluster> cluster_;
  std::string first_;
};

TEST_F(WatchTest, ReceivesNewDocumentsAndAfterAReconnectWhatItMissedOnce) {
  WatchDocumentsRequest request;
  request.set_query("cybercrime cybercriminalité");
  request.mutable_heartbeat_interval()->set_seconds(1);
  std::unique_ptr<Watch> watch = Open(request);
  // The first message, a progress message after one quiet second, shows
  // the watch is running: from here every new document is its business.
  WatchDocumentsResponse message;
  ASSERT_TRUE(watch->reader->Read(&message));
  EXPECT_FALSE(message.has_hit());
  EXPECT_EQ(message.sequence(), 1u);  // the opening note was stored before

  const std::string a = Store(
      "Cybercrime talks in Hanoi\n\nHanoi (VNA) – Officials of Vietnam and "
      "Australia discussed cybercrime and the exchange of evidence.\n");
  ASSERT_TRUE(ReadHit(*watch, &message));
  EXPECT_EQ(message.hit().document_id(), a);
  EXPECT_EQ(message.hit().title(), "Cybercrime talks in Hanoi");
  EXPECT_EQ(message.sequence(), 1u);
  const std::string token_after_a = message.resume_token();

  // The client goes away.
  watch->context.TryCancel();
  while (watch->reader->Read(&message)) {
  }
  EXPECT_EQ(watch->reader->Finish().error_code(), grpc::StatusCode::CANCELLED);

  // While it is away: two matching documents (one in French) and two
  // others.
  Store("Trade fair\n\nA trade fair on agriculture and fisheries opened.\n");
  const std::string c = Store(
      "Lutte contre la cybercriminalité\n\nParis (AFP) – La France et le "
      "Vietnam renforcent la lutte contre la cybercriminalité.\n");
  Store("Weather\n\nRain is expected over the weekend in the north.\n");
  const std::string e = Store(
      "Cybercrime convention\n\nNew York (AP) – More states signed the "
      "convention on cybercrime this week.\n");

  request.set_resume_token(token_after_a);
  std::unique_ptr<Watch> again = Open(request);
  ASSERT_TRUE(ReadHit(*again, &message));
  EXPECT_EQ(message.hit().document_id(), c);
  EXPECT_EQ(message.hit().language(), "fr");
  ASSERT_TRUE(ReadHit(*again, &message));
  EXPECT_EQ(message.hit().document_id(), e);
  EXPECT_EQ(message.sequence(), 5u);
  // Then nothing but progress: not a, not the others, nothing twice.
  ASSERT_TRUE(again->reader->Read(&message));
  EXPECT_FALSE(message.has_hit()) << message.hit().document_id();
  EXPECT_EQ(message.sequence(), 6u);
  again->context.TryCancel();
  while (again->reader->Read(&message)) {
  }
  again->reader->Finish();

  // accordctl resumes from the same token: the two it missed, then stops.
  auto [code, out] =
      Ctl(absl::StrCat("watch cybercrime cybercriminalité --limit=2 "
                       "--resume_token=",
                       token_after_a));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, absl::StrCat("[fr] ", c))) << out;
  EXPECT_TRUE(absl::StrContains(out, absl::StrCat("[en] ", e))) << out;
  EXPECT_FALSE(absl::StrContains(out, a)) << out;
  EXPECT_TRUE(absl::StrContains(out, "--resume_token=")) << out;
}

TEST_F(WatchTest, RefusesBadRequestsWithTheirReason) {
  auto refused = [&](const WatchDocumentsRequest& request) {
    std::unique_ptr<Watch> watch = Open(request);
    WatchDocumentsResponse message;
    EXPECT_FALSE(watch->reader->Read(&message));
    return watch->reader->Finish();
  };
  WatchDocumentsRequest request;
  request.set_resume_token("garbage");
  grpc::Status status = refused(request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ErrorReason(status), "INVALID_RESUME_TOKEN");
  request.Clear();
  request.mutable_heartbeat_interval()->set_nanos(1000);
  status = refused(request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ErrorReason(status), "INVALID_HEARTBEAT");
  request.Clear();
  request.set_query("+");
  EXPECT_EQ(ErrorReason(refused(request)), "INVALID_QUERY");
  auto [code, out] = Ctl("watch --resume_token=garbage x");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "INVALID_RESUME_TOKEN")) << out;
}

TEST_F(WatchTest, ShutdownEndsAWatchSoClientsCanReconnect) {
  WatchDocumentsRequest request;
  request.mutable_heartbeat_interval()->set_seconds(1);
  std::unique_ptr<Watch> watch = Open(request);
  WatchDocumentsResponse message;
  ASSERT_TRUE(watch->reader->Read(&message));  // running
  absl::StatusOr<int> exit = cluster_->query().Stop(SIGTERM);
  ASSERT_TRUE(exit.ok()) << exit.status();
  EXPECT_EQ(*exit, 0);
  while (watch->reader->Read(&message)) {
  }
  grpc::Status status = watch->reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
  EXPECT_EQ(ErrorReason(status), "SHUTTING_DOWN");
}

}  // namespace
}  // namespace accord::e2e
