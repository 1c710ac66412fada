#include "tools/eval_extract/span_map.h"

#include "gtest/gtest.h"

namespace accord::eval_extract {
namespace {

using accord::v1::TEXT_PART_BODY;
using accord::v1::TEXT_PART_DATELINE;
using accord::v1::TEXT_PART_TITLE;

// A document as the normalizer leaves it: title, dateline, two paragraphs
// joined with "\n\n" (the second re-spaced: a glued word separated), and a
// caption line that is in no part.
accord::v1::Document Normalized() {
  accord::v1::Document doc;
  doc.set_title("Putin meets Quang");
  doc.mutable_dateline()->set_text("Da Nang (VNA) –");
  auto* p1 = doc.add_paragraphs();
  p1->set_text("President Putin met Quang.");
  p1->set_offset(0);
  auto* p2 = doc.add_paragraphs();
  p2->set_text("Quang thanked Putin in Da Nang.");
  p2->set_offset(28);
  return doc;
}

constexpr char kRaw[] =
    "Putin meets Quang\n"  // 0..17
    "\n"
    "Da Nang (VNA) – President Putin met Quang.\n"  // 19..
    "\n"
    "Putin and Quang (Photo: VNA)\n"  // a caption
    "\n"
    "Quang thanked Putin in\nDa Nang.\n";

TEST(SpanMapTest, MapsTitleDatelineAndBody) {
  const std::string raw = kRaw;
  const SpanMap map(raw, Normalized());
  EXPECT_EQ(map.unaligned_parts(), 0);

  auto at = [&](std::string_view surface, int nth) {
    size_t pos = raw.find(surface);
    for (int i = 1; i < nth; ++i) pos = raw.find(surface, pos + 1);
    return map.Map(pos, pos + surface.size());
  };
  auto title = at("Putin", 1);
  ASSERT_TRUE(title.has_value());
  EXPECT_EQ(title->part(), TEXT_PART_TITLE);
  EXPECT_EQ(title->begin(), 0u);
  EXPECT_EQ(title->end(), 5u);

  auto dateline = at("Da Nang", 1);
  ASSERT_TRUE(dateline.has_value());
  EXPECT_EQ(dateline->part(), TEXT_PART_DATELINE);
  EXPECT_EQ(dateline->begin(), 0u);

  auto body = at("Putin", 2);  // "President Putin met"
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ(body->part(), TEXT_PART_BODY);
  EXPECT_EQ(body->begin(), 10u);
  EXPECT_EQ(body->end(), 15u);

  EXPECT_FALSE(at("Putin", 3).has_value());  // in the caption

  // Across a line break the normalizer turned into a space.
  auto joined = at("in\nDa Nang", 1);
  ASSERT_TRUE(joined.has_value());
  EXPECT_EQ(joined->part(), TEXT_PART_BODY);
  EXPECT_EQ(joined->begin(), 28u + 20u);
  EXPECT_EQ(joined->end(), 28u + 30u);
}

TEST(SpanMapTest, PartNotInTheFileMapsNothing) {
  accord::v1::Document doc = Normalized();
  doc.set_title("A title from metadata");
  const SpanMap map(kRaw, doc);
  EXPECT_EQ(map.unaligned_parts(), 1);
  EXPECT_FALSE(map.Map(0, 5).has_value());
}

TEST(WhiteSpaceLengthTest, AsciiAndUnicodeSpaces) {
  EXPECT_EQ(WhiteSpaceLength(" x"), 1u);
  EXPECT_EQ(WhiteSpaceLength("\xC2\xA0x"), 2u);      // NBSP
  EXPECT_EQ(WhiteSpaceLength("\xE2\x80\xAFx"), 3u);  // NNBSP
  EXPECT_EQ(WhiteSpaceLength("\xE2\x80\x93"), 0u);   // en dash
  EXPECT_EQ(WhiteSpaceLength("x"), 0u);
}

}  // namespace
}  // namespace accord::eval_extract
