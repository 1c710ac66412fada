#include "bench/corpus/generator.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "bench/corpus/aside_lines_testing.h"
#include "gtest/gtest.h"

namespace accord::bench {
namespace {

constexpr uint64_t kSeed = 42;

uint64_t Fnv1a(uint64_t h, const std::string& s) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
  return h;
}

// Body words: from the dateline paragraph on, without captions and source
// lines (the part the generator's 250-900 word target applies to).
int BodyWords(const GeneratedDoc& doc) {
  const std::vector<std::string> lines = absl::StrSplit(doc.text, '\n');
  const std::string dateline = " (" + doc.agency + ") – ";
  int words = 0;
  bool in_body = false;
  for (const std::string& line : lines) {
    if (!in_body && absl::StrContains(line, dateline)) in_body = true;
    if (!in_body || absl::EndsWith(line, doc.agency + ")") ||
        absl::StrContains(line, "https://")) {
      continue;
    }
    words += static_cast<int>(
        std::vector<std::string>(absl::StrSplit(line, ' ', absl::SkipEmpty()))
            .size());
  }
  return words;
}

TEST(GeneratorTest, SameSeedAndIndexGiveTheSameDocument) {
  for (uint64_t i : {0, 1, 7, 12345}) {
    const GeneratedDoc a = GenerateDocument(kSeed, i);
    const GeneratedDoc b = GenerateDocument(kSeed, i);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.language, b.language);
    EXPECT_EQ(a.agency, b.agency);
    EXPECT_EQ(a.published_unix, b.published_unix);
  }
  EXPECT_NE(GenerateDocument(kSeed, 0).text, GenerateDocument(kSeed, 1).text);
  EXPECT_NE(GenerateDocument(kSeed, 0).text, GenerateDocument(7, 0).text);
}

TEST(GeneratorTest, CorpusIsTheDocumentsInOrder) {
  const std::vector<GeneratedDoc> corpus = GenerateCorpus(kSeed, 20);
  ASSERT_EQ(corpus.size(), 20u);
  EXPECT_EQ(corpus[13].text, GenerateDocument(kSeed, 13).text);
}

// The corpus must be byte-identical on every machine and build: the
// generator uses integer arithmetic only. When the word lists or templates
// change on purpose, update the constant (and say so in the commit: figures
// measured on the old corpus are no longer comparable).
TEST(GeneratorTest, CorpusFingerprintIsStable) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (uint64_t i = 0; i < 200; ++i) {
    const GeneratedDoc doc = GenerateDocument(kSeed, i);
    h = Fnv1a(h, doc.text);
    h = Fnv1a(h,
              doc.language + doc.agency + std::to_string(doc.published_unix));
  }
  EXPECT_EQ(h, 0x18b785397d8857a5ULL) << std::hex << "fingerprint 0x" << h;
}

TEST(GeneratorTest, LanguageMixFollowsTheShares) {
  const std::map<std::string, double> want = {{"en", 0.35}, {"fr", 0.20},
                                              {"de", 0.15}, {"es", 0.10},
                                              {"ru", 0.10}, {"vi", 0.10}};
  std::map<std::string, int> got;
  constexpr int kDocs = 6000;
  for (int i = 0; i < kDocs; ++i) ++got[GenerateDocument(kSeed, i).language];
  EXPECT_EQ(got.size(), want.size());
  for (const auto& [lang, share] : want) {
    EXPECT_NEAR(got[lang] / double{kDocs}, share, 0.02) << lang;
  }
}

TEST(GeneratorTest, LengthsAndStructureLookLikeAgencyWires) {
  constexpr int kDocs = 2000;
  int min_words = 1 << 30, max_words = 0, stamps = 0, sources = 0, captions = 0;
  std::vector<int> lengths;
  for (int i = 0; i < kDocs; ++i) {
    const GeneratedDoc doc = GenerateDocument(kSeed, i);
    const int words = BodyWords(doc);
    lengths.push_back(words);
    min_words = std::min(min_words, words);
    max_words = std::max(max_words, words);
    EXPECT_TRUE(absl::StrContains(doc.text, " (" + doc.agency + ") – "))
        << doc.text;
    EXPECT_GE(doc.published_unix, 1483228800);  // 2017-01-01
    EXPECT_LE(doc.published_unix, 1798761599);  // 2026-12-31
    const std::vector<std::string> lines =
        absl::StrSplit(doc.text, '\n', absl::SkipEmpty());
    EXPECT_FALSE(lines.front().empty());
    if (absl::StrContains(doc.text, "https://")) ++sources;
    if (absl::StrContains(doc.text, doc.agency + ")\n")) ++captions;
    if (lines.size() > 1 && lines[1].find_first_of("0123456789") <
                                lines[1].find(" (" + doc.agency + ")")) {
      ++stamps;
    }
  }
  EXPECT_GE(min_words, 250);
  EXPECT_LE(max_words, 900);
  std::sort(lengths.begin(), lengths.end());
  EXPECT_GT(lengths[kDocs / 2], 450);  // spread over the range, not clumped
  EXPECT_LT(lengths[kDocs / 2], 700);
  // Each optional part is present sometimes, never always.
  for (int count : {stamps, sources, captions}) {
    EXPECT_GT(count, kDocs / 10);
    EXPECT_LT(count, kDocs / 2);
  }
}

// The templated profile's stamps, captions and source lines are set aside
// as the news profile's are.
TEST(GeneratorTest, AsideLinesAreTheStampCaptionsAndSourceLine) {
  int with_aside = 0;
  for (int i = 0; i < 2000; ++i) {
    const GeneratedDoc doc = GenerateDocument(kSeed, i);
    EXPECT_EQ(doc.aside_lines, corpus_testing::AsideLinesByShape(doc))
        << doc.text;
    with_aside += !doc.aside_lines.empty();
  }
  EXPECT_GT(with_aside, 1000);
  EXPECT_LT(with_aside, 1800);
}

TEST(GeneratorTest, DomainPhrasesRecurInEveryLanguage) {
  const std::map<std::string, std::string> phrase = {
      {"en", "information security"},
      {"fr", "sécurité de l’information"},
      {"de", "Informationssicherheit"},
      {"es", "seguridad de la información"},
      {"ru", "информационной безопасности"},
      {"vi", "an ninh thông tin"}};
  std::map<std::string, int> docs, hits;
  for (int i = 0; i < 3000; ++i) {
    const GeneratedDoc doc = GenerateDocument(kSeed, i);
    ++docs[doc.language];
    if (absl::StrContains(doc.text, phrase.at(doc.language))) {
      ++hits[doc.language];
    }
  }
  for (const auto& [lang, n] : docs) {
    // Common in the domain, but not in every article.
    EXPECT_GT(hits[lang], n / 5) << lang;
    EXPECT_LT(hits[lang], n) << lang;
  }
}

TEST(GeneratorTest, WordFrequenciesAreZipfLike) {
  std::map<std::string, int> freq;
  for (int i = 0; i < 1000; ++i) {
    const GeneratedDoc doc = GenerateDocument(kSeed, i);
    if (doc.language != "en") continue;
    for (absl::string_view w :
         absl::StrSplit(doc.text, absl::ByAnyChar(" \n"), absl::SkipEmpty())) {
      ++freq[std::string(w)];
    }
  }
  std::vector<int> counts;
  for (const auto& [w, c] : freq) counts.push_back(c);
  std::sort(counts.rbegin(), counts.rend());
  ASSERT_GT(counts.size(), 1500u);  // a real vocabulary, with a long tail
  // Rank-frequency falls steeply: the top word is far above the 100th,
  // which is far above the 1000th.
  EXPECT_GT(counts[0], 8 * counts[99]);
  EXPECT_GT(counts[99], 8 * counts[999]);
}

}  // namespace
}  // namespace accord::bench
