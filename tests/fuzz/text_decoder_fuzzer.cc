// Fuzz target: charset decoding, DecodeText (common/parse/text_decoder.h).
//
// Feeds "<content type>\n<bytes>": the first line is the content type (the
// fuzzer invents charsets or takes them from text_decoder.dict), the rest
// the submitted bytes. An input without '\n' is all bytes, content type "".
//
// Asserts, from the header's contract:
//  - accepted text is valid UTF-8 and NFC, has only "\n" line ends (no CR,
//    FF, VT, NEL, U+2028, U+2029), no leading byte-order mark and no NUL,
//    is not only white space, and names the charset it was decoded from;
//  - decoding is idempotent: the accepted text decoded again as UTF-8 comes
//    back unchanged, and so does the same text with "\r\n" line ends;
//  - a refusal is InvalidArgument with a RejectReason, and its message is
//    valid UTF-8 whenever the content type is (it travels in a proto string);
//  - the positions in messages point into the submitted bytes: "invalid
//    UTF-8 at byte N (0xXX)" names byte N and its value, and for UTF-8 input
//    "NUL byte at offset N" names a NUL byte;
//  - "bytes are not valid <charset>" only when ICU itself cannot convert the
//    bytes from that charset (no valid text refused for a buffer size).
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "common/parse/content_type.h"
#include "common/parse/reject.h"
#include "common/parse/text_decoder.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

// The number after `prefix` when `message` starts with it, or -1. (Only
// at the start: messages quote the content type, which may say anything.)
long long NumberAfter(std::string_view message, std::string_view prefix) {
  if (message.substr(0, prefix.size()) != prefix) return -1;
  std::string_view digits = message.substr(prefix.size());
  digits = digits.substr(0, digits.find_first_not_of("0123456789"));
  long long n = -1;
  if (!absl::SimpleAtoi(absl::string_view(digits.data(), digits.size()), &n)) {
    return -1;
  }
  return n;
}

// Whether ICU converts all of `bytes` from `charset`, stopping at the first
// illegal or unmappable sequence as DecodeText does, with no size limit.
bool IcuConverts(std::string_view bytes, const std::string& charset) {
  UErrorCode error = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &error);
  if (U_FAILURE(error)) return false;
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                      nullptr, &error);
  // Into a real buffer: ICU's pure preflighting (capacity 0) misses a
  // truncated last character.
  std::vector<UChar> buffer(2 * bytes.size() + 16);
  for (int attempt = 0; attempt < 2; ++attempt) {
    error = U_ZERO_ERROR;
    const int32_t length = ucnv_toUChars(
        converter, buffer.data(), static_cast<int32_t>(buffer.size()),
        bytes.data(), static_cast<int32_t>(bytes.size()), &error);
    if (error != U_BUFFER_OVERFLOW_ERROR) break;
    buffer.resize(length);
  }
  ucnv_close(converter);
  return U_SUCCESS(error);
}

void CheckAccepted(std::string_view bytes, std::string_view content_type,
                   const DecodedText& decoded) {
  const std::string& text = decoded.text;
  FUZZ_CHECK(IsValidUtf8(text), "output is not UTF-8: " + Escape(text));
  FUZZ_CHECK(!decoded.charset.empty(), "no charset named");
  FUZZ_CHECK(!absl::StartsWith(text, "\xEF\xBB\xBF"),
             "output starts with a byte-order mark: " + Escape(text));
  using std::string_view_literals::operator""sv;
  for (std::string_view bad : {"\r"sv, "\f"sv, "\v"sv, "\0"sv, "\xC2\x85"sv,
                               "\xE2\x80\xA8"sv, "\xE2\x80\xA9"sv}) {
    FUZZ_CHECK(text.find(bad) == std::string::npos,
               "output holds " + Escape(bad) + ": " + Escape(text));
  }
  bool blank = true;
  for (char c : text) blank = blank && (c == ' ' || (c >= '\t' && c <= '\r'));
  FUZZ_CHECK(!blank, "accepted a blank text: " + Escape(text));

  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  FUZZ_CHECK(U_SUCCESS(error), "no ICU NFC");
  const bool normalized = nfc->isNormalizedUTF8(text, error);
  FUZZ_CHECK(U_SUCCESS(error) && normalized,
             "output is not NFC: " + Escape(text));

  absl::StatusOr<DecodedText> again =
      DecodeText(text, "text/plain; charset=utf-8");
  FUZZ_CHECK(again.ok(), "decoded text refused when decoded again: " +
                             std::string(again.status().message()) +
                             "; input " + Escape(bytes) + " as " +
                             Escape(content_type));
  FUZZ_CHECK(again->text == text,
             "decoding is not idempotent: " + Escape(text) + " -> " +
                 Escape(again->text));

  // "\r\n" line ends are "\n" line ends: the same text, the same verdict.
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  absl::StatusOr<DecodedText> windows =
      DecodeText(crlf, "text/plain; charset=utf-8");
  FUZZ_CHECK(windows.ok() && windows->text == text,
             "the text with CRLF line ends decodes differently: " +
                 Escape(crlf) + " -> " +
                 (windows.ok() ? Escape(windows->text)
                               : std::string(windows.status().message())));
}

void CheckRefused(std::string_view bytes, std::string_view content_type,
                  const absl::Status& status) {
  const std::string message(status.message());
  FUZZ_CHECK(absl::IsInvalidArgument(status),
             "refusal is not InvalidArgument: " + status.ToString());
  FUZZ_CHECK(RejectReasonOf(status) != accord::v1::REJECT_REASON_UNSPECIFIED,
             "refusal without a reject reason: " + message);
  FUZZ_CHECK(!message.empty(), "refusal without a message");
  if (IsValidUtf8(content_type)) {
    FUZZ_CHECK(IsValidUtf8(message),
               "message is not UTF-8: " + Escape(message));
  }

  absl::StatusOr<ContentType> type = ParseContentType(AsAbsl(content_type));
  const bool utf8_input =
      type.ok() && (type->charset.empty()
                        ? !absl::StartsWith(AsAbsl(bytes), "\xFF\xFE") &&
                              !absl::StartsWith(AsAbsl(bytes), "\xFE\xFF")
                        : absl::EqualsIgnoreCase(type->charset, "utf-8") ||
                              absl::EqualsIgnoreCase(type->charset, "utf8"));

  if (const long long at = NumberAfter(message, "invalid UTF-8 at byte ");
      at >= 0) {
    FUZZ_CHECK(static_cast<size_t>(at) < bytes.size(),
               "invalid UTF-8 position past the end: " + message);
    char hex[8];
    std::snprintf(hex, sizeof(hex), "(0x%02X)",
                  static_cast<unsigned char>(bytes[at]));
    FUZZ_CHECK(absl::StrContains(message, hex),
               "invalid UTF-8 message names another byte: " + message + " in " +
                   Escape(bytes));
    FUZZ_CHECK(!IsValidUtf8(bytes), "valid UTF-8 refused: " + Escape(bytes));
  }
  if (const long long at = NumberAfter(message, "NUL byte at offset ");
      at >= 0 && utf8_input) {
    FUZZ_CHECK(static_cast<size_t>(at) < bytes.size() && bytes[at] == '\0',
               "NUL offset does not point at a NUL byte: " + message + " in " +
                   Escape(bytes));
  }
  constexpr absl::string_view kNotValid = "bytes are not valid ";
  if (absl::StartsWith(message, kNotValid)) {
    std::string charset = message.substr(kNotValid.size());
    charset = charset.substr(0, charset.rfind(" (bad bytes: "));
    FUZZ_CHECK(!IcuConverts(bytes, charset),
               "refused bytes that ICU converts from " + charset + ": " +
                   Escape(bytes));
  }
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::string_view content_type, bytes = all;
  if (const size_t newline = all.find('\n');
      newline != std::string_view::npos) {
    content_type = all.substr(0, newline);
    bytes = all.substr(newline + 1);
  }
  absl::StatusOr<accord::DecodedText> decoded = accord::DecodeText(
      absl::string_view(bytes.data(), bytes.size()),
      absl::string_view(content_type.data(), content_type.size()));
  if (decoded.ok()) {
    CheckAccepted(bytes, content_type, *decoded);
  } else {
    CheckRefused(bytes, content_type, decoded.status());
  }
  return 0;
}
