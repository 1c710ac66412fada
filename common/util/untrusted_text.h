// Showing untrusted text (ids, queries, content types, URLs from requests)
// in error messages, error details and log lines.
//
// Request fields may hold any bytes: line breaks that would forge a log
// line, NUL, invalid UTF-8, or megabytes. Error messages and ErrorInfo
// metadata are protobuf strings, which must be valid UTF-8 (a stored bundle
// report with an invalid message would not parse back), and a log record
// must stay one line. Every place that quotes request input uses
// EscapeUntrusted; LogLine (common/util/log.h) applies EscapeControl to
// whole lines as a second guard.
//
//   absl::StrCat("document id \"", EscapeUntrusted(id), "\" is not ...")
//   // id = "x\n2026-12-01 E FORGED" -> document id "x\n2026-12-01 E FORGED"
//   //   with a backslash and an 'n', on one line.
#ifndef ACCORD_COMMON_UTIL_UNTRUSTED_TEXT_H_
#define ACCORD_COMMON_UTIL_UNTRUSTED_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace accord {

// Default for EscapeUntrusted: enough to recognize an id or a query.
inline constexpr size_t kMaxQuotedBytes = 80;

// Returns `text` as valid UTF-8 on one line, for use between double quotes:
// `\` and `"` are backslash-escaped; \n, \r and \t are written as such;
// other C0 controls, DEL and invalid UTF-8 bytes as \xHH; C1 controls and
// U+2028/U+2029 as \u{HHHH}. At most `max_bytes` bytes of `text` are shown,
// never cutting a character in two; "…" marks a cut.
std::string EscapeUntrusted(absl::string_view text,
                            size_t max_bytes = kMaxQuotedBytes);

// Like EscapeUntrusted without quoting or cutting: only what would break a
// line or UTF-8 validity (controls, invalid bytes, U+2028/U+2029) is
// escaped; backslashes and quotes stay. For whole log lines.
std::string EscapeControl(absl::string_view text);

// True when `text` is well-formed UTF-8 (what a protobuf string must be).
bool IsValidUtf8(absl::string_view text);

}  // namespace accord

#endif  // ACCORD_COMMON_UTIL_UNTRUSTED_TEXT_H_
