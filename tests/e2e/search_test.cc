// SearchDocuments over gRPC: paging while another client keeps ingesting,
// and errors with their ErrorInfo reasons.
#include <atomic>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

std::string Dispatch(int n) {
  return absl::StrCat("Cyber consultations, round ", n,
                      "\n\nGeneva (AP) – Delegations held round ", n,
                      " of consultations on information security and "
                      "cybercrime cooperation.\n");
}

TEST(SearchTest, PagingIsStableWhileIngestGoesOn) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  std::vector<accord::v1::DocumentInput> first;
  for (int i = 0; i < 30; ++i) first.push_back(TextInput(Dispatch(i)));
  accord::v1::Bundle bundle = (*cluster)->Ingest(first);
  ASSERT_EQ(bundle.counts().created(), 30u);
  ASSERT_TRUE(
      (*cluster)->WaitForDocument(bundle.results(29).document_id()).ok());

  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 1000; !stop && i < 1200; ++i) {
      (*cluster)->Ingest({TextInput(Dispatch(i))});
    }
  });

  accord::v1::SearchDocumentsRequest request;
  request.set_query("\"information security\" cybercrime");
  request.set_page_size(4);
  std::vector<std::string> seen;
  int64_t total = -1;
  do {
    accord::v1::SearchDocumentsResponse response;
    grpc::ClientContext context;
    grpc::Status status =
        (*cluster)->query_stub().SearchDocuments(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    if (total < 0) total = response.total_size();
    EXPECT_EQ(response.total_size(), total);
    for (const auto& hit : response.hits()) {
      seen.push_back(hit.document_id());
      ASSERT_GE(hit.snippets_size(), 1);
      EXPECT_NE(hit.snippets(0).marked_text().find("<mark>"),
                std::string::npos);
    }
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  stop = true;
  writer.join();

  EXPECT_GE(total, 30);
  EXPECT_EQ(static_cast<int64_t>(seen.size()), total);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(),
            seen.size());
}

TEST(SearchTest, BadRequestsAreInvalidArgumentWithReasons) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  accord::v1::Bundle bundle = (*cluster)->Ingest({TextInput(Dispatch(1))});
  ASSERT_TRUE(
      (*cluster)->WaitForDocument(bundle.results(0).document_id()).ok());
  struct Case {
    std::string query;
    std::string token;
    std::string reason;
  };
  for (const Case& c :
       std::vector<Case>{{"\"unclosed phrase", "", "INVALID_QUERY"},
                         {"-only", "", "INVALID_QUERY"},
                         {"", "", "INVALID_QUERY"},
                         {"cyber", "garbage!", "INVALID_PAGE_TOKEN"}}) {
    accord::v1::SearchDocumentsRequest request;
    request.set_query(c.query);
    request.set_page_token(c.token);
    accord::v1::SearchDocumentsResponse response;
    grpc::ClientContext context;
    grpc::Status status =
        (*cluster)->query_stub().SearchDocuments(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << c.query;
    EXPECT_EQ(ErrorReason(status), c.reason) << c.query;
  }
  EXPECT_EQ(Cluster::Health((*cluster)->query().address()),
            grpc::health::v1::HealthCheckResponse::SERVING);
}

}  // namespace
}  // namespace accord::e2e
