#include "common/util/log.h"

#include <cstdio>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/util/untrusted_text.h"

namespace accord {

void LogLine(LogSeverity severity, absl::string_view message) {
  const char tag = severity == LogSeverity::kInfo      ? 'I'
                   : severity == LogSeverity::kWarning ? 'W'
                                                       : 'E';
  std::string line = absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(),
                                      absl::UTCTimeZone());
  line += ' ';
  line += tag;
  line += ' ';
  // Messages quote request input; a line break or NUL in it must not
  // start a forged record.
  line += EscapeControl(message);
  line += '\n';
  // One fwrite per line keeps concurrent lines from interleaving.
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace accord
