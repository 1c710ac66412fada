#include "query-service/search/clause_matcher.h"

#include <map>
#include <random>
#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::query {
namespace {

using ::testing::ElementsAre;

index::PostingList List(
    std::vector<std::pair<uint32_t, std::vector<uint32_t>>> entries) {
  index::PostingList list;
  list.position_starts.push_back(0);
  for (auto& [doc, positions] : entries) {
    list.docs.push_back(doc);
    list.freqs.push_back(positions.size());
    list.positions.insert(list.positions.end(), positions.begin(),
                          positions.end());
    list.position_starts.push_back(list.positions.size());
  }
  return list;
}

TEST(UnionPostingsTest, MergesDocumentsAndPositions) {
  index::PostingList merged = UnionPostings(List({{1, {3}}, {5, {1, 9}}}),
                                            List({{2, {4}}, {5, {2, 9}}}));
  EXPECT_THAT(merged.docs, ElementsAre(1, 2, 5));
  EXPECT_THAT(merged.freqs, ElementsAre(1, 1, 3));
  EXPECT_THAT(merged.PositionsOf(2), ElementsAre(1, 2, 9));
}

TEST(UnionPostingsTest, SumsFrequenciesWithoutPositions) {
  index::PostingList a, b;
  a.docs = {1, 4};
  a.freqs = {2, 1};
  b.docs = {4};
  b.freqs = {5};
  index::PostingList merged = UnionPostings(a, b);
  EXPECT_THAT(merged.docs, ElementsAre(1, 4));
  EXPECT_THAT(merged.freqs, ElementsAre(2, 6));
}

// The union of a word's alternatives, against a reference built with maps.
TEST(UnionPostingsTest, ManyListsAgreeWithAReference) {
  std::mt19937 random(3);
  for (int round = 0; round < 200; ++round) {
    const bool with_positions = round % 2 == 0;
    const int k = 1 + random() % 6;
    std::vector<index::PostingList> lists(k);
    std::map<uint32_t, std::set<uint32_t>> positions;
    std::map<uint32_t, uint32_t> freqs;
    for (index::PostingList& list : lists) {
      if (with_positions) list.position_starts.push_back(0);
      for (uint32_t doc = random() % 5; doc < 300; doc += 1 + random() % 20) {
        std::set<uint32_t> own;
        for (int n = 1 + random() % 4; n > 0; --n) own.insert(random() % 50);
        list.docs.push_back(doc);
        list.freqs.push_back(static_cast<uint32_t>(own.size()));
        freqs[doc] += own.size();
        if (with_positions) {
          list.positions.insert(list.positions.end(), own.begin(), own.end());
          list.position_starts.push_back(list.positions.size());
          positions[doc].insert(own.begin(), own.end());
        }
      }
    }
    std::vector<const index::PostingList*> pointers;
    for (const auto& list : lists) pointers.push_back(&list);
    index::PostingList merged;
    UnionPostings(pointers, &merged);
    ASSERT_EQ(merged.size(), freqs.size());
    size_t i = 0;
    for (const auto& [doc, freq] : freqs) {
      ASSERT_EQ(merged.docs[i], doc);
      if (with_positions) {
        absl::Span<const uint32_t> got = merged.PositionsOf(i);
        ASSERT_EQ(std::vector<uint32_t>(got.begin(), got.end()),
                  std::vector<uint32_t>(positions[doc].begin(),
                                        positions[doc].end()));
        ASSERT_EQ(merged.freqs[i], positions[doc].size());
      } else {
        ASSERT_EQ(merged.freqs[i], freq);
      }
      ++i;
    }
  }
}

TEST(MatchPhraseTest, CountsConsecutiveOccurrencesOnly) {
  // "information security": doc 1 has it twice, doc 2 has the words apart,
  // doc 3 lacks "security", doc 4 has them reversed.
  index::PostingList information =
      List({{1, {0, 10}}, {2, {0}}, {3, {5}}, {4, {7}}});
  index::PostingList security = List({{1, {1, 11}}, {2, {5}}, {4, {6}}});
  ClauseMatches matches = MatchPhrase({information, security});
  EXPECT_THAT(matches.docs, ElementsAre(1));
  EXPECT_THAT(matches.freqs, ElementsAre(2));
}

TEST(MatchPhraseTest, ThreeWords) {
  ClauseMatches matches =
      MatchPhrase({List({{7, {2, 20}}, {8, {1}}}),
                   List({{7, {3, 30}}, {8, {2}}}), List({{7, {4}}, {8, {9}}})});
  EXPECT_THAT(matches.docs, ElementsAre(7));
  EXPECT_THAT(matches.freqs, ElementsAre(1));
}

}  // namespace
}  // namespace accord::query
