#include "common/parse/text_decoder.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/parse/content_type.h"
#include "common/parse/reject.h"
#include "common/util/untrusted_text.h"

namespace accord {
namespace {

using accord::v1::REJECT_REASON_EMPTY;
using accord::v1::REJECT_REASON_INVALID_ENCODING;
using accord::v1::REJECT_REASON_UNSUPPORTED_CONTENT_TYPE;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

bool IsUtf8Name(absl::string_view charset) {
  return absl::EqualsIgnoreCase(charset, "utf-8") ||
         absl::EqualsIgnoreCase(charset, "utf8") ||
         absl::EqualsIgnoreCase(charset, "us-ascii") ||
         absl::EqualsIgnoreCase(charset, "ascii");
}

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t FirstInvalidUtf8(absl::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    // ASCII fast path: most text is mostly ASCII.
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return absl::string_view::npos;
}

// Converts `bytes` from `charset` to UTF-8. On success `*canonical` is the
// charset's MIME (else IANA) name.
absl::StatusOr<std::string> ConvertToUtf8(absl::string_view bytes,
                                          const std::string& charset,
                                          std::string* canonical) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(
      ucnv_open(charset.c_str(), &error));
  if (U_FAILURE(error) || converter == nullptr) {
    return RejectError(REJECT_REASON_UNSUPPORTED_CONTENT_TYPE,
                       absl::StrCat("charset \"", EscapeUntrusted(charset),
                                    "\" is not known"));
  }
  // Stop at the first unmappable or illegal sequence instead of inserting
  // U+FFFD: silently damaged text is worse than a clear rejection.
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr,
                      nullptr, nullptr, &error);
  icu::UnicodeString text;
  // Most charsets give at most one UTF-16 unit per byte; SCSU, BOCU-1 and a
  // few others give more, and then the first call measured the length.
  int32_t capacity = static_cast<int32_t>(bytes.size()) + 16;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (attempt > 0) error = U_ZERO_ERROR;
    UChar* buffer = text.getBuffer(capacity);
    int32_t length =
        ucnv_toUChars(converter.get(), buffer, capacity, bytes.data(),
                      static_cast<int32_t>(bytes.size()), &error);
    text.releaseBuffer(U_SUCCESS(error) ? length : 0);
    if (error != U_BUFFER_OVERFLOW_ERROR) break;
    capacity = length;
  }
  if (U_FAILURE(error)) {
    char bad[32];
    int8_t bad_length = sizeof(bad);
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), bad, &bad_length, &ignored);
    std::string hex;
    for (int i = 0; i < bad_length; ++i) {
      absl::StrAppendFormat(&hex, "%s%02X", i ? " " : "",
                            static_cast<unsigned char>(bad[i]));
    }
    return RejectError(REJECT_REASON_INVALID_ENCODING,
                       absl::StrCat("bytes are not valid ", charset,
                                    hex.empty() ? "" : " (bad bytes: ", hex,
                                    hex.empty() ? "" : ")"));
  }
  std::string utf8;
  text.toUTF8String(utf8);
  const char* internal = ucnv_getName(converter.get(), &error);
  *canonical = charset;
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode name_error = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(internal, standard, &name_error);
    if (U_SUCCESS(name_error) && name != nullptr) {
      *canonical = name;
      break;
    }
  }
  return utf8;
}

// "\r\n" and lone "\r" become "\n"; Unicode line and paragraph separators
// and NEL become newlines so that line-based stages see them.
std::string NormalizeLineEnds(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (c == '\f' || c == '\v') {
      out += '\n';
    } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\x85') {
      out += '\n';  // U+0085 NEL
      ++i;
    } else if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
               (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      out += s[i + 2] == '\xA9' ? "\n\n" : "\n";  // U+2029 / U+2028
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

// `s` starts at byte `input_offset` of the submitted bytes when it is
// those bytes (UTF-8 input), else input_offset is npos and positions are
// given in the decoded text.
absl::Status CheckNoNul(absl::string_view s, size_t input_offset) {
  const size_t i = s.find('\0');
  if (i == absl::string_view::npos) return absl::OkStatus();
  return RejectError(
      REJECT_REASON_INVALID_ENCODING,
      input_offset == absl::string_view::npos
          ? absl::StrCat("NUL character at offset ", i,
                         " of the decoded text: binary data, not text")
          : absl::StrCat("NUL byte at offset ", input_offset + i,
                         ": binary data, not text"));
}

// Measured on the text DecodeText returns, so that decoding it again gives
// the same verdict.
absl::Status CheckNotMostlyControls(absl::string_view text) {
  size_t controls = 0;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    // Tabs and line ends ("\r", "\f" and "\v" become "\n") are text.
    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != '\f' &&
        c != '\v') {
      ++controls;
    }
  }
  // A few stray control characters happen in crawled text; a text made of
  // them is binary data that happened to decode.
  if (controls > 16 && controls * 20 > text.size()) {
    return RejectError(REJECT_REASON_INVALID_ENCODING,
                       absl::StrCat(controls,
                                    " control characters: binary data, not "
                                    "text"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DecodedText> DecodeText(absl::string_view bytes,
                                       absl::string_view content_type) {
  absl::StatusOr<ContentType> type = ParseContentType(content_type);
  if (!type.ok()) return type.status();
  if (type->media_type != "text/plain") {
    return RejectError(
        REJECT_REASON_UNSUPPORTED_CONTENT_TYPE,
        absl::StrCat("content type \"", EscapeUntrusted(type->media_type),
                     "\" is not supported; supported: text/plain"));
  }

  std::string charset = type->charset;
  if (charset.empty()) {
    if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) {
      charset = "UTF-8";
    } else if (absl::StartsWith(bytes, "\xFF\xFE")) {
      charset = "UTF-16LE";
    } else if (absl::StartsWith(bytes, "\xFE\xFF")) {
      charset = "UTF-16BE";
    } else {
      charset = "UTF-8";
    }
  }

  DecodedText result;
  std::string utf8;
  if (IsUtf8Name(charset)) {
    result.charset = "UTF-8";
    size_t bad = FirstInvalidUtf8(bytes);
    if (bad != absl::string_view::npos) {
      return RejectError(
          REJECT_REASON_INVALID_ENCODING,
          absl::StrFormat("invalid UTF-8 at byte %d (0x%02X)", bad,
                          static_cast<unsigned char>(bytes[bad])));
    }
    utf8 = std::string(bytes);
  } else {
    absl::StatusOr<std::string> converted =
        ConvertToUtf8(bytes, charset, &result.charset);
    if (!converted.ok()) return converted.status();
    utf8 = *std::move(converted);
  }
  // A byte-order mark, and any U+FEFF repeated after it: the text starts
  // after them.
  size_t bom = 0;
  while (
      absl::StartsWith(absl::string_view(utf8).substr(bom), "\xEF\xBB\xBF")) {
    bom += 3;
  }
  utf8.erase(0, bom);

  if (absl::Status nul =
          CheckNoNul(utf8, IsUtf8Name(charset) ? bom : absl::string_view::npos);
      !nul.ok()) {
    return nul;
  }
  utf8 = NormalizeLineEnds(utf8);

  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) {
    return absl::InternalError(
        absl::StrCat("ICU NFC unavailable: ", u_errorName(error)));
  }
  if (nfc->isNormalizedUTF8(utf8, error) && U_SUCCESS(error)) {
    result.text = std::move(utf8);
  } else {
    error = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&result.text, utf8.size());
    nfc->normalizeUTF8(0, utf8, sink, nullptr, error);
    if (U_FAILURE(error)) {
      return absl::InternalError(
          absl::StrCat("NFC normalization failed: ", u_errorName(error)));
    }
  }

  if (absl::Status binary = CheckNotMostlyControls(result.text); !binary.ok()) {
    return binary;
  }

  bool blank = true;
  for (char c : result.text) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) {
      blank = false;
      break;
    }
  }
  if (blank) {
    return RejectError(REJECT_REASON_EMPTY,
                       bytes.empty() ? "document is empty (0 bytes)"
                                     : "document contains only whitespace");
  }
  return result;
}

}  // namespace accord
