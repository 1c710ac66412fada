#include "common/parse/content_type.h"

#include "common/parse/reject.h"
#include "gtest/gtest.h"

namespace accord {
namespace {

TEST(ParseContentTypeTest, EmptyMeansPlainText) {
  absl::StatusOr<ContentType> type = ParseContentType("  ");
  ASSERT_TRUE(type.ok());
  EXPECT_EQ(type->media_type, "text/plain");
  EXPECT_EQ(type->charset, "");
}

TEST(ParseContentTypeTest, LowercasesTypeAndReadsQuotedCharset) {
  absl::StatusOr<ContentType> type =
      ParseContentType("Text/Plain; format=flowed; Charset=\"ISO-8859-1\"");
  ASSERT_TRUE(type.ok());
  EXPECT_EQ(type->media_type, "text/plain");
  EXPECT_EQ(type->charset, "ISO-8859-1");
}

TEST(ParseContentTypeTest, RejectsNonMediaTypes) {
  for (const char* bad :
       {"plain", "text/", "/plain", "text/pl ain", "t\xC3\xA9xt/plain"}) {
    absl::StatusOr<ContentType> type = ParseContentType(bad);
    ASSERT_FALSE(type.ok()) << bad;
    EXPECT_EQ(RejectReasonOf(type.status()),
              accord::v1::REJECT_REASON_UNSUPPORTED_CONTENT_TYPE);
  }
}

}  // namespace
}  // namespace accord
