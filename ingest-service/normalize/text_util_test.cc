// Tests of the UTF-8 helpers' fast paths against ICU, which they shortcut.
#include "ingest-service/normalize/text_util.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <string>
#include <vector>

namespace accord::normalize {
namespace {

// The inline character classes answer common scripts without ICU; every
// answer must be ICU's.
TEST(CharacterClassTest, FastAnswersAreIcusAnswers) {
  for (char32_t c = 0; c < 0x2000; ++c) {
    const UChar32 u = static_cast<UChar32>(c);
    EXPECT_EQ(IsUpper(c), u_isupper(u) || u_istitle(u)) << std::hex << u;
    EXPECT_EQ(IsLower(c), static_cast<bool>(u_islower(u))) << std::hex << u;
    if (c >= 0x80) {
      EXPECT_EQ(IsLetter(c), static_cast<bool>(u_isalpha(u))) << std::hex << u;
    }
  }
}

// NextCodePoint decodes one- and two-byte sequences inline; it must agree
// with ICU's decoder (NextCodePointSlow) on every pair of bytes, valid or
// not, including a lead byte cut off at the end.
TEST(NextCodePointTest, InlinePathsAgreeWithIcu) {
  for (int lead = 0; lead < 256; ++lead) {
    for (int trail = 0; trail < 256; ++trail) {
      const std::string s = {static_cast<char>(lead), static_cast<char>(trail)};
      size_t fast = 0, slow = 0;
      ASSERT_EQ(NextCodePoint(s, &fast), NextCodePointSlow(s, &slow))
          << lead << " " << trail;
      ASSERT_EQ(fast, slow) << lead << " " << trail;
    }
    const std::string cut(1, static_cast<char>(lead));
    size_t fast = 0, slow = 0;
    ASSERT_EQ(NextCodePoint(cut, &fast), NextCodePointSlow(cut, &slow)) << lead;
    ASSERT_EQ(fast, slow) << lead;
  }
}

TEST(HasMoreCodePointsThanTest, AgreesWithCounting) {
  const std::vector<std::string> texts = {
      "",
      "abc",
      "héllo",
      "Hà Nội",
      "россия",
      "𝄞𝄞𝄞",
      std::string(300, 'a'),
      "Các bộ trưởng nhất trí tăng cường hợp tác trong lĩnh vực an ninh"};
  for (const std::string& text : texts) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{5},
                     size_t{20}, size_t{60}, size_t{200}, SIZE_MAX}) {
      EXPECT_EQ(HasMoreCodePointsThan(text, n), CountCodePoints(text) > n)
          << text << " " << n;
    }
  }
}

// ToLowerView skips the copy when lowercasing changes nothing; it must
// answer exactly what ToLower does, including for invalid UTF-8.
TEST(ToLowerViewTest, AgreesWithToLower) {
  for (const std::string& s : std::vector<std::string>{
           "",       "security", "Security", "andRussia", "россия",
           "Россия", "sécurité", "SÉCURITÉ", "straße",    "İstanbul",
           "ⅻ",      "Ⅻ",        "Ⓐ",        "an ninh",   "Hà Nội",
           "ΣΟΦΟΣ",  "σοφος",    "\xff\xfe", "a\xc3",     "ﬁ",
           "ǅ"}) {
    std::string buffer;
    EXPECT_EQ(ToLowerView(s, &buffer), ToLower(s)) << s;
  }
  std::string buffer;
  const std::string lower = "cooperation";
  EXPECT_EQ(ToLowerView(lower, &buffer).data(), lower.data());  // No copy.
  EXPECT_TRUE(buffer.empty());
}

}  // namespace
}  // namespace accord::normalize
