#include "ingest-service/metadata_check.h"

#include "common/parse/reject.h"
#include "gtest/gtest.h"

namespace accord::ingest {
namespace {

accord::v1::RejectReason ReasonFor(const accord::v1::DocumentMetadata& m) {
  return RejectReasonOf(CheckDocumentMetadata(m));
}

TEST(CheckDocumentMetadataTest, AcceptsEmptyAndWellFormedMetadata) {
  accord::v1::DocumentMetadata metadata;
  EXPECT_TRUE(CheckDocumentMetadata(metadata).ok());
  metadata.set_source_url("https://www.vietnamplus.vn/a-b-c.vnp?x=1#top");
  metadata.set_language_hint("fr-CA");
  metadata.set_title_hint("Une dépêche");
  EXPECT_TRUE(CheckDocumentMetadata(metadata).ok());
  metadata.set_language_hint("zh-Hant-TW");
  EXPECT_TRUE(CheckDocumentMetadata(metadata).ok());
}

TEST(CheckDocumentMetadataTest, RejectsMalformedFields) {
  for (const char* url : {"ftp://x/y", "https://", "https:// spaces.org/",
                          "example.org/page", "http://a\tb"}) {
    accord::v1::DocumentMetadata metadata;
    metadata.set_source_url(url);
    EXPECT_EQ(ReasonFor(metadata), accord::v1::REJECT_REASON_INVALID_METADATA)
        << url;
  }
  for (const char* tag : {"e", "english", "en--US", "1x", "en-toolongsubtag"}) {
    accord::v1::DocumentMetadata metadata;
    metadata.set_language_hint(tag);
    EXPECT_EQ(ReasonFor(metadata), accord::v1::REJECT_REASON_INVALID_METADATA)
        << tag;
  }
  accord::v1::DocumentMetadata metadata;
  metadata.mutable_publication_time()->set_seconds(300000000000);
  EXPECT_EQ(ReasonFor(metadata), accord::v1::REJECT_REASON_INVALID_METADATA);
}

TEST(CheckBundleHeaderTest, BoundsAndControlCharacters) {
  EXPECT_TRUE(CheckBundleHeader("crawler-7", "Morgenlage", "r-1").ok());
  EXPECT_FALSE(CheckBundleHeader(std::string(257, 's'), "", "").ok());
  EXPECT_FALSE(CheckBundleHeader("s", "bad\x01label", "").ok());
  EXPECT_FALSE(CheckBundleHeader("s", "", "id\n").ok());
}

}  // namespace
}  // namespace accord::ingest
