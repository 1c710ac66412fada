// Minimal structured logging for the servers: one line per event on stderr.
//
// Debian 12's Abseil (20220623) predates absl/log, so this is the small
// shim both services share. Thread-safe: each call writes one whole line.
#ifndef ACCORD_COMMON_UTIL_LOG_H_
#define ACCORD_COMMON_UTIL_LOG_H_

#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace accord {

enum class LogSeverity { kInfo, kWarning, kError };

// Writes "<RFC3339 time> <I|W|E> <message>\n" to stderr. The message is
// escaped with EscapeControl (common/util/untrusted_text.h): one record is
// always one line of valid UTF-8.
void LogLine(LogSeverity severity, absl::string_view message);

template <typename... Args>
void LogInfo(const absl::FormatSpec<Args...>& format, const Args&... args) {
  LogLine(LogSeverity::kInfo, absl::StrFormat(format, args...));
}
template <typename... Args>
void LogWarning(const absl::FormatSpec<Args...>& format, const Args&... args) {
  LogLine(LogSeverity::kWarning, absl::StrFormat(format, args...));
}
template <typename... Args>
void LogError(const absl::FormatSpec<Args...>& format, const Args&... args) {
  LogLine(LogSeverity::kError, absl::StrFormat(format, args...));
}

}  // namespace accord

#endif  // ACCORD_COMMON_UTIL_LOG_H_
