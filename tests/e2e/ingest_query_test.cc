// Ingest over gRPC, read over gRPC, while ingest goes on.
#include <algorithm>
#include <atomic>
#include <deque>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/testing/time_scale.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

using accord::v1::DOCUMENT_OUTCOME_CREATED;
using accord::v1::DOCUMENT_OUTCOME_UNCHANGED;

// A short agency-style article; `n` makes each one distinct content.
std::string Article(int language, int n) {
  switch (language % 6) {
    case 0:
      return absl::StrCat(
          "Partners review cyber cooperation, round ", n,
          "\n\nHanoi (VNA) – Delegations met on Monday for the ", n,
          "th round of consultations on information "
          "security and agreed to train experts together.\n");
    case 1:
      return absl::StrCat(
          "Les partenaires font le point, session ", n,
          "\n\nParis (AFP) – Les délégations se sont réunies "
          "lundi pour la ",
          n,
          "e session de consultations sur "
          "la sécurité de l’information et la cybercriminalité.\n");
    case 2:
      return absl::StrCat("Partner beraten über Cybersicherheit, Runde ", n,
                          "\n\nBerlin (dpa) – Die Delegationen trafen sich am "
                          "Montag zur ",
                          n,
                          ". Runde der Konsultationen über "
                          "Informationssicherheit und Cyberkriminalität.\n");
    case 3:
      return absl::StrCat("Los socios revisan la cooperación, ronda ", n,
                          "\n\nMadrid (EFE) – Las delegaciones se reunieron el "
                          "lunes en la ronda ",
                          n,
                          " de consultas sobre "
                          "seguridad de la información y ciberdelincuencia.\n");
    case 4:
      return absl::StrCat("Партнеры обсудили сотрудничество, раунд ", n,
                          "\n\nМосква (ТАСС) – Делегации встретились в "
                          "понедельник на ",
                          n,
                          "-м раунде консультаций по "
                          "международной информационной безопасности.\n");
    default:
      return absl::StrCat(
          "Các đối tác rà soát hợp tác, vòng ", n,
          "\n\nHà Nội (TTXVN) – Các đoàn đại biểu đã gặp nhau "
          "vào thứ Hai trong vòng tham vấn thứ ",
          n, " về an ninh thông tin và phòng chống tội phạm mạng.\n");
  }
}

TEST(IngestQueryTest, IngestsThenReportsUnchangedAndServesDocuments) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  std::vector<accord::v1::DocumentInput> docs;
  for (int i = 0; i < 6; ++i) {
    docs.push_back(TextInput(Article(i, 1), absl::StrCat("doc-", i)));
  }
  accord::v1::Bundle first = (*cluster)->Ingest(docs);
  ASSERT_EQ(first.results_size(), 6);
  EXPECT_EQ(first.counts().created(), 6u);
  accord::v1::Bundle again = (*cluster)->Ingest(docs);
  EXPECT_EQ(again.counts().unchanged(), 6u);
  EXPECT_NE(again.id(), first.id());

  const char* languages[] = {"en", "fr", "de", "es", "ru", "vi"};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(again.results(i).outcome(), DOCUMENT_OUTCOME_UNCHANGED);
    EXPECT_EQ(again.results(i).document_id(), first.results(i).document_id());
    absl::StatusOr<accord::v1::Document> doc =
        (*cluster)->WaitForDocument(first.results(i).document_id());
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ(doc->language().code(), languages[i]);
    EXPECT_FALSE(doc->title().empty());
    EXPECT_FALSE(doc->dateline().agency().empty()) << languages[i];
    EXPECT_EQ(doc->source().client_ref(), absl::StrCat("doc-", i));
  }

  accord::v1::BatchGetDocumentsRequest batch;
  batch.add_document_ids(first.results(3).document_id());
  batch.add_document_ids(std::string(32, '0'));
  accord::v1::BatchGetDocumentsResponse batch_response;
  grpc::ClientContext context;
  ASSERT_TRUE((*cluster)
                  ->query_stub()
                  .BatchGetDocuments(&context, batch, &batch_response)
                  .ok());
  ASSERT_EQ(batch_response.documents_size(), 1);
  EXPECT_EQ(batch_response.documents(0).language().code(), "es");
  ASSERT_EQ(batch_response.missing_ids_size(), 1);
}

TEST(IngestQueryTest,
     DocumentsAreReadableWithinTheFreshnessBoundWhileIngestGoesOn) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  constexpr int kBundles = 24;
  constexpr int kPerBundle = 5;

  absl::Mutex mu;
  std::deque<std::pair<std::string, absl::Time>> acknowledged;
  bool done = false;
  std::thread writer([&] {
    for (int b = 0; b < kBundles; ++b) {
      std::vector<accord::v1::DocumentInput> docs;
      for (int d = 0; d < kPerBundle; ++d) {
        docs.push_back(TextInput(Article(b + d, b * kPerBundle + d + 100)));
      }
      accord::v1::Bundle bundle = (*cluster)->Ingest(docs);
      absl::Time acked = absl::Now();
      absl::MutexLock lock(&mu);
      for (const auto& result : bundle.results()) {
        EXPECT_EQ(result.outcome(), DOCUMENT_OUTCOME_CREATED)
            << result.message();
        acknowledged.emplace_back(result.document_id(), acked);
      }
    }
    absl::MutexLock lock(&mu);
    done = true;
  });

  std::vector<absl::Duration> lags;
  while (true) {
    std::pair<std::string, absl::Time> next;
    {
      absl::MutexLock lock(&mu);
      auto ready = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu) {
        return !acknowledged.empty() || done;
      };
      mu.Await(absl::Condition(&ready));
      if (acknowledged.empty()) break;  // done, and all read
      next = acknowledged.front();
      acknowledged.pop_front();
    }
    absl::StatusOr<accord::v1::Document> doc =
        (*cluster)->WaitForDocument(next.first, absl::Seconds(10));
    ASSERT_TRUE(doc.ok()) << doc.status();
    lags.push_back(absl::Now() - next.second);
  }
  writer.join();
  ASSERT_EQ(lags.size(), static_cast<size_t>(kBundles * kPerBundle));
  std::sort(lags.begin(), lags.end());
  // docs/STORAGE.md: readable within one catch-up interval plus one
  // catch-up. The slack covers a loaded 2-core CI machine.
  const absl::Duration bound =
      kCatchUpInterval + testing::Scaled(absl::Seconds(1));
  EXPECT_LT(lags.back(), bound) << "median " << lags[lags.size() / 2];
  std::cout << "freshness lag: median " << lags[lags.size() / 2] << ", max "
            << lags.back() << " over " << lags.size() << " documents\n";
}

TEST(IngestQueryTest, StreamIngestStoresOneBundleFromManyMessages) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  accord::v1::StreamIngestResponse response;
  grpc::ClientContext context;
  auto writer = (*cluster)->ingest_stub().StreamIngest(&context, &response);
  for (int m = 0; m < 4; ++m) {
    accord::v1::StreamIngestRequest message;
    if (m == 0) {
      message.set_submitter("stream-test");
      message.set_label("four messages");
    }
    for (int d = 0; d < 3; ++d) {
      *message.add_documents() = TextInput(Article(m + d, 1000 + m * 3 + d));
    }
    ASSERT_TRUE(writer->Write(message));
  }
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.bundle().counts().created(), 12u);
  EXPECT_EQ(response.bundle().submitter(), "stream-test");

  accord::v1::GetBundleRequest get;
  get.set_bundle_id(response.bundle().id());
  accord::v1::GetBundleResponse stored;
  grpc::ClientContext get_context;
  ASSERT_TRUE(
      (*cluster)->ingest_stub().GetBundle(&get_context, get, &stored).ok());
  EXPECT_EQ(stored.bundle().results_size(), 12);
  EXPECT_EQ(stored.bundle().label(), "four messages");
}

}  // namespace
}  // namespace accord::e2e
