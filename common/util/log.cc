#include "common/util/log.h"

#include <atomic>
#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/util/untrusted_text.h"

namespace accord {
namespace {

std::atomic<LogFormat> log_format{LogFormat::kText};

// `text` (valid UTF-8 without control characters, as EscapeControl leaves
// it) as the inside of a JSON string.
std::string JsonEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

void SetLogFormat(LogFormat format) { log_format.store(format); }

std::string FormatLogLine(LogFormat format, absl::Time time,
                          LogSeverity severity, absl::string_view message) {
  const std::string when =
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time, absl::UTCTimeZone());
  // Messages quote request input; a line break or NUL in it must not
  // start a forged record.
  const std::string escaped = EscapeControl(message);
  if (format == LogFormat::kJson) {
    const char* name = severity == LogSeverity::kInfo      ? "INFO"
                       : severity == LogSeverity::kWarning ? "WARNING"
                                                           : "ERROR";
    return absl::StrCat("{\"time\":\"", when, "\",\"severity\":\"", name,
                        "\",\"message\":\"", JsonEscape(escaped), "\"}\n");
  }
  const char tag = severity == LogSeverity::kInfo      ? 'I'
                   : severity == LogSeverity::kWarning ? 'W'
                                                       : 'E';
  return absl::StrCat(when, " ", std::string(1, tag), " ", escaped, "\n");
}

void LogLine(LogSeverity severity, absl::string_view message) {
  const std::string line =
      FormatLogLine(log_format.load(), absl::Now(), severity, message);
  // One fwrite per line keeps concurrent lines from interleaving.
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace accord
