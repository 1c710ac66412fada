// Minimal structured logging for the servers: one line per event on stderr.
//
// Debian 12's Abseil (20220623) predates absl/log, so this is the small
// shim both services share. Thread-safe: each call writes one whole line.
#ifndef ACCORD_COMMON_UTIL_LOG_H_
#define ACCORD_COMMON_UTIL_LOG_H_

#include <string>

#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace accord {

enum class LogSeverity { kInfo, kWarning, kError };

enum class LogFormat {
  // "<RFC3339 time> <I|W|E> <message>": for people.
  kText,
  // {"time":"<RFC3339>","severity":"INFO|WARNING|ERROR","message":"..."}:
  // for log collectors.
  kJson,
};

// The format of every line from now on. Default: kText. Call it from main
// before other threads log.
void SetLogFormat(LogFormat format);

// One record as LogLine writes it, with its newline. The message is
// escaped with EscapeControl (common/util/untrusted_text.h), and for JSON
// as a JSON string: one record is always one line of valid UTF-8.
std::string FormatLogLine(LogFormat format, absl::Time time,
                          LogSeverity severity, absl::string_view message);

// Writes one record, in the format SetLogFormat chose, to stderr.
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
