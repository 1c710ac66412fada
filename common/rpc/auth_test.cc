#include "common/rpc/auth.h"

#include "absl/strings/str_cat.h"
#include "common/util/hash.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::rpc {
namespace {

using ::testing::HasSubstr;

constexpr char kIngestTokenInTable[] = "ingest-token-0123456789";
constexpr char kReadTokenInTable[] = "read-token-0123456789abc";

TEST(TokenTableTest, FindsEachTokenWithItsRoleAndName) {
  const std::string text = absl::StrCat(
      "# role token name\n\n", "ingest ", kIngestTokenInTable, " crawler\n",
      "  read\t", kReadTokenInTable, "\n",
      "admin sha256:", Sha256Hex("admin-token-0123456789"), " ops\n");
  absl::StatusOr<TokenTable> table = TokenTable::Parse(text, "tokens");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->size(), 3);
  const TokenClient* ingest = table->Find(kIngestTokenInTable);
  ASSERT_NE(ingest, nullptr);
  EXPECT_EQ(ingest->role, Role::kIngest);
  EXPECT_EQ(ingest->name, "crawler");
  const TokenClient* read = table->Find(kReadTokenInTable);
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(read->role, Role::kRead);
  EXPECT_EQ(read->name, "read-line-4");  // unnamed: role and line
  // A digest entry matches the token, not the digest itself.
  const TokenClient* admin = table->Find("admin-token-0123456789");
  ASSERT_NE(admin, nullptr);
  EXPECT_EQ(admin->role, Role::kAdmin);
  EXPECT_EQ(table->Find(Sha256Hex("admin-token-0123456789")), nullptr);
  EXPECT_EQ(table->Find("ingest-token-012345678"), nullptr);
  EXPECT_EQ(table->Find(""), nullptr);
}

TEST(TokenTableTest, RefusesBadEntriesNamingTheLine) {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"writer abcdefghijklmnopqrstuvwxyz\n", "tokens:1: unknown role"},
      {"# c\nread short\n", "tokens:2: the token is 5 characters"},
      {"read abcdefghijklmnop\"qrst\n", "letters, digits"},
      {"read sha256:ABCD\n", "64 lowercase hex"},
      {"read\n", "expected \"ROLE TOKEN [CLIENT_NAME]\""},
      {"read abcdefghijklmnopqrstuvwxyz a b\n", "expected"},
      {"read abcdefghijklmnopqrstuvwxyz\nadmin abcdefghijklmnopqrstuvwxyz\n",
       "tokens:2: this token is listed twice"},
      {"# nothing\n\n", "lists no tokens"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<TokenTable> table = TokenTable::Parse(c.text, "tokens");
    ASSERT_FALSE(table.ok()) << c.text;
    EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(table.status().message(), HasSubstr(c.message)) << c.text;
  }
}

TEST(TokenTableTest, LoadNamesAFileItCannotRead) {
  absl::StatusOr<TokenTable> table = TokenTable::Load("/nonexistent/tokens");
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(), HasSubstr("/nonexistent/tokens"));
}

TEST(AccessPolicyTest, MethodsOverrideTheirServiceAndUnknownNeedAdmin) {
  AccessPolicy policy;
  policy.AllowService("accord.v1.IngestService", {Role::kIngest});
  policy.AllowMethod("accord.v1.IngestService/GetBundle",
                     {Role::kIngest, Role::kRead});
  policy.MakePublic("grpc.health.v1.Health");
  policy.AllowAnyRole("grpc.reflection.v1.ServerReflection");

  AccessPolicy::Requirement ingest =
      policy.For("/accord.v1.IngestService/IngestBundle");
  EXPECT_EQ(ingest.need, AccessPolicy::Need::kRoles);
  EXPECT_TRUE(ingest.roles.Has(Role::kIngest));
  EXPECT_FALSE(ingest.roles.Has(Role::kRead));
  AccessPolicy::Requirement bundle =
      policy.For("/accord.v1.IngestService/GetBundle");
  EXPECT_TRUE(bundle.roles.Has(Role::kRead));
  EXPECT_EQ(bundle.roles.ToString(), "ingest or read");
  EXPECT_EQ(policy.For("/grpc.health.v1.Health/Check").need,
            AccessPolicy::Need::kNothing);
  EXPECT_EQ(
      policy.For("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")
          .need,
      AccessPolicy::Need::kAnyToken);
  EXPECT_EQ(policy.For("/accord.v1.AdminService/Backup").need,
            AccessPolicy::Need::kAdminOnly);
  EXPECT_EQ(policy.For("").need, AccessPolicy::Need::kAdminOnly);
  // A service's name is matched whole, not as a prefix.
  EXPECT_EQ(policy.For("/accord.v1.IngestServiceX/IngestBundle").need,
            AccessPolicy::Need::kAdminOnly);
}

}  // namespace
}  // namespace accord::rpc
