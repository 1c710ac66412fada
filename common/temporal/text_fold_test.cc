// Lower() and FoldLowercase() read most alphabets from a per-code-point
// memo: they must answer what ICU answers, for every code point and for
// strings that mix them (context, invalid bytes).
#include "common/temporal/text_fold.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>
#include <string>

namespace accord::temporal {
namespace {

std::string Utf8(char32_t c) {
  std::string s;
  AppendUtf8(c, &s);
  return s;
}

TEST(TextFoldTest, EveryCodePointAsIcuSays) {
  for (char32_t c = 1; c < 0x3400; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // not characters
    const std::string s = Utf8(c);
    ASSERT_EQ(Lower(s), internal::LowerWithIcu(s))
        << std::hex << static_cast<uint32_t>(c);
    const std::string lower = internal::LowerWithIcu(s);
    ASSERT_EQ(FoldLowercase(lower), internal::FoldLowercaseWithIcu(lower))
        << std::hex << static_cast<uint32_t>(c);
  }
}

// IsLetter, IsCombiningMark and IsSpace answer ASCII themselves: every
// code point's class is ICU's.
TEST(TextFoldTest, CharacterClassesAsIcuSays) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    const auto u = static_cast<UChar32>(c);
    ASSERT_EQ(IsLetter(c), static_cast<bool>(u_isalpha(u)))
        << std::hex << static_cast<uint32_t>(c);
    ASSERT_EQ(IsCombiningMark(c), (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0)
        << std::hex << static_cast<uint32_t>(c);
    ASSERT_EQ(IsSpace(c), u_isUWhiteSpace(u) || c == 0xFEFF || c == 0x200B)
        << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(TextFoldTest, MixedStringsAsIcuSays) {
  // Latin with accents, Vietnamese, Greek (final sigma depends on the
  // context), Cyrillic, CJK beyond the memo, and invalid bytes.
  const std::vector<std::string> pieces = {
      "A", "é", "Ä",    "Ệ",        "đ",    "Đ", "İ", "ß",       "ẞ",
      "Σ", "σ", "ς",    "Ο",        "Д",    "Ё", "ё", "中",      "𝐀",
      " ", "-", "\xC3", "\xE2\x82", "\xFF", "ǅ", "ﬁ", "\xCC\x81"};
  std::mt19937 random(20261202);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = 1 + static_cast<int>(random() % 6);
    for (int i = 0; i < n; ++i) s += pieces[random() % pieces.size()];
    ASSERT_EQ(Lower(s), internal::LowerWithIcu(s)) << s;
    const std::string lower = Lower(s);
    ASSERT_EQ(FoldLowercase(lower), internal::FoldLowercaseWithIcu(lower)) << s;
  }
  EXPECT_EQ(Fold("Thứ Năm"), "thu nam");
  EXPECT_EQ(Fold("ΟΔΟΣ"), "οδος");  // final sigma, by ICU
}

}  // namespace
}  // namespace accord::temporal
