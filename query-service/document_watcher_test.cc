// DocumentWatcher over a real store written by the real ingest path and
// read through a follower: new matching documents are sent in store order,
// others are not; a watch resumed with a token gets exactly what followed
// it; progress messages carry the position; bad requests and shutdown end
// a watch with a clear status.
#include "query-service/document_watcher.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/rpc/status.h"
#include "common/testing/temp_dir.h"
#include "common/testing/time_scale.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/ingester.h"
#include "ingest-service/normalize/normalizer.h"
#include "query-service/search/page_token.h"

namespace accord::query {
namespace {

using accord::v1::WatchDocumentsRequest;
using accord::v1::WatchDocumentsResponse;

// Collects what a watch writes; a watch runs on a thread of its own.
class Client {
 public:
  // Stops accepting (the client "goes away") after `accept` messages.
  explicit Client(int accept = 1 << 30) : accept_(accept) {}

  bool Write(const WatchDocumentsResponse& response) {
    absl::MutexLock lock(&mu_);
    if (static_cast<int>(received_.size()) >= accept_) return false;
    received_.push_back(response);
    return true;
  }
  // Waits until `n` messages arrived (or 10 s); returns them.
  std::vector<WatchDocumentsResponse> WaitFor(size_t n) {
    absl::MutexLock lock(&mu_);
    auto enough = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return received_.size() >= n;
    };
    mu_.AwaitWithTimeout(absl::Condition(&enough), absl::Seconds(10));
    return received_;
  }
  // True once it stopped accepting: its call is cancelled, as gRPC tells a
  // server when a client goes away.
  bool Gone() {
    absl::MutexLock lock(&mu_);
    return static_cast<int>(received_.size()) >= accept_;
  }
  std::vector<WatchDocumentsResponse> Received() {
    absl::MutexLock lock(&mu_);
    return received_;
  }

 private:
  const int accept_;
  absl::Mutex mu_;
  std::vector<WatchDocumentsResponse> received_ ABSL_GUARDED_BY(mu_);
};

class DocumentWatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store =
        store::Store::OpenPrimary(dir_.Sub("db"), store::StoreOptions());
    ASSERT_TRUE(store.ok());
    store_ = *std::move(store);
    auto analyzer = analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = *std::move(analyzer);
    ingester_ = std::make_unique<ingest::Ingester>(
        store_.get(), &normalizer_, analyzer_.get(), ingest::IngesterOptions());
    store::FollowerOptions follower;
    follower.primary_path = dir_.Sub("db");
    follower.secondary_path = dir_.Sub("secondary");
    follower.catch_up_interval = absl::Milliseconds(20);
    follower_ = std::make_unique<store::Follower>(follower);
    follower_->Start();
    searcher_ = std::make_unique<Searcher>(follower_.get(), analyzer_.get());
    DocumentWatcherOptions options;
    options.min_heartbeat = absl::Milliseconds(10);
    options.wait_slice = absl::Milliseconds(20);
    options.max_watches = 2;
    options.batch_documents = 2;  // a backlog takes several passes
    watcher_ = std::make_unique<DocumentWatcher>(follower_.get(),
                                                 searcher_.get(), options);
  }

  void TearDown() override {
    watcher_->Stop();
    for (std::thread& t : threads_) t.join();
  }

  // Stores `text` (title, blank line, body); returns its id.
  std::string Ingest(const std::string& text) {
    auto bundle = ingester_->NewBundle("test", "", "");
    EXPECT_TRUE(bundle.ok());
    accord::v1::DocumentInput input;
    input.set_content(text);
    EXPECT_TRUE((*bundle)->Add(input).ok());
    absl::StatusOr<accord::v1::Bundle> report = (*bundle)->Commit();
    EXPECT_TRUE(report.ok());
    return report.ok() ? report->results(0).document_id() : "";
  }

  // Waits until the follower has read every document stored so far.
  void WaitForFollower() {
    const uint64_t want = *store_->DocumentCount();
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower_->store();
      if (store && store->DocumentCount().value_or(0) == want) return;
      absl::SleepFor(absl::Milliseconds(2));
    }
    FAIL() << "the follower did not catch up";
  }

  // Runs a watch on a thread; its status lands in *status when it ends.
  void Start(const WatchDocumentsRequest& request, Client* client,
             absl::Status* status, absl::Duration timeout = absl::Seconds(20)) {
    threads_.emplace_back([this, request, client, status, timeout] {
      *status = watcher_->Watch(
          request,
          [client](const WatchDocumentsResponse& r) {
            return client->Write(r);
          },
          CallDeadline(absl::Now() + timeout,
                       [client] { return client->Gone(); }));
    });
  }

  // Waits until the watches running number `n`.
  void WaitForWatches(int n) {
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (watcher_->active_watches() != n && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(2));
    }
    ASSERT_EQ(watcher_->active_watches(), n);
  }

  void JoinAll() {
    for (std::thread& t : threads_) t.join();
    threads_.clear();
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  normalize::Normalizer normalizer_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<ingest::Ingester> ingester_;
  std::unique_ptr<store::Follower> follower_;
  std::unique_ptr<Searcher> searcher_;
  std::unique_ptr<DocumentWatcher> watcher_;
  std::vector<std::thread> threads_;
};

TEST_F(DocumentWatcherTest, SendsNewMatchingDocumentsOnlyInStoreOrder) {
  // Stored before the watch: not sent without a resume token.
  Ingest("Old cybercrime news\n\nAn older report on cybercrime.\n");
  WaitForFollower();
  WatchDocumentsRequest request;
  request.set_query("cybercrime Cyberkriminalität");
  Client client;
  absl::Status status;
  Start(request, &client, &status, testing::Scaled(absl::Seconds(3)));
  WaitForWatches(1);
  const std::string en =
      Ingest("Cybercrime talks\n\nOfficials discussed cybercrime in Hanoi.\n");
  Ingest("Trade fair opens\n\nA trade fair on agriculture opened.\n");
  const std::string de = Ingest(
      "Gespräche über Cyberkriminalität\n\nDie Minister sprachen in Berlin "
      "über die Bekämpfung der Cyberkriminalität.\n");
  std::vector<WatchDocumentsResponse> got = client.WaitFor(2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].hit().document_id(), en);
  EXPECT_EQ(got[0].sequence(), 1u);
  EXPECT_EQ(got[0].hit().title(), "Cybercrime talks");
  ASSERT_GT(got[0].hit().snippets_size(), 0);
  EXPECT_THAT(got[0].hit().snippets(0).marked_text(),
              ::testing::HasSubstr("<mark>Cybercrime</mark>"));
  EXPECT_EQ(got[1].hit().document_id(), de);
  EXPECT_EQ(got[1].sequence(), 3u);
  EXPECT_EQ(*DecodeResumeToken(got[1].resume_token()), 4u);
  JoinAll();
  EXPECT_TRUE(absl::IsDeadlineExceeded(status)) << status;
  // Nothing else arrived: not the trade fair, not the old report, nothing
  // twice.
  EXPECT_EQ(client.Received().size(), 2u);
}

TEST_F(DocumentWatcherTest, AResumedWatchGetsWhatFollowedItsTokenOnce) {
  WatchDocumentsRequest request;
  request.add_languages("en");  // a filter without words
  // The client takes one message and goes away.
  Client first(1);
  absl::Status first_status;
  Start(request, &first, &first_status);
  WaitForWatches(1);
  const std::string a = Ingest(
      "Talks in Hanoi\n\nThe talks between the two delegations were held "
      "in Hanoi on Monday and covered trade and security.\n");
  JoinAll();
  EXPECT_TRUE(absl::IsCancelled(first_status)) << first_status;
  ASSERT_EQ(first.Received().size(), 1u);
  EXPECT_EQ(first.Received()[0].hit().document_id(), a);

  // While it is away: two English documents and a French one, more than
  // one batch.
  const std::string b = Ingest(
      "Visit to Moscow\n\nThe minister visited Moscow this week and met "
      "his counterpart to discuss the cooperation of the two countries.\n");
  Ingest(
      "Visite à Paris\n\nLe ministre a visité Paris cette semaine et a "
      "rencontré ses homologues pour parler de la coopération entre les "
      "deux pays.\n");
  const std::string c = Ingest(
      "Signing in Jakarta\n\nThe agreement was signed in Jakarta on "
      "Friday by the ministers of the two countries after long talks.\n");

  // Visible before the client comes back: otherwise a heartbeat may come
  // between b and c.
  WaitForFollower();
  request.set_resume_token(first.Received()[0].resume_token());
  request.mutable_heartbeat_interval()->set_nanos(50'000'000);
  Client second;
  absl::Status second_status;
  Start(request, &second, &second_status, testing::Scaled(absl::Seconds(2)));
  std::vector<WatchDocumentsResponse> got = second.WaitFor(3);
  ASSERT_GE(got.size(), 3u);
  EXPECT_EQ(got[0].hit().document_id(), b);
  EXPECT_EQ(got[1].hit().document_id(), c);
  // Then a progress message: no document, the position after the last.
  EXPECT_FALSE(got[2].has_hit());
  EXPECT_EQ(got[2].sequence(), 4u);
  EXPECT_EQ(*DecodeResumeToken(got[2].resume_token()), 4u);
  JoinAll();
  for (size_t i = 2; i < second.Received().size(); ++i) {
    EXPECT_FALSE(second.Received()[i].has_hit()) << i;
  }
}

TEST_F(DocumentWatcherTest, RefusesBadRequestsAndEndsOnStop) {
  Ingest("One\n\nA first document.\n");
  auto refused = [&](const WatchDocumentsRequest& request) {
    Client client;
    return watcher_->Watch(
        request,
        [&client](const WatchDocumentsResponse& r) { return client.Write(r); },
        CallDeadline(absl::Now() + absl::Seconds(5)));
  };
  WatchDocumentsRequest bad_token;
  bad_token.set_resume_token("not-a-token");
  absl::Status status = refused(bad_token);
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_EQ(rpc::ErrorReasonOf(status), "INVALID_RESUME_TOKEN");
  // A page token of a search is not a resume token.
  bad_token.set_resume_token(EncodePageToken({1, 0, "0123456789abcdef"}));
  EXPECT_EQ(rpc::ErrorReasonOf(refused(bad_token)), "INVALID_RESUME_TOKEN");
  WatchDocumentsRequest future;
  future.set_resume_token(EncodeResumeToken(99));
  status = refused(future);
  EXPECT_EQ(rpc::ErrorReasonOf(status), "INVALID_RESUME_TOKEN");
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("another"));
  WatchDocumentsRequest heartbeat;
  heartbeat.mutable_heartbeat_interval()->set_seconds(7200);
  EXPECT_EQ(rpc::ErrorReasonOf(refused(heartbeat)), "INVALID_HEARTBEAT");
  WatchDocumentsRequest query;
  query.set_query("\"unclosed");
  EXPECT_EQ(rpc::ErrorReasonOf(refused(query)), "INVALID_QUERY");
  WatchDocumentsRequest filter;
  filter.add_entity_ids("Vietnam");
  EXPECT_EQ(rpc::ErrorReasonOf(refused(filter)), "INVALID_FILTER");

  // Two watches are the limit here; a third is refused.
  Client one, two;
  absl::Status one_status, two_status;
  Start(WatchDocumentsRequest(), &one, &one_status);
  Start(WatchDocumentsRequest(), &two, &two_status);
  WaitForWatches(2);
  status = refused(WatchDocumentsRequest());
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_EQ(rpc::ErrorReasonOf(status), "TOO_MANY_WATCHES");
  // Stop ends both, saying why.
  watcher_->Stop();
  JoinAll();
  EXPECT_TRUE(absl::IsUnavailable(one_status)) << one_status;
  EXPECT_EQ(rpc::ErrorReasonOf(one_status), "SHUTTING_DOWN");
  EXPECT_EQ(rpc::ErrorReasonOf(two_status), "SHUTTING_DOWN");
  EXPECT_EQ(watcher_->active_watches(), 0);
}

TEST(ResumeTokenTest, RoundTripsAndRefusesOtherText) {
  for (uint64_t sequence : {0ull, 1ull, 127ull, 128ull, 4294967295ull}) {
    absl::StatusOr<uint64_t> decoded =
        DecodeResumeToken(EncodeResumeToken(sequence));
    ASSERT_TRUE(decoded.ok()) << sequence;
    EXPECT_EQ(*decoded, sequence);
  }
  EXPECT_FALSE(DecodeResumeToken("").ok());
  std::string token = EncodeResumeToken(5);
  token.back() = token.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(DecodeResumeToken(token).ok());
}

}  // namespace
}  // namespace accord::query
