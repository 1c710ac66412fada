#include "common/analysis/internal/fast_words.h"

#include <unicode/utf8.h>

#include <random>
#include <string>
#include <vector>

#include "common/analysis/internal/word_breaker.h"
#include "gtest/gtest.h"

namespace accord::analysis::internal {
namespace {

using Strings = std::vector<std::string>;

Strings Words(std::string_view text, bool fast) {
  WordBreaker breaker;
  std::vector<WordSpan> spans;
  breaker.Split(text, fast, &spans);
  Strings words;
  for (const WordSpan& span : spans) {
    words.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return words;
}

// Random text of `pieces` drawn from `alphabet`.
std::string RandomText(const Strings& alphabet, std::mt19937& random) {
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<size_t> length(1, 24);
  std::string text;
  for (size_t i = length(random); i > 0; --i) text += alphabet[pick(random)];
  return text;
}

TEST(FastWordsTest, Examples) {
  EXPECT_EQ(Words("Hello, world!", true), (Strings{"Hello", "world"}));
  EXPECT_EQ(Words("U.S. don't 3.5 1,000 a,b", true),
            (Strings{"U.S", "don't", "3.5", "1,000", "a", "b"}));
  EXPECT_EQ(Words("cyber-security 11:12 snake_case __ _x @", true),
            (Strings{"cyber", "security", "11", "12", "snake_case", "_x"}));
  EXPECT_EQ(Words("(ITC),creating andRussia", true),
            (Strings{"ITC", "creating", "andRussia"}));
  EXPECT_EQ(
      Words("l’Union «Trần» Đà-Nẵng l·l 10\u202F000 e\u0301t\u00ADe", true),
      (Strings{"l’Union", "Trần", "Đà", "Nẵng", "l·l", "10\u202F000",
               "e\u0301t\u00ADe"}));
}

TEST(FastWordsTest, RefusesWhatNeedsIcu) {
  std::vector<WordSpan> spans = {{1, 2}};
  for (const char* text : {"网络", "abcไทย", "שלום", "カタカナ", "a\u200Db",
                           "ＡＢ", "a\u0E31", "\xC3"}) {
    EXPECT_FALSE(FindFastWords(text, 0, &spans)) << text;
    EXPECT_FALSE(IsFastText(text)) << text;
    EXPECT_EQ(spans.size(), 1u);  // unchanged
  }
  EXPECT_TRUE(FindFastWords("Trần Đại Quang, Путин", 0, &spans));
  EXPECT_EQ(spans.size(), 5u);
}

TEST(FastWordsTest, IsAscii) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("plain text, longer than eight bytes"));
  EXPECT_FALSE(IsAscii("plain text, longer than eight bytesé"));
  EXPECT_FALSE(IsAscii("é"));
}

// The fast path must split exactly as ICU does: otherwise a word would get
// different terms depending on its neighbours' scripts.
TEST(FastWordsTest, MatchesIcuOnGeneratedAscii) {
  // Every ASCII character, with the ones that matter weighted up.
  Strings alphabet = {"a", "a", "Z", "Z", "0", "9", "9", ".", ".",
                      "_", "'", "'", ",", ";", ":", "@", " "};
  for (char c = 1; c > 0; ++c) alphabet.emplace_back(1, c);
  std::mt19937 random(42);
  for (int round = 0; round < 20000; ++round) {
    std::string text = RandomText(alphabet, random);
    ASSERT_EQ(Words(text, true), Words(text, false)) << "[" << text << "]";
  }
}

TEST(FastWordsTest, MatchesIcuOnGeneratedMultilingualText) {
  const Strings alphabet = {
      // letters and digits the fast path takes
      "a", "Z", "7", "é", "ẵ", "Đ", "ß", "ø", "п", "Ё", "ς", "Ω", "ա", "ب", "٣",
      "ª", "ʼ", "ⁱ",
      // joiners and separators
      ".", "'", ",", ";", ":", "_", "@", "-", " ", "\n", "’", "‘", "·", "·",
      "՟", "‧", ";", "٬", "⁄", "\u202F", "\u00A0", "\u2003", "‿", "…", "–", "«",
      "“", "©", "€", "²",
      // attached: combining diacritics and format characters
      "\u0301", "\u0323", "\u20DD", "\u00AD", "\u200E", "\u2060",
      // what needs ICU
      "网", "络", "ไ", "ท", "\u0E31", "ש", "カ", "\u200D", "🙂", "Ａ",
      "\u0651", "\u093F", "\u200C", "한", "\uFE55", "\uFF1A"};
  std::mt19937 random(7);
  for (int round = 0; round < 20000; ++round) {
    std::string text = RandomText(alphabet, random);
    ASSERT_EQ(Words(text, true), Words(text, false)) << "[" << text << "]";
  }
}

TEST(FastWordsTest, MatchesIcuOnEveryCodePointBelowU2100) {
  Strings alphabet = {"a", "a", "é", "7", ".", "'", "_", ",", " ", "\u0301"};
  for (UChar32 c = 0x80; c < 0x2100; ++c) {
    char buffer[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    alphabet.emplace_back(buffer, length);
  }
  std::mt19937 random(11);
  for (int round = 0; round < 20000; ++round) {
    std::string text = RandomText(alphabet, random);
    ASSERT_EQ(Words(text, true), Words(text, false)) << "[" << text << "]";
  }
}

TEST(FastWordsTest, MixedTextMatchesIcu) {
  const std::string text =
      "Le président Trần Đại Quang a reçu, à Hà Nội, M. Poutine's envoy; "
      "l’Union 3.5% — «sécurité» 網絡安全 co-operation U.S.-Russia "
      "e\u0301tat  \u00A0 x\u0301y 10,000.5 Straße ความมั่นคง Putin";
  EXPECT_EQ(Words(text, true), Words(text, false));
}

}  // namespace
}  // namespace accord::analysis::internal
