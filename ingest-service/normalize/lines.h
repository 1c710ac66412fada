// Splits a text into lines and rejoins lines that were soft-wrapped.
//
// Agency copy arrives with one paragraph per line, blank lines between
// paragraphs, or both; a line is the unit every later pass classifies.
// A line that does not end a sentence and is directly followed by a line
// starting with a lowercase letter was wrapped inside a sentence, and is
// joined to it.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_LINES_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::normalize {

struct Line {
  // Trimmed, white space collapsed; never empty.
  std::string text;
  // 1-based line number in the input; for joined lines, the first one.
  uint32_t number = 0;
  // Number of the last input line folded into this one.
  uint32_t last_number = 0;
};

// The non-blank lines of `text` ("\n" line ends; a stray "\r" is white
// space), trimmed and with white space collapsed.
std::vector<Line> SplitLines(std::string_view text);

// True when `next` continues the sentence `line` was cut from.
bool IsSoftWrap(const Line& line, const Line& next);

// Joins soft-wrapped runs of `lines` with one space.
std::vector<Line> JoinSoftWraps(std::vector<Line> lines);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_LINES_H_
