#include "bench/corpus/query_set.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "bench/corpus/aside_lines_testing.h"
#include "bench/corpus/generator.h"
#include "gtest/gtest.h"

namespace accord::bench {
namespace {

constexpr uint64_t kQuerySetSeed = 42;
constexpr uint64_t kCorpus = 1000;

// The words of a line as the query set cuts them: split on spaces, trailing
// sentence punctuation dropped.
std::vector<std::string> LineWords(absl::string_view line) {
  std::vector<std::string> out;
  for (absl::string_view w : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
    while (!w.empty() && absl::StrContains(".,;:", w.back())) {
      w.remove_suffix(1);
    }
    out.emplace_back(w);
  }
  return out;
}

bool HasRun(const std::vector<std::string>& line,
            const std::vector<std::string>& words) {
  return std::search(line.begin(), line.end(), words.begin(), words.end()) !=
         line.end();
}

// Accord's normalizer sets aside a document's publication stamp, photo
// captions and source line (ingest-service/normalize/normalizer.h); the peers index
// them. A query word or phrase found only on such lines has hits in the
// peers and none in Accord: a benchmark artefact. Expects every word and
// phrase of `queries` that occurs on a set-aside line of `docs` to occur on
// an indexed line (headline, paragraphs) too; returns how many did occur on
// a set-aside line.
int ExpectQueriesFromIndexedLines(const std::vector<GeneratedDoc>& docs,
                                  const std::vector<BenchQuery>& queries) {
  std::vector<std::vector<std::string>> aside, indexed;
  for (const GeneratedDoc& doc : docs) {
    for (absl::string_view line : absl::StrSplit(doc.text, '\n')) {
      (corpus_testing::LooksAside(doc, line) ? aside : indexed)
          .push_back(LineWords(line));
    }
  }
  auto on_any = [](const std::vector<std::vector<std::string>>& lines,
                   const std::vector<std::string>& words) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::vector<std::string>& line) {
                         return HasRun(line, words);
                       });
  };
  int on_aside = 0;
  for (const BenchQuery& q : queries) {
    std::vector<std::vector<std::string>> parts;
    if (q.kind == QueryKind::kPhrase) {
      parts.push_back(QueryWords(q.text));
    } else {
      for (std::string& w : QueryWords(q.text)) parts.push_back({std::move(w)});
    }
    for (const std::vector<std::string>& words : parts) {
      if (!on_any(aside, words)) continue;
      ++on_aside;
      EXPECT_TRUE(on_any(indexed, words))
          << QueryKindName(q.kind) << " query " << q.text << ": \""
          << absl::StrJoin(words, " ") << "\" only on set-aside lines";
    }
  }
  return on_aside;
}

TEST(QuerySetTest, Deterministic) {
  const std::vector<BenchQuery> a = GenerateQueries(kQuerySetSeed, kCorpus, 50);
  const std::vector<BenchQuery> b = GenerateQueries(kQuerySetSeed, kCorpus, 50);
  ASSERT_EQ(a.size(), 150u);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].text, b[i].text);
  EXPECT_NE(GenerateQueries(kQuerySetSeed + 1, kCorpus, 50)[0].text +
                GenerateQueries(kQuerySetSeed + 1, kCorpus, 50)[60].text,
            a[0].text + a[60].text);
}

TEST(QuerySetTest, KindsHaveTheirShape) {
  const std::vector<BenchQuery> queries =
      GenerateQueries(kQuerySetSeed, kCorpus, 100);
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
  const std::vector<GeneratedDoc> corpus =
      GenerateCorpus(kQuerySetSeed, kCorpus);
  for (const BenchQuery& q : GenerateQueries(kQuerySetSeed, kCorpus, 100)) {
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
  for (const BenchQuery& q : GenerateQueries(kQuerySetSeed, kCorpus, 500)) {
    ++total;
    if (q.language == "en") ++english;
  }
  EXPECT_NEAR(english / double(total), 0.35, 0.06);
}

// On the news profile, phrases still come from the corpus, and some query
// words are its long tail: words the templated corpus never has, yet the
// news corpus does.
TEST(QuerySetTest, NewsQueriesReachTheLongTail) {
  absl::StatusOr<std::unique_ptr<CorpusGenerator>> news =
      CorpusGenerator::Create({.profile = CorpusProfile::kNews});
  ASSERT_TRUE(news.ok()) << news.status();
  const std::vector<GeneratedDoc> news_docs = (*news)->Documents(kCorpus);
  const std::vector<GeneratedDoc> templated =
      GenerateCorpus(kQuerySetSeed, kCorpus);
  auto occurs = [](const std::vector<GeneratedDoc>& docs,
                   const std::string& text) {
    for (const GeneratedDoc& doc : docs) {
      if (absl::StrContains(doc.text, text)) return true;
    }
    return false;
  };
  // Whole words, not substrings: "blow" is in "blown".
  auto words_of = [](const std::vector<GeneratedDoc>& docs) {
    absl::flat_hash_set<std::string> words;
    for (const GeneratedDoc& doc : docs) {
      for (absl::string_view w : absl::StrSplit(
               doc.text, absl::ByAnyChar(" \n.,;:()"), absl::SkipEmpty())) {
        words.insert(std::string(w));
      }
    }
    return words;
  };
  const absl::flat_hash_set<std::string> news_words = words_of(news_docs);
  const absl::flat_hash_set<std::string> templated_words = words_of(templated);
  int tail_words = 0;
  for (const BenchQuery& q : GenerateQueries(**news, kCorpus, 100)) {
    if (q.kind == QueryKind::kPhrase) {
      EXPECT_TRUE(occurs(news_docs, absl::StrJoin(QueryWords(q.text), " ")))
          << q.text;
    } else if (q.kind == QueryKind::kOneTerm &&
               !templated_words.contains(q.text) &&
               news_words.contains(q.text)) {
      ++tail_words;
    }
  }
  EXPECT_GE(tail_words, 10);  // a fifth are copied from the tail
  EXPECT_LE(tail_words, 40);
}

TEST(QuerySetTest, TemplatedQueriesComeFromIndexedLines) {
  ExpectQueriesFromIndexedLines(GenerateCorpus(kQuerySetSeed, kCorpus),
                                GenerateQueries(kQuerySetSeed, kCorpus, 1000));
}

TEST(QuerySetTest, NewsQueriesComeFromIndexedLines) {
  absl::StatusOr<std::unique_ptr<CorpusGenerator>> news =
      CorpusGenerator::Create({.profile = CorpusProfile::kNews});
  ASSERT_TRUE(news.ok()) << news.status();
  constexpr uint64_t kNewsCorpus = 3000;
  const int on_aside =
      ExpectQueriesFromIndexedLines((*news)->Documents(kNewsCorpus, 2),
                                    GenerateQueries(**news, kNewsCorpus, 1000));
  // Month names of stamps, say, are also story words: the check has work.
  EXPECT_GT(on_aside, 0);
}

TEST(QuerySetTest, QueryWordsSplitsQuotedPhrases) {
  EXPECT_EQ(QueryWords("\"information security\""),
            (std::vector<std::string>{"information", "security"}));
  EXPECT_EQ(QueryWords("a b  c"), (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace accord::bench
