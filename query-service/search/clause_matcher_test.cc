#include "query-service/search/clause_matcher.h"

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
