#include "bench/corpus/internal/article_parts.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace accord::bench::internal {

// Howard Hinnant's civil_from_days: integer-only.
CivilTime ToCivil(int64_t unix_seconds) {
  const int64_t days = unix_seconds / 86400;
  const int64_t secs = unix_seconds % 86400;
  const int64_t z = days + 719468;
  const int64_t era = z / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilTime{static_cast<int>(y),
                   static_cast<int>(m),
                   static_cast<int>(d),
                   static_cast<int>(secs / 3600),
                   static_cast<int>(secs % 3600 / 60),
                   static_cast<int>((days + 4) % 7)};
}

void CapitalizeFirst(std::string& s) {
  if (s.empty()) return;
  const unsigned char c = s[0];
  if (c >= 'a' && c <= 'z') {
    s[0] = static_cast<char>(c - 32);
  } else if (s.size() > 1 && c == 0xD0 && (unsigned char)s[1] >= 0xB0) {
    s[1] = static_cast<char>((unsigned char)s[1] - 0x20);  // а..п
  } else if (s.size() > 1 && c == 0xD1 && (unsigned char)s[1] <= 0x8F) {
    s[0] = static_cast<char>(0xD0);  // р..я
    s[1] = static_cast<char>((unsigned char)s[1] + 0x20);
  }
}

int CountWords(absl::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

uint32_t NextLineNumber(absl::string_view text) {
  return static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string Stamp(absl::string_view lang, const CivilTime& t,
                  const Vocabulary& v) {
  const absl::string_view month = v.months.entries()[t.month - 1];
  if (lang == "en") {
    const int h12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    return absl::StrFormat("%s %d, %d | %d:%02d %s GMT+7", month, t.day, t.year,
                           h12, t.minute, t.hour < 12 ? "am" : "pm");
  }
  if (lang == "fr") {
    return absl::StrFormat("Publié le %02d/%02d/%d à %02dh%02d", t.day, t.month,
                           t.year, t.hour, t.minute);
  }
  if (lang == "de") {
    return absl::StrFormat("%02d.%02d.%d, %02d:%02d Uhr", t.day, t.month,
                           t.year, t.hour, t.minute);
  }
  if (lang == "ru") {
    return absl::StrFormat("%d %s %d, %02d:%02d", t.day, month, t.year, t.hour,
                           t.minute);
  }
  if (lang == "vi") {
    static constexpr absl::string_view kDays[] = {
        "Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
        "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
    return absl::StrFormat("%s, %02d/%02d/%d %02d:%02d (GMT+7)",
                           kDays[t.weekday], t.day, t.month, t.year, t.hour,
                           t.minute);
  }
  return absl::StrFormat("%02d/%02d/%d %02d:%02d GMT+7", t.day, t.month, t.year,
                         t.hour, t.minute);
}

std::string SourceUrl(absl::string_view language, SplitMix64& rng) {
  static constexpr absl::string_view kSites[] = {
      "vietnamplus.vn", "en.vietnamplus.vn", "fr.vietnamplus.vn",
      "tass.ru",        "efe.com",           "dpa-international.com",
      "afp.com",        "reuters.com",       "baochinhphu.vn"};
  // One draw per statement, in the order g++ evaluated them when they were
  // arguments of one call (right to left), which the templated corpus's
  // fingerprint pins: argument order is unspecified, and clang's differs.
  const int64_t post = rng.Between(1e5, 2e6);
  const absl::string_view site = kSites[rng.Below(std::size(kSites))];
  return absl::StrCat("https://www.", site, "/", language, "/news-post", post,
                      ".vnp");
}

}  // namespace accord::bench::internal
