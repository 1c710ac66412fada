#include "ingest-service/normalize/dateline.h"

#include <vector>

#include "common/temporal/calendar_names.h"
#include "common/temporal/text_fold.h"
#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {
namespace {

constexpr size_t kMaxPlaceWords = 5;
constexpr size_t kMaxLowercaseParticle = 4;  // Code points.
constexpr size_t kMaxAgencyBytes = 40;
constexpr size_t kMaxDateBytes = 24;

// A place word: letters with inner hyphens, apostrophes or a final period
// ("St."); starts with a letter.
bool IsPlaceWord(std::string_view word) {
  if (word.empty() || !IsLetter(FirstCodePoint(word))) return false;
  for (size_t pos = 0; pos < word.size();) {
    const char32_t c = NextCodePoint(word, &pos);
    if (IsLetter(c) || IsDash(c) || c == '\'' || c == 0x2019 ||
        (c >= 0x300 && c <= 0x36F)) {
      continue;
    }
    if (c == '.' && pos == word.size()) continue;
    return false;
  }
  return true;
}

// "Nov 10", "10 novembre", "3. März", "10/11": short, has a digit, and
// every word is a month name (temporal::CalendarNames: ICU's names in
// every language it lists, "Nov", "novembre", "März") or "de".
bool IsDatePart(std::string_view text) {
  if (text.empty() || text.size() > kMaxDateBytes) return false;
  bool digit = false;
  for (std::string_view word : SplitWords(text)) {
    std::string lower = ToLower(word);
    while (!lower.empty() && (lower.back() == '.' || lower.back() == ',')) {
      lower.pop_back();
    }
    bool numeric = !lower.empty();
    for (char c : lower) {
      numeric = numeric && ((c >= '0' && c <= '9') || c == '/' || c == '-');
    }
    if (numeric) {
      digit = true;
    } else if (lower != "de" && temporal::CalendarNames::Default().Month(
                                    temporal::NameKey(lower)) == 0) {
      return false;
    }
  }
  return digit;
}

bool IsAgency(std::string_view agency) {
  if (agency.empty() || agency.size() > kMaxAgencyBytes) return false;
  const std::vector<std::string_view> words = SplitWords(agency);
  if (words.empty() || words.size() > 4) return false;
  const char32_t first = FirstCodePoint(agency);
  if (!IsLetter(first)) return false;
  // Lowercase agency names are short acronyms ("dpa", "afp").
  if (!IsUpper(first) && (words.size() > 1 || CountCodePoints(agency) > 5)) {
    return false;
  }
  for (size_t pos = 0; pos < agency.size();) {
    const char32_t c = NextCodePoint(agency, &pos);
    if (!(IsLetter(c) || IsDigit(c) || c == ' ' || c == '/' || c == '&' ||
          c == '.' || IsDash(c))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<DatelineMatch> MatchDateline(std::string_view paragraph) {
  const size_t open = paragraph.find('(');
  if (open == std::string_view::npos || open == 0) return std::nullopt;
  const size_t close = paragraph.find(')', open);
  if (close == std::string_view::npos) return std::nullopt;

  // Head: "Place" or "Place, date", before the parenthesis.
  std::string_view head = Trim(paragraph.substr(0, open));
  std::string_view place_text = head;
  if (const size_t comma = head.find(','); comma != std::string_view::npos) {
    if (!IsDatePart(Trim(head.substr(comma + 1)))) return std::nullopt;
    place_text = Trim(head.substr(0, comma));
  }
  const std::vector<std::string_view> words = SplitWords(place_text);
  if (words.empty() || words.size() > kMaxPlaceWords) return std::nullopt;
  size_t capitalized = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!IsPlaceWord(words[i])) return std::nullopt;
    if (IsUpper(FirstCodePoint(words[i]))) {
      ++capitalized;
    } else if (i == 0 || i + 1 == words.size() ||
               CountCodePoints(words[i]) > kMaxLowercaseParticle) {
      return std::nullopt;
    }
  }
  if (capitalized == 0 || capitalized > 4) return std::nullopt;

  const std::string_view agency =
      Trim(paragraph.substr(open + 1, close - open - 1));
  if (!IsAgency(agency)) return std::nullopt;

  // After ")": optional spaces, then a dash or a colon, then a space or the
  // end of the paragraph.
  size_t pos = close + 1;
  while (pos < paragraph.size() && paragraph[pos] == ' ') ++pos;
  if (pos >= paragraph.size()) return std::nullopt;
  size_t after = pos;
  const char32_t mark = NextCodePoint(paragraph, &after);
  if (!IsDash(mark) && mark != ':') return std::nullopt;
  if (after < paragraph.size() && paragraph[after] != ' ') return std::nullopt;

  DatelineMatch match;
  for (std::string_view word : words) {
    if (!match.place.empty()) match.place.push_back(' ');
    match.place.append(word);
  }
  match.agency = std::string(agency);
  match.text = std::string(paragraph.substr(0, after));
  while (after < paragraph.size() && paragraph[after] == ' ') ++after;
  match.length = after;
  return match;
}

}  // namespace accord::normalize
