#include "query-service/search/page_token.h"

#include <string>
#include <tuple>
#include <vector>

#include "common/rpc/status.h"
#include "gtest/gtest.h"

namespace accord::query {
namespace {

TEST(PageTokenTest, RoundTrips) {
  PageToken token{123456, 40, std::string(16, 'a')};
  absl::StatusOr<PageToken> decoded = DecodePageToken(EncodePageToken(token));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->snapshot, 123456u);
  EXPECT_EQ(decoded->offset, 40u);
  EXPECT_EQ(decoded->fingerprint, token.fingerprint);
}

TEST(PageTokenTest, RejectsForeignAndDamagedTokens) {
  std::string good = EncodePageToken({5, 10, std::string(16, 'f')});
  for (const std::string& bad : {std::string("hello"), std::string("!!!"),
                                 good.substr(0, good.size() - 3), good + "AAAA",
                                 std::string(300, 'A')}) {
    EXPECT_TRUE(absl::IsInvalidArgument(DecodePageToken(bad).status())) << bad;
  }
}

// Found by fuzz_page_token: base64 padding and an overlong varint gave
// other spellings of a token, accepted although no server issued them.
TEST(PageTokenTest, RejectsOtherSpellingsOfAToken) {
  const std::string good = EncodePageToken({12, 10, std::string(16, '0')});
  ASSERT_TRUE(DecodePageToken(good).ok());
  // 0x01, snapshot 12 as the overlong varint 8C 00, offset 10, fingerprint.
  const std::string overlong = "AYwACjAwMDAwMDAwMDAwMDAwMDA";
  const std::string padded = good + std::string((4 - good.size() % 4) % 4, '=');
  ASSERT_NE(padded, good);
  for (const std::string& bad : {overlong, padded}) {
    EXPECT_TRUE(absl::IsInvalidArgument(DecodePageToken(bad).status())) << bad;
  }
}

TEST(RequestFingerprintTest, DependsOnQueryAndFiltersNotPaging) {
  accord::v1::SearchDocumentsRequest a;
  a.set_query("cyber");
  a.add_languages("en");
  accord::v1::SearchDocumentsRequest b = a;
  b.set_page_size(50);
  b.set_page_token("x");
  EXPECT_EQ(RequestFingerprint(a), RequestFingerprint(b));
  b.add_languages("fr");
  EXPECT_NE(RequestFingerprint(a), RequestFingerprint(b));
  accord::v1::SearchDocumentsRequest c = a;
  c.mutable_published_after()->set_seconds(0);
  EXPECT_NE(RequestFingerprint(a), RequestFingerprint(c));
  // "ab"+"c" and "a"+"bc" must differ.
  accord::v1::SearchDocumentsRequest d, e;
  d.set_query("ab");
  d.add_sources("c");
  e.set_query("a");
  e.add_sources("bc");
  EXPECT_NE(RequestFingerprint(d), RequestFingerprint(e));
}

TEST(ResolvePageTest, AFirstPageOrTheOneATokenContinues) {
  absl::StatusOr<PageToken> first = ResolvePage("", 7, "0123456789abcdef");
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->snapshot, 7u);
  EXPECT_EQ(first->offset, 0u);
  const std::string token = EncodePageToken({5, 20, "0123456789abcdef"});
  absl::StatusOr<PageToken> next = ResolvePage(token, 9, "0123456789abcdef");
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(next->snapshot, 5u);  // the first page's, not the store's now
  EXPECT_EQ(next->offset, 20u);
  for (const auto& [text, count, fingerprint] :
       std::vector<std::tuple<std::string, uint64_t, std::string>>{
           {"garbage", 9, "0123456789abcdef"},
           {token, 9, "fedcba9876543210"},  // another request's
           {token, 4, "0123456789abcdef"},  // past this store
       }) {
    absl::StatusOr<PageToken> bad = ResolvePage(text, count, fingerprint);
    EXPECT_TRUE(absl::IsInvalidArgument(bad.status())) << bad.status();
    EXPECT_EQ(rpc::ErrorReasonOf(bad.status()), "INVALID_PAGE_TOKEN");
  }
}

}  // namespace
}  // namespace accord::query
