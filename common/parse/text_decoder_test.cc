#include "common/parse/text_decoder.h"

#include <string>

#include "common/parse/reject.h"
#include "gtest/gtest.h"

namespace accord {
namespace {

using accord::v1::REJECT_REASON_EMPTY;
using accord::v1::REJECT_REASON_INVALID_ENCODING;
using accord::v1::REJECT_REASON_UNSUPPORTED_CONTENT_TYPE;

accord::v1::RejectReason ReasonOf(absl::string_view bytes,
                                  absl::string_view type) {
  return RejectReasonOf(DecodeText(bytes, type).status());
}

TEST(DecodeTextTest, PassesValidUtf8InManyScripts) {
  const std::string samples[] = {
      "Vietnam and Russia issued a joint statement.",
      "La sécurité de l’information internationale.",
      "Die Bekämpfung der Cyberkriminalität.",
      "La cooperación en ciberseguridad, ¿avanza?",
      "Международная информационная безопасность.",
      "Hợp tác an ninh mạng giữa Việt Nam và Nga.",
  };
  for (const std::string& s : samples) {
    absl::StatusOr<DecodedText> text = DecodeText(s, "text/plain");
    ASSERT_TRUE(text.ok()) << s << ": " << text.status();
    EXPECT_EQ(text->text, s);
    EXPECT_EQ(text->charset, "UTF-8");
  }
}

TEST(DecodeTextTest, ComposesToNfc) {
  // "Trân" with a combining circumflex, "Đà" with a combining grave.
  absl::StatusOr<DecodedText> text = DecodeText(
      "Tra\xCC\x82n \xC4\x90"
      "a\xCC\x80 Nang",
      "");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->text, "Trân Đà Nang");
}

TEST(DecodeTextTest, NormalizesLineEndsAndStripsBom) {
  absl::StatusOr<DecodedText> text = DecodeText(
      "\xEF\xBB\xBFone\r\ntwo\rthree\xE2\x80\xA9"
      "four",
      "");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->text, "one\ntwo\nthree\n\nfour");
}

TEST(DecodeTextTest, DecodesDeclaredLegacyCharsets) {
  // French in windows-1252: "sécurité – été".
  absl::StatusOr<DecodedText> fr = DecodeText(
      "s\xE9"
      "curit\xE9 \x96 \xE9t\xE9",
      "text/plain; charset=windows-1252");
  ASSERT_TRUE(fr.ok()) << fr.status();
  EXPECT_EQ(fr->text, "sécurité – été");
  EXPECT_EQ(fr->charset, "windows-1252");

  // Russian in KOI8-R: "Привет".
  absl::StatusOr<DecodedText> ru =
      DecodeText("\xF0\xD2\xC9\xD7\xC5\xD4", "text/plain;charset=KOI8-R");
  ASSERT_TRUE(ru.ok()) << ru.status();
  EXPECT_EQ(ru->text, "Привет");
}

TEST(DecodeTextTest, DetectsUtf16ByteOrderMark) {
  // "Xin chào" in UTF-16LE with BOM.
  const std::string bytes("\xFF\xFEX\0i\0n\0 \0c\0h\0\xE0\0o\0", 18);
  absl::StatusOr<DecodedText> text = DecodeText(bytes, "");
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(text->text, "Xin chào");
}

TEST(DecodeTextTest, RejectsInvalidUtf8WithOffset) {
  absl::StatusOr<DecodedText> text = DecodeText("Gr\xFC\xDF Gott", "");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(RejectReasonOf(text.status()), REJECT_REASON_INVALID_ENCODING);
  EXPECT_NE(text.status().message().find("byte 2"), std::string::npos)
      << text.status();
  // Truncated multi-byte sequence at the end, overlong form, surrogate.
  EXPECT_EQ(ReasonOf("abc\xE2\x80", ""), REJECT_REASON_INVALID_ENCODING);
  EXPECT_EQ(ReasonOf("\xC0\xAF", ""), REJECT_REASON_INVALID_ENCODING);
  EXPECT_EQ(ReasonOf("\xED\xA0\x80", ""), REJECT_REASON_INVALID_ENCODING);
}

TEST(DecodeTextTest, RejectsBytesInvalidInDeclaredCharset) {
  // 0x81 is unassigned in windows-1252... and Shift_JIS lead without trail.
  EXPECT_EQ(ReasonOf("abc \x81", "text/plain; charset=Shift_JIS"),
            REJECT_REASON_INVALID_ENCODING);
}

TEST(DecodeTextTest, RejectsBinaryData) {
  EXPECT_EQ(ReasonOf(std::string("PK\x03\x04\0\0", 6), ""),
            REJECT_REASON_INVALID_ENCODING);
  std::string controls;
  for (int i = 0; i < 64; ++i)
    controls +=
        "\x01\x02"
        "ab";
  EXPECT_EQ(ReasonOf(controls, ""), REJECT_REASON_INVALID_ENCODING);
}

TEST(DecodeTextTest, RejectsEmptyAndBlank) {
  EXPECT_EQ(ReasonOf("", ""), REJECT_REASON_EMPTY);
  EXPECT_EQ(ReasonOf(" \n\t\r\n ", "text/plain"), REJECT_REASON_EMPTY);
  EXPECT_EQ(ReasonOf("\xEF\xBB\xBF", ""), REJECT_REASON_EMPTY);
}

TEST(DecodeTextTest, RejectsUnsupportedTypesAndUnknownCharsets) {
  EXPECT_EQ(ReasonOf("<p>hi</p>", "text/html"),
            REJECT_REASON_UNSUPPORTED_CONTENT_TYPE);
  EXPECT_EQ(ReasonOf("\x89PNG", "image/png"),
            REJECT_REASON_UNSUPPORTED_CONTENT_TYPE);
  absl::StatusOr<DecodedText> text =
      DecodeText("hello", "text/plain; charset=x-no-such-charset");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(RejectReasonOf(text.status()),
            REJECT_REASON_UNSUPPORTED_CONTENT_TYPE);
  EXPECT_NE(text.status().message().find("x-no-such-charset"),
            std::string::npos);
}

// Found by fuzz_text_decoder: after a UTF-8 byte-order mark the NUL offset
// counted from the end of the mark, so it named the wrong byte.
TEST(DecodeTextTest, NulOffsetIsTheSubmittedByte) {
  absl::StatusOr<DecodedText> text =
      DecodeText(std::string("\xEF\xBB\xBF") + std::string("ab\0", 3), "");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(RejectReasonOf(text.status()), REJECT_REASON_INVALID_ENCODING);
  EXPECT_NE(text.status().message().find("NUL byte at offset 5"),
            std::string::npos)
      << text.status();
  // Decoded from another charset, the position is in the decoded text.
  text =
      DecodeText(std::string("a\0b\0\0\0", 6), "text/plain; charset=UTF-16LE");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("offset 2 of the decoded text"),
            std::string::npos)
      << text.status();
}

// Found by fuzz_text_decoder: only the first of two leading U+FEFF was
// removed, so the text started with a byte-order mark after all.
TEST(DecodeTextTest, StripsEveryLeadingByteOrderMark) {
  absl::StatusOr<DecodedText> text =
      DecodeText("\xEF\xBB\xBF\xEF\xBB\xBFtext after two marks", "");
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(text->text, "text after two marks");
  // UTF-16: ICU's "UTF-16" converter drops the first mark itself.
  text = DecodeText(std::string("\xFF\xFE\xFF\xFEh\0i\0", 8),
                    "text/plain; charset=UTF-16");
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(text->text, "hi");
}

// Found by fuzz_text_decoder: a charset that gives more than one UTF-16
// unit per byte (here SCSU with a window in the supplementary planes)
// overflowed the conversion buffer, and valid text was refused as "bytes
// are not valid SCSU".
TEST(DecodeTextTest, DecodesCharsetsThatExpand) {
  // SDX: window 0 at U+10000; then 40 bytes 0x80, each U+10000.
  const std::string bytes =
      std::string("\x0B\x00\x00", 3) + std::string(40, '\x80');
  absl::StatusOr<DecodedText> text =
      DecodeText(bytes, "text/plain; charset=SCSU");
  ASSERT_TRUE(text.ok()) << text.status();
  std::string expected;
  for (int i = 0; i < 40; ++i) expected += "\xF0\x90\x80\x80";
  EXPECT_EQ(text->text, expected);
}

// Found by fuzz_text_decoder: '\r' counted as a stray control character,
// so a text of short CRLF lines (a list, a table) was refused as binary
// data although the same text with "\n" line ends was taken.
TEST(DecodeTextTest, CrlfLineEndsAreNotControlCharacters) {
  std::string lines;
  for (int i = 0; i < 40; ++i) lines += "Item " + std::to_string(i) + "\r\n";
  absl::StatusOr<DecodedText> text = DecodeText(lines, "");
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(text->text.find('\r'), std::string::npos);
  EXPECT_TRUE(DecodeText(std::string(40, '\f') + "page", "").ok());
}

// Found by fuzz_text_decoder: the share of control characters was measured
// before line separators (3 bytes) became "\n" (1 byte), so a text could be
// taken while the text it decoded to was refused as binary data.
TEST(DecodeTextTest, DecodedTextDecodesToItself) {
  std::string bytes(17, '\x01');  // Just over the 16 stray controls allowed.
  for (int i = 0; i < 110; ++i) bytes += "\xE2\x80\xA8";  // U+2028
  bytes += "abc";
  absl::StatusOr<DecodedText> text = DecodeText(bytes, "");
  if (text.ok()) {
    absl::StatusOr<DecodedText> again = DecodeText(text->text, "");
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ(again->text, text->text);
  } else {
    EXPECT_EQ(RejectReasonOf(text.status()), REJECT_REASON_INVALID_ENCODING);
    EXPECT_EQ(
        ReasonOf(std::string(17, '\x01') + std::string(110, '\n') + "abc", ""),
        REJECT_REASON_INVALID_ENCODING);
  }
}

}  // namespace
}  // namespace accord
