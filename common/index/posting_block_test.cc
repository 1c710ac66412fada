#include "common/index/posting_block.h"

#include <random>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::index {
namespace {

using ::testing::ElementsAre;

TEST(PostingBlockTest, RoundTripsDocumentsFrequenciesAndPositions) {
  PostingBlockBuilder builder;
  builder.Add(1000, {3});
  builder.Add(1001, {0, 7, 300});
  builder.Add(70000, {5, 6});
  std::string block = builder.Encode();
  PostingList list;
  ASSERT_TRUE(DecodeBlock(block, 1000, UINT32_MAX, true, &list).ok());
  EXPECT_THAT(list.docs, ElementsAre(1000, 1001, 70000));
  EXPECT_THAT(list.freqs, ElementsAre(1, 3, 2));
  EXPECT_THAT(list.PositionsOf(1), ElementsAre(0, 7, 300));
  EXPECT_THAT(list.PositionsOf(2), ElementsAre(5, 6));
  uint32_t count = 0;
  ASSERT_TRUE(BlockCount(block, &count).ok());
  EXPECT_EQ(count, 3u);
}

TEST(PostingBlockTest, AppendsBlocksAndStopsAtTheLimit) {
  PostingBlockBuilder first, second;
  first.Add(1, {1});
  first.Add(2, {2});
  second.Add(10, {4, 9});
  second.Add(11, {1});
  PostingList list;
  ASSERT_TRUE(DecodeBlock(first.Encode(), 1, 11, true, &list).ok());
  ASSERT_TRUE(DecodeBlock(second.Encode(), 10, 11, true, &list).ok());
  EXPECT_THAT(list.docs, ElementsAre(1, 2, 10));
  EXPECT_THAT(list.PositionsOf(2), ElementsAre(4, 9));
  ASSERT_EQ(list.position_starts.size(), 4u);

  PostingList no_positions;
  ASSERT_TRUE(DecodeBlock(second.Encode(), 10, 100, false, &no_positions).ok());
  EXPECT_THAT(no_positions.freqs, ElementsAre(2, 1));
  EXPECT_FALSE(no_positions.has_positions());
}

TEST(PostingBlockTest, RebuildsFromADecodedList) {
  PostingBlockBuilder builder;
  for (uint32_t d = 0; d < kMaxBlockDocuments; ++d)
    builder.Add(d * 3, {d, d + 1});
  EXPECT_TRUE(builder.full());
  PostingList list;
  ASSERT_TRUE(DecodeBlock(builder.Encode(), 0, UINT32_MAX, true, &list).ok());
  PostingBlockBuilder copy;
  for (size_t i = 0; i < list.size(); ++i) copy.AddFrom(list, i);
  EXPECT_EQ(copy.Encode(), builder.Encode());
}

TEST(PostingBlockTest, RejectsMalformedBlocks) {
  PostingBlockBuilder builder;
  builder.Add(5, {1, 2});
  builder.Add(9, {3});
  const std::string good = builder.Encode();
  PostingList list;
  EXPECT_FALSE(DecodeBlock("", 0, UINT32_MAX, true, &list).ok());
  EXPECT_FALSE(DecodeBlock("\x00", 0, UINT32_MAX, true, &list).ok());
  EXPECT_FALSE(
      DecodeBlock(good.substr(0, good.size() - 1), 5, UINT32_MAX, true, &list)
          .ok());
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    std::string junk(random() % 40, '\0');
    for (char& c : junk) c = static_cast<char>(random());
    PostingList out;
    // Garbage may decode or fail, but must never crash or overrun.
    (void)DecodeBlock(junk, random() % 100, UINT32_MAX, true, &out);
  }
}

// Found by fuzz_posting_block: blocks the builder never writes decoded
// anyway, into lists that broke the header's promises (documents past
// UINT32_MAX wrapped around, positions repeated or wrapped), and a block
// with bytes after its positions or a first document other than its key's
// was taken as if it were canonical.
TEST(PostingBlockTest, RejectsBlocksTheBuilderCannotWrite) {
  using namespace std::string_literals;
  const struct {
    const char* what;
    uint32_t first_doc;
    std::string block;
  } cases[] = {
      {"trailing bytes", 5, "\x01\x00\x01\x00\x07"s},
      {"first delta not 0", 5, "\x01\x04\x01\x00"s},
      {"repeated document", 5, "\x02\x00\x01\x00\x01\x00\x00"s},
      {"document past UINT32_MAX", 0xFFFFFFF0, "\x02\x00\x01\x20\x01\x00\x00"s},
      {"repeated position", 5, "\x01\x00\x02\x03\x00"s},
      {"position past UINT32_MAX", 5, "\x01\x00\x02\xff\xff\xff\xff\x0f\x02"s},
  };
  for (const auto& c : cases) {
    PostingList list;
    EXPECT_TRUE(absl::IsDataLoss(
        DecodeBlock(c.block, c.first_doc, UINT32_MAX, true, &list)))
        << c.what;
  }
}

}  // namespace
}  // namespace accord::index
