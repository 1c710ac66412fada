#include "common/index/token_spans.h"

#include <algorithm>
#include <random>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::index {
namespace {

using ::testing::ElementsAre;

std::vector<TokenSpan> Sample() {
  // A title of two words, a dateline of one, a paragraph with a word that
  // yielded no term (position 6 missing) and a long word.
  return {{0, kTitlePart, 0, 5},
          {1, kTitlePart, 6, 14},
          {3, kDatelinePart, 0, 6},
          {5, kFirstParagraphPart, 0, 3},
          {7, kFirstParagraphPart, 90, 300},
          {9, kFirstParagraphPart + 3, 2, 4}};
}

TEST(TokenSpansTest, RoundTrips) {
  const std::vector<TokenSpan> spans = Sample();
  const std::string value = EncodeTokenSpans(spans);
  absl::StatusOr<std::vector<TokenSpan>> decoded = DecodeTokenSpans(value);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, spans);
  // Small deltas: a few bytes a word, not four integers.
  EXPECT_LE(value.size(), 1 + 4 * spans.size() + 2);

  absl::StatusOr<std::vector<TokenSpan>> none =
      DecodeTokenSpans(EncodeTokenSpans({}));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(TokenSpansTest, FindsOnlyTheWantedPositions) {
  const std::string value = EncodeTokenSpans(Sample());
  const std::vector<uint32_t> wanted = {1, 2, 6, 7, 100};
  absl::StatusOr<std::vector<TokenSpan>> found = FindTokenSpans(value, wanted);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->size(), 2u);
  EXPECT_EQ((*found)[0], (TokenSpan{1, kTitlePart, 6, 14}));
  EXPECT_EQ((*found)[1], (TokenSpan{7, kFirstParagraphPart, 90, 300}));
  absl::StatusOr<std::vector<TokenSpan>> nothing = FindTokenSpans(value, {});
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->empty());
}

TEST(TokenSpansTest, RandomSpansRoundTripAndFind) {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<TokenSpan> spans;
    uint32_t position = random() % 3, part = 0, end = 0;
    const int n = random() % 300;
    for (int i = 0; i < n; ++i) {
      if (random() % 20 == 0) {
        part += 1 + random() % 3;
        end = 0;
      }
      TokenSpan span{position, part, end + static_cast<uint32_t>(random() % 4),
                     0};
      span.end = span.begin + 1 + random() % 40;
      end = span.end;
      spans.push_back(span);
      position += 1 + random() % 2;
    }
    const std::string value = EncodeTokenSpans(spans);
    absl::StatusOr<std::vector<TokenSpan>> decoded = DecodeTokenSpans(value);
    ASSERT_TRUE(decoded.ok()) << decoded.status();
    ASSERT_EQ(*decoded, spans);
    std::vector<uint32_t> wanted;
    std::vector<TokenSpan> expected;
    for (const TokenSpan& span : spans) {
      if (random() % 3 == 0) {
        wanted.push_back(span.position);
        expected.push_back(span);
      } else if (random() % 5 == 0 && span.position > 0 &&
                 (wanted.empty() || wanted.back() < span.position - 1)) {
        wanted.push_back(span.position - 1);  // may have no span
        auto it =
            std::find_if(spans.begin(), spans.end(), [&](const TokenSpan& s) {
              return s.position == span.position - 1;
            });
        if (it != spans.end()) expected.push_back(*it);
      }
    }
    absl::StatusOr<std::vector<TokenSpan>> found =
        FindTokenSpans(value, wanted);
    ASSERT_TRUE(found.ok()) << found.status();
    ASSERT_EQ(*found, expected);
  }
}

TEST(TokenSpansTest, MalformedValuesAreDataLoss) {
  const std::string value = EncodeTokenSpans(Sample());
  std::vector<std::string> bad = {
      "",                                      // no count
      value.substr(0, value.size() - 1),       // truncated
      value + "x",                             // trailing bytes
      std::string("\x00x", 2),                 // trailing after an empty list
      std::string("\xff\xff\xff\xff\x0f", 5),  // count past the end
  };
  // Two spans, the second at the same position as the first.
  bad.push_back(std::string("\x02\x03\x00\x00\x01\x00\x00\x00\x01", 9));
  // A span of length 0.
  bad.push_back(std::string("\x01\x00\x00\x00\x00", 5));
  for (const std::string& b : bad) {
    absl::StatusOr<std::vector<TokenSpan>> decoded = DecodeTokenSpans(b);
    EXPECT_EQ(decoded.status().code(), absl::StatusCode::kDataLoss)
        << ::testing::PrintToString(b);
  }
}

}  // namespace
}  // namespace accord::index
