#include "ingest-service/extract/dates/publication_stamp.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/temporal/calendar_names.h"
#include "common/temporal/text_fold.h"

namespace accord::extract::dates {
namespace {

using temporal::DecodeUtf8;
using temporal::IsLetter;
using temporal::IsSpace;

// The line without white space at either end.
std::string_view Trim(std::string_view s) {
  size_t begin = s.size(), end = 0;
  for (size_t pos = 0; pos < s.size();) {
    const size_t start = pos;
    if (IsSpace(DecodeUtf8(s, &pos))) continue;
    begin = std::min(begin, start);
    end = pos;
  }
  return begin < end ? s.substr(begin, end - begin) : std::string_view();
}

// More than `n` code points (continuation bytes are not counted).
bool HasMoreCodePointsThan(std::string_view s, size_t n) {
  if (s.size() <= n) return false;
  size_t count = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++count > n) {
      return true;
    }
  }
  return false;
}

const temporal::CalendarNames& Names() {
  return temporal::CalendarNames::Default();
}

// Words that may sit between the parts of a date stamp, lowercase: "at",
// "à", "um", "uhr", "de", "года", "lúc", "published", "updated", ...
bool IsFillerWord(std::string_view lower_word) {
  static const auto* const kFillers = new absl::flat_hash_set<std::string_view>{
      "at",
      "on",
      "the",
      "of",
      "published",
      "updated",
      "posted",
      "last",
      "à",
      "le",
      "publié",
      "mis",
      "jour",
      "modifié",
      "am",
      "um",
      "uhr",
      "den",
      "veröffentlicht",
      "aktualisiert",
      "stand",
      "de",
      "del",
      "el",
      "a",
      "las",
      "publicado",
      "actualizado",
      "года",
      "год",
      "г",
      "в",
      "опубликовано",
      "обновлено",
      "lúc",
      "ngày",
      "năm",
      "tháng",
      "cập",
      "nhật",
      "đăng",
      "giờ",
      "alle",
      "ore",
      "em",
      "às",
      "t",  // ISO 8601 "2019-11-28T11:12".
  };
  return kFillers->contains(lower_word);
}

struct Token {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string text;  // Lowercase for words.
  // The token in a calendar-name key (temporal::NameKey): words without
  // accents ("decembre"), numbers without leading zeros ("tháng 06").
  std::string key = {};
  int value = 0;   // For numbers.
  int digits = 0;  // For numbers.
  bool used = false;
};

bool IsWordChar(char32_t c) {
  return IsLetter(c) || (c >= 0x300 && c <= 0x36F);  // Combining accents.
}

std::vector<Token> Tokenize(std::string_view line) {
  const std::string lower = temporal::Lower(line);
  const std::string_view s = lower;
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const char32_t c = DecodeUtf8(s, &pos);
    if (IsSpace(c)) continue;
    if (c >= '0' && c <= '9') {
      Token t{Token::kNumber, std::string(1, static_cast<char>(c))};
      t.value = static_cast<int>(c - '0');
      t.digits = 1;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        // Longer runs are never date parts; cap to avoid overflow.
        if (t.digits < 9) t.value = t.value * 10 + (s[pos] - '0');
        t.text.push_back(s[pos]);
        ++t.digits;
        ++pos;
      }
      t.key = t.digits <= 2 ? std::to_string(t.value) : t.text;
      tokens.push_back(std::move(t));
    } else if (IsWordChar(c)) {
      size_t end = pos;
      while (end < s.size()) {
        size_t next = end;
        if (!IsWordChar(DecodeUtf8(s, &next))) break;
        end = next;
      }
      Token t{Token::kWord, std::string(s.substr(start, end - start))};
      t.key = temporal::Fold(t.text);
      tokens.push_back(std::move(t));
      pos = end;
    } else {
      tokens.push_back(
          {Token::kPunct, std::string(s.substr(start, pos - start))});
    }
  }
  return tokens;
}

struct Stamp {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = -1;
  bool has_offset = false;
  int offset_minutes = 0;
};

bool IsNum(const std::vector<Token>& t, size_t i, int min_digits,
           int max_digits) {
  return i < t.size() && !t[i].used && t[i].kind == Token::kNumber &&
         t[i].digits >= min_digits && t[i].digits <= max_digits;
}
bool IsPunct(const std::vector<Token>& t, size_t i, std::string_view chars) {
  return i < t.size() && t[i].kind == Token::kPunct &&
         chars.find(t[i].text) != std::string_view::npos;
}
bool IsWord(const std::vector<Token>& t, size_t i, std::string_view word) {
  return i < t.size() && t[i].kind == Token::kWord && t[i].text == word;
}
// The end of the longest calendar name (a key of temporal::CalendarNames)
// that starts with the word at `i` and that `accept(key)` takes, or `i`.
// Names are words and numbers ("novembre", "ноября", "tháng 11", "tháng
// Mười Một", "Thứ 6"), a hyphen joining two words ("segunda-feira"); the
// key joins them with a space as NameKey does.
template <typename Accept>
size_t NameEnd(const std::vector<Token>& t, size_t i, Accept accept) {
  if (i >= t.size() || t[i].kind != Token::kWord) return i;
  const int max_words = Names().max_words();
  std::string key;
  size_t end = i;
  int words = 0;
  for (size_t j = i; j < t.size() && words < max_words && !t[j].used; ++j) {
    if (t[j].kind == Token::kPunct) {
      if (t[j].text == "-" && j + 1 < t.size() &&
          t[j + 1].kind == Token::kWord) {
        continue;
      }
      break;
    }
    if (!key.empty()) key.push_back(' ');
    key += t[j].key;
    ++words;
    if (accept(key)) end = j + 1;
  }
  return end;
}

// The month (1..12) a name at `i` gives, in any language ICU and the team
// know, and the index after it in `*end`; 0 when there is none.
int MonthAt(const std::vector<Token>& t, size_t i, size_t* end) {
  int month = 0;
  *end = NameEnd(t, i, [&](const std::string& key) {
    const int m = Names().Month(key);
    if (m > 0) month = m;
    return m > 0;
  });
  return month;
}
int FullYear(const Token& t) {
  if (t.digits == 4) return t.value;
  return t.value < 70 ? 2000 + t.value : 1900 + t.value;
}
void Use(std::vector<Token>& t, size_t from, size_t to) {
  for (size_t i = from; i < to && i < t.size(); ++i) t[i].used = true;
}
// Skips separators that may sit inside a written date: ".", ",", "de".
size_t SkipDateGlue(const std::vector<Token>& t, size_t i) {
  while (i < t.size() &&
         (IsPunct(t, i, ".,") || IsWord(t, i, "de") || IsWord(t, i, "del") ||
          IsWord(t, i, "năm") || IsWord(t, i, "st") || IsWord(t, i, "nd") ||
          IsWord(t, i, "rd") || IsWord(t, i, "th"))) {
    ++i;
  }
  return i;
}

// Finds one date pattern; marks its tokens used.
bool FindDate(std::vector<Token>& t, Stamp* out) {
  for (size_t i = 0; i < t.size(); ++i) {
    // 2019-11-28
    if (IsNum(t, i, 4, 4) && IsPunct(t, i + 1, "-/.") &&
        IsNum(t, i + 2, 1, 2) && IsPunct(t, i + 3, "-/.") &&
        IsNum(t, i + 4, 1, 2)) {
      *out = {t[i].value, t[i + 2].value, t[i + 4].value};
      Use(t, i, i + 5);
      return true;
    }
    // 28/11/2019, 28.11.19; month first only when day first is impossible.
    if (IsNum(t, i, 1, 2) && IsPunct(t, i + 1, "-/.") &&
        IsNum(t, i + 2, 1, 2) && IsPunct(t, i + 3, "-/.") &&
        (IsNum(t, i + 4, 4, 4) || IsNum(t, i + 4, 2, 2))) {
      int day = t[i].value, month = t[i + 2].value;
      if (month > 12 && day <= 12) std::swap(day, month);
      *out = {FullYear(t[i + 4]), month, day};
      Use(t, i, i + 5);
      return true;
    }
    // 28 November 2019, 28. November 2019, 28 de noviembre de 2019.
    if (IsNum(t, i, 1, 2)) {
      // Vietnamese "28 tháng 11 năm 2019": "tháng 11" is ICU's month name.
      const size_t j = SkipDateGlue(t, i + 1);
      size_t after = j;
      if (const int month = MonthAt(t, j, &after); month > 0) {
        size_t k = SkipDateGlue(t, after);
        if (IsNum(t, k, 4, 4)) {
          *out = {t[k].value, month, t[i].value};
          Use(t, i, k + 1);
          return true;
        }
      }
    }
    // November 28, 2019; Nov. 28th 2019.
    size_t after = i;
    if (const int month = MonthAt(t, i, &after); month > 0) {
      size_t j = SkipDateGlue(t, after);
      if (IsNum(t, j, 1, 2)) {
        size_t k = SkipDateGlue(t, j + 1);
        if (IsNum(t, k, 4, 4)) {
          *out = {t[k].value, month, t[j].value};
          Use(t, i, k + 1);
          return true;
        }
      }
    }
  }
  return false;
}

// 11:12, 11:12:30, 11h12, with am/pm.
void FindTime(std::vector<Token>& t, Stamp* out) {
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (!IsNum(t, i, 1, 2) ||
        !(IsPunct(t, i + 1, ":") || IsWord(t, i + 1, "h")) ||
        !IsNum(t, i + 2, 2, 2)) {
      continue;
    }
    out->hour = t[i].value;
    out->minute = t[i + 2].value;
    size_t end = i + 3;
    if (IsPunct(t, end, ":") && IsNum(t, end + 1, 2, 2)) {
      out->second = t[end + 1].value;
      end += 2;
    }
    bool pm = false, am = false;
    if (IsWord(t, end, "pm") || IsWord(t, end, "ch")) {
      pm = true;
      ++end;
    } else if (IsWord(t, end, "am") || IsWord(t, end, "sa")) {
      am = true;
      ++end;
    } else if ((IsWord(t, end, "a") || IsWord(t, end, "p")) &&
               IsPunct(t, end + 1, ".") && IsWord(t, end + 2, "m")) {
      pm = t[end].text == "p";
      am = !pm;
      end += IsPunct(t, end + 3, ".") ? 4 : 3;
    }
    if ((am || pm) && (out->hour < 1 || out->hour > 12)) out->hour = 99;
    if (pm && out->hour < 12) out->hour += 12;
    if (am && out->hour == 12) out->hour = 0;
    Use(t, i, end);
    return;
  }
}

int NamedZoneMinutes(std::string_view zone, bool* known) {
  static constexpr struct {
    std::string_view name;
    int minutes;
  } kZones[] = {{"ict", 420},  {"wib", 420},  {"sgt", 480},  {"jst", 540},
                {"kst", 540},  {"msk", 180},  {"eet", 120},  {"eest", 180},
                {"cet", 60},   {"cest", 120}, {"mez", 60},   {"mesz", 120},
                {"bst", 60},   {"wet", 0},    {"est", -300}, {"edt", -240},
                {"pst", -480}, {"pdt", -420}};
  for (const auto& z : kZones) {
    if (z.name == zone) {
      *known = true;
      return z.minutes;
    }
  }
  *known = false;
  return 0;
}

// GMT+7, UTC+07:00, +0700, ICT.
void FindZone(std::vector<Token>& t, Stamp* out) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].used) continue;
    size_t j = i;
    const bool named_base =
        IsWord(t, i, "gmt") || IsWord(t, i, "utc") || IsWord(t, i, "z");
    if (named_base) ++j;
    const bool sign = IsPunct(t, j, "+-\u2212");
    if (!named_base && !sign) {
      bool known = false;
      const int minutes =
          t[i].kind == Token::kWord ? NamedZoneMinutes(t[i].text, &known) : 0;
      if (known && out->hour >= 0) {
        out->has_offset = true;
        out->offset_minutes = minutes;
        Use(t, i, i + 1);
        return;
      }
      continue;
    }
    if (!sign) {  // Bare "GMT" / "UTC".
      out->has_offset = true;
      out->offset_minutes = 0;
      Use(t, i, j);
      return;
    }
    // A bare sign needs a time before it, else "-" is just punctuation.
    if (!named_base && out->hour < 0) continue;
    const int sign_value = t[j].text == "+" ? 1 : -1;
    size_t k = j + 1;
    int minutes = 0;
    if (IsNum(t, k, 1, 2)) {
      minutes = t[k].value * 60;
      ++k;
      if (IsPunct(t, k, ":") && IsNum(t, k + 1, 2, 2)) {
        minutes += t[k + 1].value;
        k += 2;
      }
    } else if (IsNum(t, k, 4, 4)) {
      minutes = (t[k].value / 100) * 60 + t[k].value % 100;
      ++k;
    } else {
      continue;
    }
    if (!named_base && !IsNum(t, j + 1, 4, 4) && !(k == j + 4)) continue;
    out->has_offset = true;
    out->offset_minutes = sign_value * minutes;
    Use(t, i, k);
    return;
  }
}

bool OnlyGlueLeft(const std::vector<Token>& t) {
  for (size_t i = 0; i < t.size(); ++i) {
    const Token& token = t[i];
    if (token.used) continue;
    if (token.kind == Token::kNumber) return false;
    if (token.kind == Token::kPunct) {
      static constexpr std::string_view kAllowed[] = {
          "|",      ",", "(", ")", "[",      "]",      "-", "\u2013",
          "\u2014", ".", "/", ":", "\u00b7", "\u2022", "+"};
      bool ok = false;
      for (std::string_view a : kAllowed) ok = ok || token.text == a;
      if (!ok) return false;
      continue;
    }
    if (IsFillerWord(token.text)) continue;
    // A weekday or month name, in any language ("Thứ Năm", "Thứ 5").
    const size_t end = NameEnd(t, i, [](const std::string& key) {
      return !Names().Lookup(key).empty();
    });
    if (end == i) return false;
    i = end - 1;
  }
  return true;
}

}  // namespace

std::optional<accord::v1::Publication> ParsePublicationStamp(
    std::string_view line) {
  line = Trim(line);
  if (line.empty() || HasMoreCodePointsThan(line, kMaxStampChars) ||
      line.find_first_of("0123456789") == std::string_view::npos) {
    return std::nullopt;  // Every date form has a digit.
  }
  std::vector<Token> tokens = Tokenize(line);
  Stamp stamp;
  if (!FindDate(tokens, &stamp)) return std::nullopt;
  FindTime(tokens, &stamp);
  FindZone(tokens, &stamp);
  if (!OnlyGlueLeft(tokens)) return std::nullopt;

  const absl::CivilDay day(stamp.year, stamp.month, stamp.day);
  if (day.year() != stamp.year || day.month() != stamp.month ||
      day.day() != stamp.day || stamp.hour > 23 || stamp.minute > 59 ||
      stamp.second > 59 || stamp.offset_minutes < -18 * 60 ||
      stamp.offset_minutes > 18 * 60) {
    return std::nullopt;
  }
  const bool has_time = stamp.hour >= 0;
  const absl::CivilSecond local(stamp.year, stamp.month, stamp.day,
                                has_time ? stamp.hour : 0, stamp.minute,
                                stamp.second > 0 ? stamp.second : 0);
  // A zone without a time is not kept (a day has no offset in iso8601), so
  // it does not move the instant either.
  const absl::TimeZone zone =
      has_time && stamp.has_offset
          ? absl::FixedTimeZone(stamp.offset_minutes * 60)
          : absl::UTCTimeZone();
  const absl::Time instant = absl::FromCivil(local, zone);
  // What a google.protobuf.Timestamp can hold: 0001-01-01T00:00:00Z to
  // 9999-12-31T23:59:59Z.
  const int64_t seconds = absl::ToUnixSeconds(instant);
  if (seconds < -62135596800 || seconds > 253402300799) return std::nullopt;
  // The local date is written as iso8601 too, and ISO 8601 years here are
  // 0001..9999: "0000-12-31 23:59 GMT-12" is an instant in year 1 but no
  // date Accord can write back (the dates fuzzer found it).
  if (stamp.year < 1 || stamp.year > 9999) return std::nullopt;

  std::string iso =
      absl::StrFormat("%04d-%02d-%02d", stamp.year, stamp.month, stamp.day);
  accord::v1::TimePrecision precision = accord::v1::TIME_PRECISION_DAY;
  if (has_time) {
    absl::StrAppendFormat(&iso, "T%02d:%02d", stamp.hour, stamp.minute);
    precision = accord::v1::TIME_PRECISION_MINUTE;
    if (stamp.second >= 0) {
      absl::StrAppendFormat(&iso, ":%02d", stamp.second);
      precision = accord::v1::TIME_PRECISION_SECOND;
    }
    if (stamp.has_offset) {
      if (stamp.offset_minutes == 0) {
        iso += "Z";
      } else {
        const int abs_minutes = std::abs(stamp.offset_minutes);
        absl::StrAppendFormat(&iso, "%c%02d:%02d",
                              stamp.offset_minutes < 0 ? '-' : '+',
                              abs_minutes / 60, abs_minutes % 60);
      }
    }
  }

  accord::v1::Publication publication;
  publication.mutable_time()->set_seconds(seconds);
  publication.set_iso8601(iso);
  publication.set_has_utc_offset(has_time && stamp.has_offset);
  publication.set_utc_offset_minutes(
      has_time && stamp.has_offset ? stamp.offset_minutes : 0);
  publication.set_precision(precision);
  publication.set_origin(accord::v1::PUBLICATION_ORIGIN_TEXT_STAMP);
  publication.set_text(std::string(line));
  return publication;
}

}  // namespace accord::extract::dates
