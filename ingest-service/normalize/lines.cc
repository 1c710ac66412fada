#include "ingest-service/normalize/lines.h"

#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  uint32_t number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    std::string collapsed = CollapseWhitespace(text.substr(start, end - start));
    if (!collapsed.empty()) {
      lines.push_back({std::move(collapsed), number, number});
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool IsSoftWrap(const Line& line, const Line& next) {
  if (next.number != line.last_number + 1) return false;  // Blank between.
  if (EndsWithTerminalPunctuation(line.text)) return false;
  const char32_t last = LastCodePoint(line.text);
  // A line ending in a colon introduces a list or a quote on its own line.
  if (last == ':') return false;
  return IsLower(FirstCodePoint(next.text));
}

std::vector<Line> JoinSoftWraps(std::vector<Line> lines) {
  std::vector<Line> joined;
  joined.reserve(lines.size());
  for (Line& line : lines) {
    if (!joined.empty() && IsSoftWrap(joined.back(), line)) {
      Line& previous = joined.back();
      // A word cut at a hyphen ("self-\nproclaimed") is joined without a
      // space, keeping the hyphen.
      const bool hyphen = previous.text.back() == '-' &&
                          previous.text.size() >= 2 &&
                          previous.text[previous.text.size() - 2] != ' ';
      if (!hyphen) previous.text.push_back(' ');
      previous.text += line.text;
      previous.last_number = line.last_number;
    } else {
      joined.push_back(std::move(line));
    }
  }
  return joined;
}

}  // namespace accord::normalize
