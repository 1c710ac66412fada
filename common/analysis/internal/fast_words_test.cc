#include "common/analysis/internal/ascii_words.h"

#include <random>
#include <string>
#include <vector>

#include "common/analysis/internal/word_breaker.h"
#include "gtest/gtest.h"

namespace accord::analysis::internal {
namespace {

std::vector<std::string> Words(std::string_view text, bool fast) {
  WordBreaker breaker;
  std::vector<WordSpan> spans;
  breaker.Split(text, fast, &spans);
  std::vector<std::string> words;
  for (const WordSpan& span : spans) {
    words.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return words;
}

using Strings = std::vector<std::string>;

TEST(AsciiWordsTest, Examples) {
  EXPECT_EQ(Words("Hello, world!", true), (Strings{"Hello", "world"}));
  EXPECT_EQ(Words("U.S. don't 3.5 1,000 a,b", true),
            (Strings{"U.S", "don't", "3.5", "1,000", "a", "b"}));
  EXPECT_EQ(Words("cyber-security 11:12 snake_case __ _x", true),
            (Strings{"cyber", "security", "11", "12", "snake_case", "_x"}));
  EXPECT_EQ(Words("(ITC),creating andRussia", true),
            (Strings{"ITC", "creating", "andRussia"}));
}

TEST(AsciiWordsTest, IsAscii) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("plain text, longer than eight bytes"));
  EXPECT_FALSE(IsAscii("plain text, longer than eight bytesé"));
  EXPECT_FALSE(IsAscii("é"));
}

// The fast path must split ASCII exactly as ICU does: otherwise a word
// would get different terms depending on its neighbours' scripts.
TEST(AsciiWordsTest, MatchesIcuOnGeneratedText) {
  // Every ASCII character, with the ones that matter weighted up.
  std::string alphabet = "aaaZZZ000999...___\'\'\',,;;::@@  ";
  for (char c = 1; c > 0; ++c) alphabet += c;
  std::mt19937 random(42);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<size_t> length(1, 24);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (size_t i = length(random); i > 0; --i) text += alphabet[pick(random)];
    ASSERT_EQ(Words(text, true), Words(text, false))
        << "text: [" << text << "]";
  }
}

TEST(AsciiWordsTest, MixedTextMatchesIcu) {
  const std::string text =
      "Le président Trần Đại Quang a reçu, à Hà Nội, M. Poutine's envoy; "
      "l’Union 3.5% — «sécurité» 網絡安全 co-operation U.S.-Russia "
      "e\u0301tat  \u00A0 x\u0301y 10,000.5 Straße";
  EXPECT_EQ(Words(text, true), Words(text, false));
}

}  // namespace
}  // namespace accord::analysis::internal
