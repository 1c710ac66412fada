#include "bench/corpus/corpus_stats.h"

#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace accord::bench {
namespace {

GeneratedDoc Doc(std::string text, std::string language) {
  GeneratedDoc doc;
  doc.text = std::move(text);
  doc.language = std::move(language);
  return doc;
}

TEST(CorpusStatsTest, CountsAnalyzedTermsNotSpellings) {
  absl::StatusOr<std::unique_ptr<DistinctTerms>> terms =
      DistinctTerms::Create();
  ASSERT_TRUE(terms.ok()) << terms.status();
  (*terms)->Add(Doc("Attacks attack ATTACKS.", "en"));
  EXPECT_EQ((*terms)->tokens(), 3u);
  EXPECT_EQ((*terms)->count(), 1u);  // one stem: "attack"
  (*terms)->Add(Doc("Angriffe, 1,234 angriffe", "de"));
  EXPECT_EQ((*terms)->count(), 3u);  // + "angriff", "1,234"
}

TEST(CorpusStatsTest, MeasuresEachPrefixOfOneCorpus) {
  absl::StatusOr<std::unique_ptr<CorpusGenerator>> corpus =
      CorpusGenerator::Create({.profile = CorpusProfile::kNews});
  ASSERT_TRUE(corpus.ok()) << corpus.status();
  absl::StatusOr<std::vector<CorpusStats>> stats =
      MeasureCorpus(**corpus, {600, 200}, 2, nullptr);
  ASSERT_TRUE(stats.ok()) << stats.status();
  ASSERT_EQ(stats->size(), 2u);
  EXPECT_EQ((*stats)[0].docs, 200u);
  EXPECT_EQ((*stats)[1].docs, 600u);
  uint64_t bytes = 0;
  for (const GeneratedDoc& doc : (*corpus)->Documents(200)) {
    bytes += doc.text.size();
  }
  EXPECT_EQ((*stats)[0].bytes, bytes);
  EXPECT_GT((*stats)[1].distinct_terms, (*stats)[0].distinct_terms);
  EXPECT_GT((*stats)[1].tokens, 2 * (*stats)[0].tokens);

  std::ostringstream table;
  PrintCorpusStats((*corpus)->options(), *stats, table);
  EXPECT_TRUE(absl::StrContains(table.str(), "distinct terms")) << table.str();
  EXPECT_TRUE(absl::StrContains(table.str(), "corpus news")) << table.str();
}

}  // namespace
}  // namespace accord::bench
