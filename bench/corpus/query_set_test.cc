#include "bench/corpus/query_set.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "bench/corpus/generator.h"
#include "gtest/gtest.h"

namespace accord::bench {
namespace {

constexpr uint64_t kSeed = 42;
constexpr uint64_t kCorpus = 1000;

TEST(QuerySetTest, Deterministic) {
  const std::vector<BenchQuery> a = GenerateQueries(kSeed, kCorpus, 50);
  const std::vector<BenchQuery> b = GenerateQueries(kSeed, kCorpus, 50);
  ASSERT_EQ(a.size(), 150u);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].text, b[i].text);
  EXPECT_NE(GenerateQueries(kSeed + 1, kCorpus, 50)[0].text +
                GenerateQueries(kSeed + 1, kCorpus, 50)[60].text,
            a[0].text + a[60].text);
}

TEST(QuerySetTest, KindsHaveTheirShape) {
  const std::vector<BenchQuery> queries = GenerateQueries(kSeed, kCorpus, 100);
  int per_kind[3] = {0, 0, 0};
  for (const BenchQuery& q : queries) {
    ++per_kind[static_cast<int>(q.kind)];
    const std::vector<std::string> words = QueryWords(q.text);
    switch (q.kind) {
      case QueryKind::kOneTerm:
        EXPECT_EQ(words.size(), 1u) << q.text;
        EXPECT_EQ(words[0], q.text);
        break;
      case QueryKind::kMultiTerm:
        EXPECT_GE(words.size(), 2u) << q.text;
        EXPECT_LE(words.size(), 4u) << q.text;
        EXPECT_FALSE(absl::StrContains(q.text, "\""));
        break;
      case QueryKind::kPhrase:
        EXPECT_GE(words.size(), 2u) << q.text;
        EXPECT_LE(words.size(), 3u) << q.text;
        EXPECT_TRUE(absl::StartsWith(q.text, "\"") &&
                    absl::EndsWith(q.text, "\""))
            << q.text;
        break;
    }
    for (const std::string& w : words) {
      EXPECT_EQ(w.find_first_of("0123456789.,;:()'-"), std::string::npos)
          << q.text;
      EXPECT_FALSE(absl::StrContains(w, "’")) << q.text;
    }
  }
  EXPECT_EQ(per_kind[0], 100);
  EXPECT_EQ(per_kind[1], 100);
  EXPECT_EQ(per_kind[2], 100);
}

TEST(QuerySetTest, PhrasesOccurInTheCorpus) {
  const std::vector<GeneratedDoc> corpus = GenerateCorpus(kSeed, kCorpus);
  for (const BenchQuery& q : GenerateQueries(kSeed, kCorpus, 100)) {
    if (q.kind != QueryKind::kPhrase) continue;
    const std::string phrase = absl::StrJoin(QueryWords(q.text), " ");
    bool found = false;
    for (const GeneratedDoc& doc : corpus) {
      if (absl::StrContains(doc.text, phrase)) {
        found = true;
        break;
      }
    }
    EXPECT_TRUE(found) << q.text;
  }
}

TEST(QuerySetTest, QueriesFollowTheLanguageShares) {
  int english = 0, total = 0;
  for (const BenchQuery& q : GenerateQueries(kSeed, kCorpus, 500)) {
    ++total;
    if (q.language == "en") ++english;
  }
  EXPECT_NEAR(english / double(total), 0.35, 0.06);
}

TEST(QuerySetTest, QueryWordsSplitsQuotedPhrases) {
  EXPECT_EQ(QueryWords("\"information security\""),
            (std::vector<std::string>{"information", "security"}));
  EXPECT_EQ(QueryWords("a b  c"), (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace accord::bench
