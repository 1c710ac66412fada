// The news profile: determinism, language shares, article shape, length,
// and a vocabulary that grows with the corpus (Heaps' law) with names and
// numbers a large share of it. Needs Debian's hunspell dictionaries
// (scripts/install-deps.sh).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "bench/corpus/aside_lines_testing.h"
#include "bench/corpus/generator.h"
#include "bench/corpus/internal/vocabulary.h"
#include "common/util/untrusted_text.h"
#include "gtest/gtest.h"

namespace accord::bench {
namespace {

constexpr uint64_t kNewsSeed = 42;
constexpr int kSmall = 2000;
constexpr int kLarge = 8000;

std::unique_ptr<CorpusGenerator> MakeCorpus(CorpusProfile profile,
                                            uint64_t seed = kNewsSeed) {
  absl::StatusOr<std::unique_ptr<CorpusGenerator>> corpus =
      CorpusGenerator::Create({.profile = profile, .seed = seed});
  EXPECT_TRUE(corpus.ok()) << corpus.status();
  return corpus.ok() ? *std::move(corpus) : nullptr;
}

const CorpusGenerator& News() {
  static const CorpusGenerator* const corpus =
      MakeCorpus(CorpusProfile::kNews).release();
  return *corpus;
}

// The first `n` documents of a profile, generated at most once per process
// per size (ctest runs each test in its own process: tests ask only for
// what they need).
const std::vector<GeneratedDoc>& Docs(CorpusProfile profile, int n) {
  static auto* const cache =
      new std::map<std::pair<CorpusProfile, int>, std::vector<GeneratedDoc>>;
  std::vector<GeneratedDoc>& docs = (*cache)[{profile, n}];
  if (docs.empty()) {
    docs = profile == CorpusProfile::kNews
               ? News().Documents(n, 2)
               : MakeCorpus(CorpusProfile::kTemplated)->Documents(n, 2);
  }
  return docs;
}

const std::vector<GeneratedDoc>& NewsDocs(int n) {
  return Docs(CorpusProfile::kNews, n);
}

// Words as a reader separates them: split on spaces and line breaks,
// surrounding punctuation stripped, case kept.
std::vector<std::string> Words(absl::string_view text) {
  std::vector<std::string> out;
  for (absl::string_view w :
       absl::StrSplit(text, absl::ByAnyChar(" \n"), absl::SkipEmpty())) {
    while (!w.empty() && absl::ascii_ispunct(w.back())) w.remove_suffix(1);
    while (!w.empty() && absl::ascii_ispunct(w.front())) w.remove_prefix(1);
    if (!w.empty()) out.emplace_back(w);
  }
  return out;
}

struct WordStats {
  uint64_t tokens = 0;
  absl::flat_hash_set<std::string> distinct;  // lower-cased
  uint64_t with_digits = 0;                   // distinct words holding a digit
  uint64_t capitalized = 0;  // distinct words first seen capitalized
};

void AddWords(const GeneratedDoc& doc, WordStats& v) {
  for (const std::string& w : Words(doc.text)) {
    ++v.tokens;
    if (!v.distinct.insert(internal::SimpleLower(w)).second) continue;
    if (w.find_first_of("0123456789") != std::string::npos) {
      ++v.with_digits;
    } else if (absl::ascii_isupper(w[0]) ||
               (static_cast<unsigned char>(w[0]) >= 0xC3 &&
                internal::SimpleLower(w) != w)) {
      ++v.capitalized;
    }
  }
}

struct Heaps {
  double beta;       // over all words
  double word_beta;  // over words without digits
};

// Local Heaps exponents of the first kSmall vs the first kLarge documents.
Heaps HeapsBeta(const std::vector<GeneratedDoc>& docs) {
  WordStats v;
  double tokens = 0, distinct = 0, words = 0;
  for (int i = 0; i < kLarge; ++i) {
    if (i == kSmall) {
      tokens = v.tokens;
      distinct = v.distinct.size();
      words = distinct - v.with_digits;
    }
    AddWords(docs[i], v);
  }
  const double growth = std::log(v.tokens / tokens);
  return {std::log(v.distinct.size() / distinct) / growth,
          std::log((v.distinct.size() - v.with_digits) / words) / growth};
}

TEST(NewsCorpusTest, SameSeedAndIndexGiveTheSameDocument) {
  std::unique_ptr<CorpusGenerator> again = MakeCorpus(CorpusProfile::kNews);
  std::unique_ptr<CorpusGenerator> other = MakeCorpus(CorpusProfile::kNews, 7);
  const std::vector<GeneratedDoc>& docs = NewsDocs(kSmall);
  for (uint64_t i : {0, 1, 7, 1234}) {
    const GeneratedDoc a = again->Document(i);
    const GeneratedDoc& b = docs[i];
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.language, b.language);
    EXPECT_EQ(a.agency, b.agency);
    EXPECT_EQ(a.published_unix, b.published_unix);
    EXPECT_EQ(a.aside_lines, b.aside_lines);
    EXPECT_NE(other->Document(i).text, b.text);
  }
  EXPECT_NE(docs[0].text, docs[1].text);
}

TEST(NewsCorpusTest, ThreadsDoNotChangeTheCorpus) {
  const std::vector<GeneratedDoc> one = News().Documents(50, 1);
  const std::vector<GeneratedDoc> three = News().Documents(50, 3);
  for (size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].text, three[i].text);
    EXPECT_EQ(one[i].text, News().Document(i).text);
  }
}

TEST(NewsCorpusTest, LanguageMixFollowsTheShares) {
  const std::map<std::string, double> want = {{"en", 0.35}, {"fr", 0.20},
                                              {"de", 0.15}, {"es", 0.10},
                                              {"ru", 0.10}, {"vi", 0.10}};
  std::map<std::string, int> got;
  for (const GeneratedDoc& doc : NewsDocs(kSmall)) ++got[doc.language];
  EXPECT_EQ(got.size(), want.size());
  for (const auto& [lang, share] : want) {
    EXPECT_NEAR(got[lang] / double{kSmall}, share, 0.03) << lang;
  }
}

TEST(NewsCorpusTest, DocumentsLookLikeAgencyWires) {
  for (const GeneratedDoc& doc : NewsDocs(kSmall)) {
    ASSERT_TRUE(IsValidUtf8(doc.text)) << doc.text;
    EXPECT_FALSE(absl::StrContains(doc.text, "{")) << doc.text;
    EXPECT_TRUE(absl::EndsWith(doc.text, "\n"));
    const std::vector<std::string> lines =
        absl::StrSplit(doc.text, '\n', absl::SkipEmpty());
    ASSERT_GE(lines.size(), 4u) << doc.text;
    EXPECT_FALSE(absl::StrContains(lines.front(), " (" + doc.agency + ") – "))
        << "headline first: " << doc.text;
    // The dateline opens the first paragraph; at least three paragraphs.
    size_t dateline = 0;
    while (dateline < lines.size() &&
           !absl::StrContains(lines[dateline], " (" + doc.agency + ") – ")) {
      ++dateline;
    }
    ASSERT_LT(dateline, lines.size()) << doc.text;
    EXPECT_LE(dateline, 3u) << doc.text;
    EXPECT_GE(lines.size() - dateline, 3u) << doc.text;
    EXPECT_GE(doc.published_unix, 1483228800);  // 2017-01-01
    EXPECT_LE(doc.published_unix, 1798761599);  // 2026-12-31
  }
}

// The lines a document says Accord's normalizer sets aside are its stamp,
// captions and source line, and only those: queries drawn from the other
// lines (query_set.h) then have hits in every engine.
TEST(NewsCorpusTest, AsideLinesAreTheStampCaptionsAndSourceLine) {
  int with_aside = 0, stamps = 0, captions = 0, sources = 0;
  for (const GeneratedDoc& doc : NewsDocs(kSmall)) {
    EXPECT_EQ(doc.aside_lines, corpus_testing::AsideLinesByShape(doc))
        << doc.text;
    if (doc.aside_lines.empty()) continue;
    ++with_aside;
    EXPECT_GT(doc.aside_lines.front(), 0u) << "never the headline";
    const std::vector<absl::string_view> lines = absl::StrSplit(doc.text, '\n');
    ASSERT_LT(doc.aside_lines.back(), lines.size()) << doc.text;
    for (uint32_t n : doc.aside_lines) {
      stamps += corpus_testing::LooksLikeStamp(doc, lines[n]);
      captions += corpus_testing::LooksLikeCaption(doc, lines[n]);
      sources += corpus_testing::LooksLikeSourceLine(lines[n]);
    }
  }
  // A stamp in 35 % of the documents, a caption in 32 %, a source line in
  // 30 %: about 70 % have one of them.
  EXPECT_GT(with_aside, kSmall / 2);
  EXPECT_LT(with_aside, kSmall * 9 / 10);
  for (int count : {stamps, captions, sources}) {
    EXPECT_GT(count, kSmall / 5);
    EXPECT_LT(count, kSmall / 2);
  }
}

TEST(NewsCorpusTest, ArticlesAverageAboutTwoPointSevenKilobytes) {
  uint64_t bytes = 0;
  size_t shortest = SIZE_MAX, longest = 0;
  const std::vector<GeneratedDoc>& docs = NewsDocs(kSmall);
  for (const GeneratedDoc& doc : docs) {
    bytes += doc.text.size();
    shortest = std::min(shortest, doc.text.size());
    longest = std::max(longest, doc.text.size());
  }
  const double mean = double(bytes) / docs.size();
  EXPECT_GT(mean, 2450);
  EXPECT_LT(mean, 2950);
  EXPECT_LT(shortest, 1500u);  // short wires and long reports both occur
  EXPECT_GT(longest, 6000u);
}

// Heaps' law: V ~ N^beta with beta about 0.4-0.8 for real news over this
// range. The templated profile's words saturate (only its numbers keep
// growing), which is why the news profile exists.
TEST(NewsCorpusTest, VocabularyKeepsGrowingLikeHeapsLaw) {
  const Heaps news = HeapsBeta(NewsDocs(kLarge));
  EXPECT_GE(news.beta, 0.4);
  EXPECT_LE(news.beta, 0.8);
  EXPECT_GE(news.word_beta, 0.4);
  EXPECT_LT(HeapsBeta(Docs(CorpusProfile::kTemplated, kLarge)).word_beta, 0.2);
}

TEST(NewsCorpusTest, NamesAndNumbersAreALargeShareOfDistinctWords) {
  WordStats v;
  for (const GeneratedDoc& doc : NewsDocs(kLarge)) AddWords(doc, v);
  const double distinct = v.distinct.size();
  EXPECT_GT(distinct, 60000);
  EXPECT_GT(v.with_digits / distinct, 0.10);
  EXPECT_GT(v.capitalized / distinct, 0.25);
  EXPECT_GT((v.with_digits + v.capitalized) / distinct, 0.45);
}

TEST(NewsCorpusSetupTest, AMissingDictionaryNamesTheFileAndThePackage) {
  absl::StatusOr<std::unique_ptr<CorpusGenerator>> corpus =
      CorpusGenerator::Create({.profile = CorpusProfile::kNews,
                               .seed = kNewsSeed,
                               .dictionary_dir = "/nonexistent/hunspell"});
  ASSERT_FALSE(corpus.ok());
  EXPECT_TRUE(absl::IsNotFound(corpus.status())) << corpus.status();
  EXPECT_TRUE(absl::StrContains(corpus.status().message(),
                                "/nonexistent/hunspell/en_US.dic"))
      << corpus.status();
  EXPECT_TRUE(absl::StrContains(corpus.status().message(), "hunspell-en-us"))
      << corpus.status();
  // The templated profile needs no dictionary.
  EXPECT_TRUE(CorpusGenerator::Create({.profile = CorpusProfile::kTemplated,
                                       .dictionary_dir = "/nonexistent"})
                  .ok());
}

TEST(NewsCorpusSetupTest, ProfilesParseByName) {
  EXPECT_EQ(*ParseCorpusProfile("news"), CorpusProfile::kNews);
  EXPECT_EQ(*ParseCorpusProfile("templated"), CorpusProfile::kTemplated);
  EXPECT_FALSE(ParseCorpusProfile("real").ok());
  EXPECT_EQ(CorpusOptions().profile, CorpusProfile::kNews);  // the headline
}

// The templated profile through the generator class is the templated
// corpus the fingerprint test pins.
TEST(NewsCorpusTest, TemplatedProfileIsGenerateDocument) {
  std::unique_ptr<CorpusGenerator> templated =
      MakeCorpus(CorpusProfile::kTemplated);
  for (uint64_t i : {0, 5, 999}) {
    EXPECT_EQ(templated->Document(i).text, GenerateDocument(kNewsSeed, i).text);
    EXPECT_EQ(templated->Document(i).aside_lines,
              GenerateDocument(kNewsSeed, i).aside_lines);
  }
}

}  // namespace
}  // namespace accord::bench
