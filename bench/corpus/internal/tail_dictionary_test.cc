#include "bench/corpus/internal/tail_dictionary.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "bench/corpus/internal/random.h"
#include "gtest/gtest.h"

namespace accord::bench::internal {
namespace {

std::vector<std::string> Words(const TailDictionary& d) {
  std::vector<std::string> out;
  for (size_t i = 0; i < d.size(); ++i) out.emplace_back(d.word(i));
  return out;
}

TEST(CorpusDictionaryTest, KeepsPlainWordsWithoutFlagsOrFields) {
  const std::string dic =
      "9\n"
      "waistcoat/MS\n"
      "réparable/S.() po:adj is:epi\n"
      "\tThis is a comment line of de_DE\n"
      "1er/-- po:adj\n"
      "etc.\n"
      "sous-payer/a0p+()\n"
      "aujourd'hui\n"
      "waistcoat/S\n"
      "Maschinenstillstand/m\n"
      "x\n"
      "-ism/S\n";
  absl::StatusOr<TailDictionary> d = TailDictionary::Parse(dic, "UTF-8");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(Words(*d),
            (std::vector<std::string>{"waistcoat", "réparable", "sous-payer",
                                      "aujourd'hui", "Maschinenstillstand"}));
}

TEST(CorpusDictionaryTest, DecodesTheAffEncodingWithIcu) {
  absl::StatusOr<TailDictionary> latin1 =
      TailDictionary::Parse("1\ncaf\xE9/S\n", "ISO8859-1");
  ASSERT_TRUE(latin1.ok()) << latin1.status();
  EXPECT_EQ(Words(*latin1), std::vector<std::string>{"café"});
  absl::StatusOr<TailDictionary> koi8 =
      TailDictionary::Parse("1\n\xD0\xD2\xC9\xD7\xC5\xD4/A\n", "KOI8-R");
  ASSERT_TRUE(koi8.ok()) << koi8.status();
  EXPECT_EQ(Words(*koi8), std::vector<std::string>{"привет"});
  EXPECT_FALSE(TailDictionary::Parse("1\nword\n", "NO-SUCH-CHARSET").ok());
  // Invalid UTF-8 lines are dropped, not passed on.
  absl::StatusOr<TailDictionary> bad =
      TailDictionary::Parse("2\nab\xFF\ngood\n", "UTF-8");
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(Words(*bad), std::vector<std::string>{"good"});
}

TEST(CorpusDictionaryTest, EmptyDictionaryIsAnError) {
  EXPECT_FALSE(TailDictionary::Parse("0\n", "UTF-8").ok());
}

TEST(CorpusDictionaryTest, LoadsDebiansDictionaryOncePerProcess) {
  auto a =
      TailDictionary::Load("/usr/share/hunspell", "en_US", "hunspell-en-us");
  ASSERT_TRUE(a.ok()) << a.status();
  auto b =
      TailDictionary::Load("/usr/share/hunspell", "en_US", "hunspell-en-us");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->get(), b->get());
  EXPECT_GT((*a)->size(), 40000u);
}

TEST(CorpusPowerLawTest, RanksStayInRangeAndLevelsShareAlike) {
  // Zipf-like (q = 1) over 4 * (1 + 2 + 4 + 8) = 60 ranks: each of the
  // four levels [0,4) [4,12) [12,28) [28,60) gets a quarter of the draws.
  PowerLawSampler sampler(60, 4, 1, 1);
  SplitMix64 rng(1);
  int level[4] = {0, 0, 0, 0};
  for (int i = 0; i < 40000; ++i) {
    const uint64_t r = sampler.Draw(rng);
    ASSERT_LT(r, 60u);
    ++level[r < 4 ? 0 : r < 12 ? 1 : r < 28 ? 2 : 3];
  }
  for (int count : level) EXPECT_NEAR(count, 10000, 500);
}

TEST(CorpusPowerLawTest, ASteeperTailShowsFewerNewRanks) {
  PowerLawSampler zipf(uint64_t{1} << 30, 32, 1, 1);
  PowerLawSampler steep(uint64_t{1} << 30, 32, 1, 2);
  SplitMix64 rng(2);
  absl::flat_hash_set<uint64_t> zipf_seen, steep_seen;
  for (int i = 0; i < 20000; ++i) {
    zipf_seen.insert(zipf.Draw(rng));
    steep_seen.insert(steep.Draw(rng));
  }
  EXPECT_GT(zipf_seen.size(), 15000u);
  EXPECT_LT(steep_seen.size(), 5000u);
}

}  // namespace
}  // namespace accord::bench::internal
