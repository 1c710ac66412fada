#include "ingest-service/normalize/boilerplate.h"

#include <vector>

#include "ingest-service/normalize/marker_words.h"
#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {
namespace {

constexpr size_t kMaxMarkerLineChars = 60;
constexpr size_t kMaxCreditChars = 40;
constexpr size_t kMaxCreditWords = 4;
constexpr size_t kMaxSourceNameWords = 6;

bool IsDecoration(char32_t c) {
  return c == ':' || c == 0x00BB || c == 0x00AB || c == 0x203A || c == 0x2039 ||
         c == '>' || c == '<' || c == 0x2192 || c == '+' || c == 0x2026 ||
         c == '.' || c == '|' || c == '*' || c == 0x2022 || c == '[' ||
         c == ']' || IsDash(c) || IsSpace(c) || c == 0x25BA || c == 0x25B6;
}

// Strips arrows, colons, brackets and ellipses around a marker.
std::string_view StripDecoration(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t next = begin;
    if (!IsDecoration(NextCodePoint(s, &next))) break;
    begin = next;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t prev = end;
    if (!IsDecoration(PrevCodePoint(s, &prev))) break;
    end = prev;
  }
  return s.substr(begin, end - begin);
}

bool InTable(std::string_view lower, absl::Span<const std::string_view> table) {
  for (std::string_view entry : table) {
    if (entry == lower) return true;
  }
  return false;
}

bool IsUrl(std::string_view word) {
  const std::string lower = ToLower(word);
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 ||
         lower.rfind("www.", 0) == 0;
}

// True when `credit` looks like a credit: one to four words, short, no
// sentence punctuation ("VNA", "AFP/Getty Images", "Reuters", "dpa").
bool IsCredit(std::string_view credit) {
  credit = Trim(credit);
  if (credit.empty() || CountCodePoints(credit) > kMaxCreditChars) {
    return false;
  }
  if (SplitWords(credit).size() > kMaxCreditWords) return false;
  if (!IsLetter(FirstCodePoint(credit))) return false;
  for (char c : credit) {
    if (c == '.' || c == ',' || c == ';' || c == '?' || c == '!') return false;
  }
  return true;
}

}  // namespace

bool IsTeaserMarker(std::string_view line) {
  if (HasMoreCodePointsThan(line, kMaxMarkerLineChars)) return false;
  return InTable(ToLower(StripDecoration(line)), TeaserMarkers());
}

std::optional<SourceLine> MatchSourceLine(std::string_view line) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string label = ToLower(Trim(line.substr(0, colon)));
  if (!InTable(label, SourceLabels())) return std::nullopt;
  const std::string_view rest = Trim(line.substr(colon + 1));
  if (rest.empty()) return std::nullopt;
  const std::vector<std::string_view> words = SplitWords(rest);
  SourceLine source;
  for (std::string_view word : words) {
    if (IsUrl(word)) {
      source.url = std::string(word);
      break;
    }
  }
  if (source.url.empty() && words.size() > kMaxSourceNameWords) {
    return std::nullopt;
  }
  return source;
}

bool IsCommentCounter(std::string_view line) {
  if (HasMoreCodePointsThan(line, kMaxMarkerLineChars)) return false;
  const std::string lower = ToLower(StripDecoration(line));
  std::string_view s = lower;
  // "<words> (N)" or "<words>: N" or "N <words>".
  auto is_number = [](std::string_view t) {
    if (t.empty()) return false;
    for (char c : t) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  std::string_view words;
  if (!s.empty() && s.back() == ')') {
    const size_t open = s.rfind('(');
    if (open == std::string_view::npos) return false;
    if (!is_number(s.substr(open + 1, s.size() - open - 2))) return false;
    words = Trim(s.substr(0, open));
  } else if (const size_t space = s.find(' ');
             space != std::string_view::npos && is_number(s.substr(0, space))) {
    words = Trim(s.substr(space + 1));
  } else if (const size_t last = s.rfind(' ');
             last != std::string_view::npos && is_number(s.substr(last + 1))) {
    words = StripDecoration(s.substr(0, last));
  } else {
    return false;
  }
  return InTable(words, CommentWords());
}

bool IsCaptionLine(std::string_view line) {
  std::string_view s = Trim(line);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (!s.empty() && s.back() == ')') {
    // "(Photo: VNA)" at the end.
    const size_t open = s.rfind('(');
    if (open == std::string_view::npos) return false;
    s = s.substr(open + 1, s.size() - open - 2);
  }
  const size_t colon = s.rfind(':');
  if (colon == std::string_view::npos) return false;
  if (!IsCredit(s.substr(colon + 1))) return false;
  // The credit word ends right before the colon and starts the line or
  // follows a space or sentence punctuation.
  const std::string_view head = Trim(s.substr(0, colon));
  for (std::string_view word : PhotoCreditWords()) {
    const size_t word_chars = CountCodePoints(word);
    size_t start = head.size();
    size_t taken = 0;
    while (start > 0 && taken < word_chars) {
      PrevCodePoint(head, &start);
      ++taken;
    }
    if (taken != word_chars) continue;
    if (ToLower(head.substr(start)) != word) continue;
    if (start == 0) return true;
    size_t before = start;
    const char32_t c = PrevCodePoint(head, &before);
    if (IsSpace(c) || c == '.' || c == '(' || c == ',' || IsDash(c) ||
        c == '/' || c == '|') {
      return true;
    }
  }
  return false;
}

}  // namespace accord::normalize
