// QueryService.GetEntity against real servers: its errors, each with its
// code and ErrorInfo reason, over gRPC and through accordctl, and an entity
// a document mentions (the store tests cover assembling one in detail:
// common/store/store_entity_test.cc; seeds_test.cc the seeds' entities).
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

class EntityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
    ASSERT_TRUE(cluster.ok()) << cluster.status();
    cluster_ = *std::move(cluster);
    // Once a document is readable the query-service has the store open, so
    // the errors below are about the request, not STORE_UNAVAILABLE.
    accord::v1::Bundle stored = cluster_->Ingest({TextInput(
        "Talks on cyber norms\n\nHanoi (VNA) – Delegations of Vietnam and "
        "the United Nations discussed norms.\n")});
    ASSERT_EQ(stored.counts().created(), 1u);
    ASSERT_TRUE(
        cluster_->WaitForDocument(stored.results(0).document_id()).ok());
  }

  grpc::Status GetEntity(const std::string& id, int max_documents = 0) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(10));
    accord::v1::GetEntityRequest request;
    request.set_entity_id(id);
    request.set_max_documents(max_documents);
    accord::v1::GetEntityResponse response;
    return cluster_->query_stub().GetEntity(&context, request, &response);
  }

  grpc::Status SearchEntities(const accord::v1::SearchEntitiesRequest& request,
                              accord::v1::SearchEntitiesResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(10));
    return cluster_->query_stub().SearchEntities(&context, request, response);
  }

  // The id of the best match for `name`, "" when none.
  std::string BestMatch(const std::string& name) {
    accord::v1::SearchEntitiesRequest request;
    request.set_query(name);
    accord::v1::SearchEntitiesResponse response;
    grpc::Status status = SearchEntities(request, &response);
    EXPECT_TRUE(status.ok()) << name << ": " << status.error_message();
    return response.matches().empty() ? "" : response.matches(0).entity().id();
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
};

TEST_F(EntityTest, AMalformedIdIsInvalidArgument) {
  for (const std::string& bad :
       {std::string(""), std::string("VN"), std::string("Country/VN"),
        std::string("country/V N"), std::string("country/Việt"),
        std::string("country/VN\n"), "org/" + std::string(300, 'x')}) {
    grpc::Status status = GetEntity(bad);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad;
    EXPECT_EQ(ErrorReason(status), "INVALID_ENTITY_ID") << bad;
    // The message shows the id escaped and cut, never raw control bytes.
    EXPECT_FALSE(absl::StrContains(status.error_message(), "\n"))
        << status.error_message();
  }
}

TEST_F(EntityTest, AnUnknownIdIsNotFound) {
  grpc::Status status = GetEntity("country/ZW");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ErrorReason(status), "ENTITY_NOT_FOUND");
  EXPECT_TRUE(absl::StrContains(status.error_message(), "country/ZW"))
      << status.error_message();
}

// The document ingested in SetUp names Vietnam and the United Nations.
TEST_F(EntityTest, MentionedEntitiesAreRecords) {
  for (const char* id : {"country/VN", "org/un"}) {
    EXPECT_TRUE(GetEntity(id).ok()) << id;
  }
  auto [code, out] = Ctl("entity org/un");
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "United Nations")) << out;
}

TEST_F(EntityTest, MaxDocumentsOutOfRangeIsInvalidArgument) {
  for (int bad : {-1, 1001, 1 << 30}) {
    grpc::Status status = GetEntity("country/ZW", bad);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad;
    EXPECT_EQ(ErrorReason(status), "INVALID_MAX_DOCUMENTS") << bad;
  }
  // In range, the request is valid: the entity is just not there.
  for (int good : {0, 1, 1000}) {
    EXPECT_EQ(GetEntity("country/ZW", good).error_code(),
              grpc::StatusCode::NOT_FOUND)
        << good;
  }
}

TEST_F(EntityTest, AccordctlReportsTheErrorWithItsReason) {
  auto [code, out] = Ctl("entity country/ZW");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "NOT_FOUND")) << out;
  EXPECT_TRUE(absl::StrContains(out, "[ENTITY_NOT_FOUND]")) << out;
  std::tie(code, out) = Ctl("entity --json VN");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "[INVALID_ENTITY_ID]")) << out;
}

TEST_F(EntityTest, SearchEntitiesFindsNamesInOtherLanguagesBegunOrMistyped) {
  // Documents in French, German and Russian name the same two entities.
  accord::v1::Bundle stored = cluster_->Ingest(
      {TextInput("Coopération numérique\n\nParis (AFP) – Le Viêt Nam et les "
                 "Nations unies ont signé un accord sur la cybersécurité.\n"),
       TextInput("Gespräche in Genf\n\nGenf (dpa) – Vertreter Vietnams und "
                 "der Vereinten Nationen sprachen über Cyberkriminalität.\n"),
       TextInput("Переговоры в Ханое\n\nХаной (ТАСС) – Вьетнам и ООН "
                 "обсудили информационную безопасность.\n")});
  ASSERT_EQ(stored.counts().created(), 3u);
  ASSERT_TRUE(cluster_->WaitForDocument(stored.results(2).document_id()).ok());

  EXPECT_EQ(BestMatch("Nations Unies"), "org/un");
  EXPECT_EQ(BestMatch("ООН"), "org/un");
  EXPECT_EQ(BestMatch("Вьетнам"), "country/VN");
  EXPECT_EQ(BestMatch("VIỆT NAM"), "country/VN");
  EXPECT_EQ(BestMatch("Vietnma"), "country/VN");  // a typo
  EXPECT_EQ(BestMatch("united nat"), "org/un");   // a beginning

  // The match says how, and the entity carries what GetEntity gives.
  accord::v1::SearchEntitiesRequest request;
  request.set_query("Vereinte Nationen");
  request.add_kinds(accord::v1::ENTITY_KIND_ORGANIZATION);
  request.set_max_documents(2);
  accord::v1::SearchEntitiesResponse response;
  grpc::Status status = SearchEntities(request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_GE(response.matches_size(), 1);
  const accord::v1::EntityMatch& un = response.matches(0);
  EXPECT_EQ(un.entity().id(), "org/un");
  EXPECT_EQ(un.match_type(), accord::v1::NAME_MATCH_TYPE_EXACT);
  EXPECT_EQ(un.matched_name(), "vereinte nationen");
  EXPECT_GE(un.entity().document_count(), 3u);  // SetUp's and at least two
  EXPECT_EQ(un.entity().document_ids_size(), 2);
  EXPECT_FALSE(un.entity().first_seen_document_id().empty());
  for (const accord::v1::EntityMatch& match : response.matches()) {
    EXPECT_EQ(match.entity().kind(), accord::v1::ENTITY_KIND_ORGANIZATION)
        << match.entity().id();
  }
}

TEST_F(EntityTest, SearchEntitiesPagesAndRefusesBadRequests) {
  accord::v1::SearchEntitiesRequest request;
  request.set_query("v");  // Vietnam, Vereinte Nationen, ...: several
  request.set_page_size(1);
  accord::v1::SearchEntitiesResponse first;
  grpc::Status status = SearchEntities(request, &first);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(first.matches_size(), 1);
  ASSERT_GE(first.total_size(), 2);
  ASSERT_FALSE(first.next_page_token().empty());
  request.set_page_token(first.next_page_token());
  accord::v1::SearchEntitiesResponse second;
  status = SearchEntities(request, &second);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(second.matches_size(), 1);
  EXPECT_NE(second.matches(0).entity().id(), first.matches(0).entity().id());
  EXPECT_EQ(second.total_size(), first.total_size());

  struct Bad {
    std::string query;
    int page_size;
    int max_documents;
    std::string page_token;
    std::string reason;
  };
  for (const Bad& bad : std::vector<Bad>{
           {"", 0, 0, "", "INVALID_QUERY"},
           {"?!", 0, 0, "", "INVALID_QUERY"},
           {std::string(201, 'x'), 0, 0, "", "INVALID_QUERY"},
           {"v", -1, 0, "", "INVALID_PAGE_SIZE"},
           {"v", 0, 101, "", "INVALID_MAX_DOCUMENTS"},
           {"v", 0, 0, "bm90IGEgdG9rZW4", "INVALID_PAGE_TOKEN"},
           {"vi", 1, 0, first.next_page_token(), "INVALID_PAGE_TOKEN"}}) {
    accord::v1::SearchEntitiesRequest r;
    r.set_query(bad.query);
    r.set_page_size(bad.page_size);
    r.set_max_documents(bad.max_documents);
    r.set_page_token(bad.page_token);
    accord::v1::SearchEntitiesResponse ignored;
    status = SearchEntities(r, &ignored);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << bad.reason << " " << bad.query.substr(0, 10);
    EXPECT_EQ(ErrorReason(status), bad.reason) << bad.query.substr(0, 10);
  }
  accord::v1::SearchEntitiesRequest unknown_kind;
  unknown_kind.set_query("v");
  unknown_kind.add_kinds(static_cast<accord::v1::EntityKind>(42));
  accord::v1::SearchEntitiesResponse ignored;
  status = SearchEntities(unknown_kind, &ignored);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ErrorReason(status), "INVALID_FILTER");
}

TEST_F(EntityTest, AccordctlEntitiesPrintsMatchesReadablyAndAsJson) {
  auto [code, out] = Ctl("entities united nations");
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out,
                                "org/un  United Nations  (organization)"
                                "  exact \"united nations\""))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "matching entities")) << out;
  std::tie(code, out) = Ctl("entities --json --kinds=country Vietnam");
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(
      absl::StrContains(out, "\"matchType\": \"NAME_MATCH_TYPE_EXACT\"") ||
      absl::StrContains(out, "\"match_type\": \"NAME_MATCH_TYPE_EXACT\""))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "country/VN")) << out;
  EXPECT_FALSE(absl::StrContains(out, "org/un")) << out;
  std::tie(code, out) = Ctl("entities -- '?!'");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "[INVALID_QUERY]")) << out;
}

// ListEvents over gRPC: the document of SetUp has no event of two
// countries, and a request without a filter is refused with its reason.
TEST_F(EntityTest, ListEventsAnswersAndRefusesOverGrpc) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  accord::v1::ListEventsRequest request;
  request.add_participant_ids("country/VN");
  request.add_participant_ids("country/ZW");
  accord::v1::ListEventsResponse response;
  grpc::Status status =
      cluster_->query_stub().ListEvents(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.total_size(), 0);

  grpc::ClientContext refused_context;
  accord::v1::ListEventsRequest unfiltered;
  unfiltered.add_types(accord::v1::EVENT_TYPE_MEETING);
  status = cluster_->query_stub().ListEvents(&refused_context, unfiltered,
                                             &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ErrorReason(status), "FILTER_REQUIRED");
  auto [code, out] = Ctl("events --start_date=2017-13");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "[INVALID_FILTER]")) << out;
}

}  // namespace
}  // namespace accord::e2e
