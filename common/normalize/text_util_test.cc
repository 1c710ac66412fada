// Tests of the UTF-8 helpers' fast paths against ICU, which they shortcut.
#include "common/normalize/text_util.h"

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
