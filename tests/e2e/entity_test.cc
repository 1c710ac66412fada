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

}  // namespace
}  // namespace accord::e2e
