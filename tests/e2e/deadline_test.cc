// Deadlines over gRPC: a server stops working soon after its caller's
// deadline passes, and stores nothing for a call it did not finish.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/testing/time_scale.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

accord::v1::IngestBundleRequest ManyArticles(int count) {
  accord::v1::IngestBundleRequest request;
  request.set_submitter("e2e");
  for (int i = 0; i < count; ++i) {
    std::string text = absl::StrCat("Consultations on cyber norms, round ", i,
                                    "\n\nGeneva (AP) – ");
    for (int sentence = 0; sentence < 12; ++sentence) {
      absl::StrAppend(&text, "Delegation ", i * 100 + sentence,
                      " discussed capacity building, critical infrastructure "
                      "and the convention against cybercrime. ");
    }
    *request.add_documents() = TextInput(text, absl::StrCat(i, ".txt"));
  }
  return request;
}

// The latency the server logged for its last call of `method`, or -1.
double LoggedLatencyMs(const std::string& log, const std::string& method) {
  double latency = -1;
  for (absl::string_view line : absl::StrSplit(log, '\n')) {
    if (!absl::StrContains(line, absl::StrCat("rpc ", method, " "))) continue;
    size_t at = line.find("latency_ms=");
    if (at == absl::string_view::npos) continue;
    absl::string_view value = line.substr(at + 11);
    value = value.substr(0, value.find(' '));
    if (!absl::SimpleAtod(value, &latency)) latency = -1;
  }
  return latency;
}

TEST(DeadlineTest, IngestStopsSoonAfterTheDeadlineAndStoresNothing) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  // Seconds of normalization on two cores, even in an optimized build.
  const accord::v1::IngestBundleRequest request = ManyArticles(16000);
  accord::v1::IngestBundleResponse response;
  grpc::ClientContext context;
  const absl::Duration deadline = testing::Scaled(absl::Seconds(1));
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  grpc::Status status =
      (*cluster)->ingest_stub().IngestBundle(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);

  // The server's own account of the call: it ended soon after the
  // deadline, not after preparing all 16,000 documents.
  double latency = -1;
  const absl::Time until = absl::Now() + absl::Seconds(60);
  while ((latency = LoggedLatencyMs((*cluster)->ingest().Log(),
                                    "/accord.v1.IngestService/IngestBundle")) <
             0 &&
         absl::Now() < until) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  ASSERT_GE(latency, 0) << (*cluster)->ingest().Log();
  EXPECT_LT(latency, absl::ToDoubleMilliseconds(
                         deadline + testing::Scaled(absl::Milliseconds(1200))))
      << (*cluster)->ingest().Log();
  EXPECT_TRUE(
      absl::StrContains((*cluster)->ingest().Log(), "code=DEADLINE_EXCEEDED"))
      << (*cluster)->ingest().Log();

  // Nothing of it was stored (a bundle is stored whole or not at all):
  // its first documents, sent again in time, are new.
  accord::v1::IngestBundleRequest first = request;
  first.mutable_documents()->DeleteSubrange(20, request.documents_size() - 20);
  accord::v1::IngestBundleResponse again;
  grpc::ClientContext patient;
  patient.set_deadline(absl::ToChronoTime(absl::Now() + absl::Minutes(1)));
  status = (*cluster)->ingest_stub().IngestBundle(&patient, first, &again);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(again.bundle().counts().created(), 20);
}

}  // namespace
}  // namespace accord::e2e
