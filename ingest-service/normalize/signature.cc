#include "ingest-service/normalize/signature.h"

#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {
namespace {

constexpr size_t kMinAcronym = 2;
constexpr size_t kMaxAcronym = 8;

// Moves `*pos` back over spaces.
void SkipSpacesBack(std::string_view s, size_t* pos) {
  while (*pos > 0 && s[*pos - 1] == ' ') --*pos;
}

// True when `s[0, pos)` is empty or ends a sentence, so that what follows
// cannot be the last word of that sentence.
bool SentenceEndsAt(std::string_view s, size_t pos) {
  SkipSpacesBack(s, &pos);
  if (pos == 0) return true;
  return EndsWithTerminalPunctuation(s.substr(0, pos));
}

}  // namespace

std::optional<SignatureMatch> MatchTrailingSignature(
    std::string_view paragraph) {
  size_t end = paragraph.size();
  SkipSpacesBack(paragraph, &end);
  const std::string_view s = paragraph.substr(0, end);
  if (s.empty()) return std::nullopt;

  // The Vietnamese closing mark "/." (its own line, or after the period).
  if (s.size() >= 2 && s.substr(s.size() - 2) == "/.") {
    const size_t start = s.size() - 2;
    return SignatureMatch{"/.", "", start};
  }

  size_t pos = s.size();
  const bool parenthesized = s.back() == ')';
  if (parenthesized) --pos;
  // The acronym, read backwards.
  const size_t acronym_end = pos;
  size_t letters = 0;
  while (pos > 0) {
    size_t prev = pos;
    const char32_t c = PrevCodePoint(s, &prev);
    if (!IsLetter(c) || !IsUpper(c)) break;
    pos = prev;
    ++letters;
  }
  if (letters < kMinAcronym || letters > kMaxAcronym) return std::nullopt;
  const std::string agency(s.substr(pos, acronym_end - pos));
  size_t start = pos;

  if (parenthesized) {
    if (start == 0 || s[start - 1] != '(') return std::nullopt;
    --start;
  } else {
    size_t dash = start;
    SkipSpacesBack(s, &dash);
    if (dash > 0) {
      size_t prev = dash;
      if (IsDash(PrevCodePoint(s, &prev))) {
        start = prev;
      } else if (dash == start) {
        // Letters glued to a word: "...VNA" is part of a longer word.
        return std::nullopt;
      } else {
        // A bare acronym after a space must be its own paragraph.
        return std::nullopt;
      }
    }
  }
  if (!SentenceEndsAt(s, start)) return std::nullopt;
  return SignatureMatch{std::string(s.substr(start)), agency, start};
}

}  // namespace accord::normalize
