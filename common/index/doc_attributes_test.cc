#include "common/index/doc_attributes.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::index {
namespace {

using ::testing::ElementsAre;

TEST(DocAttributesTest, DerivesSourcesAndRoundTrips) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("fr");
  doc.mutable_source()->set_agency("VNA");
  doc.mutable_dateline()->set_agency("VNA");
  doc.mutable_source()->set_url("https://www.VietnamPlus.vn:443/x?y=1");
  doc.mutable_publication()->mutable_time()->set_seconds(-86400);
  DocAttributes attributes = AttributesOf(doc, 42);
  EXPECT_EQ(attributes.length, 42u);
  EXPECT_EQ(attributes.language, "fr");
  EXPECT_TRUE(attributes.has_published);
  EXPECT_THAT(attributes.sources,
              ElementsAre("vna", "www.vietnamplus.vn", "vietnamplus.vn"));
  absl::StatusOr<DocAttributes> decoded =
      DecodeDocAttributes(EncodeDocAttributes(attributes));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, attributes);
}

TEST(DocAttributesTest, UnknownLanguageAndNoDate) {
  DocAttributes attributes = AttributesOf(accord::v1::Document(), 0);
  EXPECT_EQ(attributes.language, "und");
  EXPECT_FALSE(attributes.has_published);
  EXPECT_TRUE(attributes.sources.empty());
  EXPECT_EQ(*DecodeDocAttributes(EncodeDocAttributes(attributes)), attributes);
}

TEST(DocAttributesTest, RejectsTruncatedData) {
  DocAttributes attributes;
  attributes.language = "en";
  attributes.sources = {"afp"};
  std::string data = EncodeDocAttributes(attributes);
  for (size_t n = 0; n < data.size(); ++n) {
    EXPECT_FALSE(DecodeDocAttributes(data.substr(0, n)).ok()) << n;
  }
}

// Found by fuzz_doc_attributes: a flag byte other than 0 and 1 and bytes
// after the last source decoded, so damaged values passed as good ones.
TEST(DocAttributesTest, RejectsValuesEncodeCannotWrite) {
  DocAttributes attributes;
  attributes.language = "de";
  attributes.has_published = true;
  attributes.published_seconds = 5;
  std::string good = EncodeDocAttributes(attributes);
  ASSERT_TRUE(DecodeDocAttributes(good).ok());
  std::string flag_two = good;
  flag_two[4] = 2;  // length, "\x02de", flag
  EXPECT_TRUE(absl::IsDataLoss(DecodeDocAttributes(flag_two).status()));
  EXPECT_TRUE(absl::IsDataLoss(DecodeDocAttributes(good + "x").status()));
}

// Found by fuzz_doc_attributes: white space around a URL's host ("https://
// example.org /x") stayed in its source key, and NormalizeSourceKey strips
// it from every filter, so no filter could name that source.
TEST(DocAttributesTest, SourceKeysAreNormalized) {
  accord::v1::Document doc;
  doc.mutable_source()->set_url("https:// WWW. Example.org /x");
  DocAttributes attributes = AttributesOf(doc, 1);
  for (const std::string& key : attributes.sources) {
    EXPECT_EQ(NormalizeSourceKey(key), key);
  }
  EXPECT_THAT(attributes.sources,
              ElementsAre("www. example.org", "example.org"));
}

}  // namespace
}  // namespace accord::index
