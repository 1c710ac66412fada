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

TEST(DocAttributesTest, KeepsEntitiesTopicsAndEventTypesOnce) {
  accord::v1::Document doc;
  for (const char* id : {"country/VN", "person/putin", "country/VN", ""}) {
    doc.add_entity_mentions()->set_entity_id(id);
  }
  doc.add_topics()->set_topic_id("topic/cybercrime");
  doc.add_topics()->set_topic_id("topic/information-security");
  doc.add_events()->set_type(accord::v1::EVENT_TYPE_SIGNING);
  doc.add_events()->set_type(accord::v1::EVENT_TYPE_MEETING);
  doc.add_events()->set_type(accord::v1::EVENT_TYPE_SIGNING);
  doc.add_events()->set_type(accord::v1::EVENT_TYPE_UNSPECIFIED);
  DocAttributes attributes = AttributesOf(doc, 7);
  EXPECT_THAT(attributes.entity_ids, ElementsAre("country/VN", "person/putin"));
  EXPECT_THAT(attributes.topic_ids,
              ElementsAre("topic/cybercrime", "topic/information-security"));
  EXPECT_THAT(attributes.event_types,
              ElementsAre(accord::v1::EVENT_TYPE_MEETING,
                          accord::v1::EVENT_TYPE_SIGNING));
  absl::StatusOr<DocAttributes> decoded =
      DecodeDocAttributes(EncodeDocAttributes(attributes));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, attributes);
}

// Values stored before the understanding part existed end after the
// sources; they must still decode, and encode back to the same bytes.
TEST(DocAttributesTest, ValuesWithoutTheUnderstandingPartStillDecode) {
  DocAttributes old;
  old.length = 3;
  old.language = "en";
  old.sources = {"vna"};
  const std::string bytes = EncodeDocAttributes(old);
  // length 3, "\x02en", no date, one source "\x03vna": nothing after.
  EXPECT_EQ(bytes, std::string("\x03\x02"
                               "en"
                               "\x00\x01\x03"
                               "vna",
                               10));
  absl::StatusOr<DocAttributes> decoded = DecodeDocAttributes(bytes);
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(decoded->entity_ids.empty());
  EXPECT_EQ(EncodeDocAttributes(*decoded), bytes);
  // An understanding part with nothing in it is not canonical.
  EXPECT_TRUE(absl::IsDataLoss(
      DecodeDocAttributes(bytes + std::string(3, '\0')).status()));
}

TEST(DocAttributesTest, RejectsATruncatedUnderstandingPart) {
  DocAttributes attributes;
  attributes.language = "ru";
  attributes.entity_ids = {"org/un"};
  attributes.topic_ids = {"topic/terrorism"};
  attributes.event_types = {300};
  const std::string data = EncodeDocAttributes(attributes);
  DocAttributes without = attributes;
  without.entity_ids.clear();
  without.topic_ids.clear();
  without.event_types.clear();
  const size_t base = EncodeDocAttributes(without).size();
  for (size_t n = base + 1; n < data.size(); ++n) {
    EXPECT_TRUE(
        absl::IsDataLoss(DecodeDocAttributes(data.substr(0, n)).status()))
        << n;
  }
}

}  // namespace
}  // namespace accord::index
