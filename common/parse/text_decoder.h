// Turns submitted bytes into the text every later stage works on.
//
// The decoder is the gate of the ingest path: whatever it returns is valid
// UTF-8 in Unicode NFC with "\n" line ends, and whatever it refuses carries
// a RejectReason (see reject.h) and a message that says what is wrong and
// where. It never reads past `bytes` and holds no state: thread-safe.
//
//   absl::StatusOr<DecodedText> text =
//       DecodeText(input.content(), input.content_type());
//   if (!text.ok()) report(RejectReasonOf(text.status()), text.status());
#ifndef ACCORD_COMMON_PARSE_TEXT_DECODER_H_
#define ACCORD_COMMON_PARSE_TEXT_DECODER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace accord {

struct DecodedText {
  // Valid UTF-8, NFC, "\n" line ends, no byte-order mark.
  std::string text;
  // Canonical name of the charset the bytes were decoded from ("UTF-8",
  // "windows-1252", ...).
  std::string charset;
};

// Decodes `bytes` of `content_type` (empty means text/plain).
//
// Charset: the content type's charset parameter; else a byte-order mark
// (UTF-8, UTF-16 LE/BE); else UTF-8. The mark, and any U+FEFF repeated at
// the start, are removed.
//
// Rejections (status InvalidArgument with a RejectReason payload):
//   UNSUPPORTED_CONTENT_TYPE  media type other than text/plain, or a charset
//                             ICU does not know;
//   INVALID_ENCODING          bytes invalid in the charset, NUL bytes, or
//                             mostly control characters (binary data);
//   EMPTY                     nothing but whitespace.
// A message that gives a position ("invalid UTF-8 at byte 12 (0xFC)", "NUL
// byte at offset 7") gives the byte offset in `bytes` for UTF-8 input; for
// other charsets it says it counts in the decoded text.
absl::StatusOr<DecodedText> DecodeText(absl::string_view bytes,
                                       absl::string_view content_type);

}  // namespace accord

#endif  // ACCORD_COMMON_PARSE_TEXT_DECODER_H_
