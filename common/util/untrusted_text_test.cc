#include "common/util/untrusted_text.h"

#include <string>

#include "common/util/log.h"
#include "gtest/gtest.h"

namespace accord {
namespace {

TEST(EscapeUntrustedTest, KeepsPrintableTextInAnyScript) {
  EXPECT_EQ(EscapeUntrusted("Poutine à Hanoï"), "Poutine à Hanoï");
  EXPECT_EQ(EscapeUntrusted("Путин, Việt Nam, 東京"), "Путин, Việt Nam, 東京");
}

TEST(EscapeUntrustedTest, ALineBreakCannotStartAForgedLogLine) {
  const std::string forged = "x\n2026-12-01T00:00:00.000Z E FORGED LINE";
  const std::string shown = EscapeUntrusted(forged);
  EXPECT_EQ(shown.find('\n'), std::string::npos);
  EXPECT_EQ(shown, "x\\n2026-12-01T00:00:00.000Z E FORGED LINE");
  EXPECT_EQ(EscapeUntrusted("a\rb\tc"), "a\\rb\\tc");
  EXPECT_EQ(EscapeUntrusted("line\xE2\x80\xA8sep"), "line\\u{2028}sep");
  EXPECT_EQ(EscapeUntrusted("c1\xC2\x85next"), "c1\\u{0085}next");
}

TEST(EscapeUntrustedTest, NulControlsAndInvalidBytesAreShownAsEscapes) {
  EXPECT_EQ(EscapeUntrusted(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(EscapeUntrusted("\x1B[31mred\x7F"), "\\x1B[31mred\\x7F");
  EXPECT_EQ(EscapeUntrusted("caf\xE9"), "caf\\xE9");
  EXPECT_EQ(EscapeUntrusted("\xFF\xFE"), "\\xFF\\xFE");
  EXPECT_TRUE(IsValidUtf8(EscapeUntrusted("\xC3(\xE2\x82")));
}

TEST(EscapeUntrustedTest, QuotesAndBackslashesAreEscaped) {
  EXPECT_EQ(EscapeUntrusted(R"(say "hi" \ bye)"), R"(say \"hi\" \\ bye)");
}

TEST(EscapeUntrustedTest, CutsAtACharacterBoundaryAndSaysSo) {
  // Forty euro signs (3 bytes each) cut at 80 bytes: 26 whole signs, never
  // a partial one, then the ellipsis.
  std::string euros;
  for (int i = 0; i < 40; ++i) euros += "€";
  const std::string shown = EscapeUntrusted(euros);
  EXPECT_TRUE(IsValidUtf8(shown));
  std::string expected;
  for (int i = 0; i < 26; ++i) expected += "€";
  EXPECT_EQ(shown, expected + "…");
  EXPECT_EQ(EscapeUntrusted("abcdef", 3), "abc…");
  EXPECT_EQ(EscapeUntrusted("abc", 3), "abc");
  EXPECT_EQ(EscapeUntrusted("", 3), "");
}

TEST(EscapeControlTest, LeavesQuotesAndBackslashesButBreaksNoLine) {
  EXPECT_EQ(EscapeControl(R"(a "b" \c)"), R"(a "b" \c)");
  EXPECT_EQ(EscapeControl(std::string("x\ny\0z\xFF", 6)), "x\\ny\\x00z\\xFF");
}

TEST(LogLineTest, OneRecordIsOneLineOfValidUtf8) {
  testing::internal::CaptureStderr();
  LogInfo("rpc error=\"%s\"",
          std::string("id x\n2026-12-01T00:00:00.000Z E FORGED\0\xFF", 40));
  const std::string written = testing::internal::GetCapturedStderr();
  ASSERT_FALSE(written.empty());
  EXPECT_EQ(written.find('\n'), written.size() - 1) << written;
  EXPECT_EQ(written.find('\0'), std::string::npos);
  EXPECT_TRUE(IsValidUtf8(written)) << written;
  EXPECT_NE(written.find("id x\\n2026"), std::string::npos) << written;
}

}  // namespace
}  // namespace accord
