#include "ingest-service/extract/dates/internal/grammar.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"

namespace accord::extract::dates {
namespace {

using temporal::Grain;
using temporal::kUnknownYear;
using temporal::PartialDate;

constexpr size_t kNo = SIZE_MAX;

// Years a bare year may be ("In 2018"), and years a written date may have.
constexpr int kMinCueYear = 1800, kMaxCueYear = 2199;
constexpr int kMinYear = 1000, kMaxYear = 2999;

class Matcher {
 public:
  Matcher(const std::vector<Token>& tokens, const Lexicon& lexicon,
          const temporal::CalendarNames& names, const GrammarOptions& options)
      : t_(tokens),
        lex_(lexicon),
        names_(names),
        options_(options),
        word_sets_(tokens.size()) {}

  std::vector<Match> Run() {
    std::vector<Match> matches;
    size_t i = 0;
    limit_ = 0;
    while (i < t_.size()) {
      if (options_.skip_impossible_starts && !CanStart(i)) {
        ++i;
        continue;
      }
      if (i >= limit_) {  // No pattern crosses a line break.
        limit_ = i + 1;
        while (limit_ < t_.size() && !t_[limit_].break_before) ++limit_;
      }
      Match best;
      bool found = false;
      for (const auto rule :
           {&Matcher::Iso, &Matcher::Numeric, &Matcher::DayMonth,
            &Matcher::MonthDay, &Matcher::MonthYear, &Matcher::YearRule,
            &Matcher::RelativeRule, &Matcher::DurationRule,
            &Matcher::SetRule}) {
        Match m;
        m.first = i;
        if ((this->*rule)(i, &m) && m.last > i &&
            (!found || m.last > best.last)) {
          best = std::move(m);
          found = true;
        }
      }
      if (found) {
        i = best.last;
        matches.push_back(std::move(best));
      } else {
        ++i;
      }
    }
    return matches;
  }

 private:
  // Every rule begins with a number, a phrase of a list a rule starts with
  // or a month or weekday name (Name() keys words by their folded form).
  bool CanStart(size_t i) const {
    if (t_[i].is_number()) return true;
    const WordSets& sets = WordSetsOf(i);
    return (sets.lists & lex_.start_lists) != 0 || sets.name_word;
  }

  // The lexicon's sets token i is in, looked up once.
  struct WordSets {
    bool looked_up = false;
    // A word of a month or weekday name (CalendarNames::IsNameWord).
    bool name_word = false;
    // The bits of the lists with a phrase beginning with the token.
    uint32_t lists = 0;
  };
  const WordSets& WordSetsOf(size_t i) const {
    WordSets& sets = word_sets_[i];
    if (!sets.looked_up) {
      const Token& t = t_[i];
      sets.looked_up = true;
      const auto it = lex_.lists_by_first_token.find(
          absl::string_view(t.lower.data(), t.lower.size()));
      if (it != lex_.lists_by_first_token.end()) sets.lists = it->second;
      sets.name_word = t.is_word() && names_.IsNameWord(t.fold());
    }
    return sets;
  }
  // False only when no phrase of `list` can begin at token i.
  bool MayBegin(size_t i, const PhraseList& list) const {
    return !options_.skip_impossible_words || !Has(i) ||
           (WordSetsOf(i).lists & list.bit) != 0;
  }

  bool Has(size_t i) const { return i < limit_; }
  bool Tight(size_t i) const { return Has(i) && !t_[i].space_before; }
  bool IsPunct(size_t i, std::string_view chars) const {
    return Has(i) && t_[i].is_punct() &&
           chars.find(t_[i].lower) != std::string_view::npos;
  }
  bool IsNum(size_t i, int min_digits, int max_digits) const {
    return Has(i) && t_[i].is_number() && t_[i].digits >= min_digits &&
           t_[i].digits <= max_digits;
  }

  size_t MatchPhrase(size_t i, const Phrase& p) const {
    for (const std::string& token : p.tokens) {
      if (!Has(i) || t_[i].lower != token) return kNo;
      ++i;
    }
    return i;
  }
  // The end of the longest phrase of `list` at i, or kNo.
  size_t Any(size_t i, const PhraseList& list,
             const Phrase** which = nullptr) const {
    if (!MayBegin(i, list)) return kNo;
    size_t best = kNo;
    for (const Phrase& p : list) {
      const size_t end = MatchPhrase(i, p);
      if (end != kNo && (best == kNo || end > best)) {
        best = end;
        if (which != nullptr) *which = &p;
      }
    }
    return best;
  }
  size_t Opt(size_t i, const PhraseList& list) const {
    const size_t end = Any(i, list);
    return end == kNo ? i : end;
  }
  // True when a phrase of `list` ends just before token i.
  bool EndsAt(size_t i, const PhraseList& list) const {
    for (const Phrase& p : list) {
      if (p.tokens.size() > i) continue;
      const size_t start = i - p.tokens.size();
      bool ok = true;
      for (size_t k = 0; k < p.tokens.size() && ok; ++k) {
        ok = t_[start + k].lower == p.tokens[k] &&
             (k == 0 || !t_[start + k].break_before);
      }
      if (ok && !t_[i].break_before) return true;
    }
    return false;
  }

  // A day number 1..31 with its ordinal suffix or German period.
  size_t Day(size_t i, int* day) const {
    if (!IsNum(i, 1, 2) || t_[i].value < 1 || t_[i].value > 31) return kNo;
    *day = t_[i].value;
    size_t j = i + 1;
    if (IsPunct(j, ":") && Tight(j)) return kNo;  // A time, "10:30".
    if (Tight(j) && t_[j].is_word()) {
      const size_t k = Any(j, lex_.ordinals);
      if (k == kNo) return kNo;  // "10km".
      j = k;
    }
    if (lex_.day_dot && IsPunct(j, ".") && Tight(j)) ++j;
    return j;
  }

  // A month or weekday name of the language at i (several words for
  // "tháng Mười Một", "Thứ Sáu").
  size_t Name(size_t i, temporal::CalendarName::Kind kind, bool wide_only,
              int* value) const {
    if (!Has(i) || !t_[i].is_word()) return kNo;
    // English writes month and weekday names with a capital: "may" is a
    // verb, "May" may be a month.
    if (lex_.language == "en" && !t_[i].capitalized) return kNo;
    // Every word of a name's key is a name word; its numbers ("Thứ 6")
    // are numbers.
    int most_words = names_.max_words();
    if (options_.skip_impossible_words) {
      int words = 0;
      while (words < most_words && Has(i + words) &&
             (t_[i + words].is_number() || WordSetsOf(i + words).name_word)) {
        ++words;
      }
      most_words = words;
    }
    std::string joined;
    for (int k = most_words; k >= 1; --k) {
      // One word is its own key (no copy).
      std::string_view key = t_[i].fold();
      size_t j = i + 1;
      if (k > 1) {
        joined.clear();
        for (j = i; j < i + static_cast<size_t>(k); ++j) {
          if (!Has(j) || t_[j].is_punct()) break;
          if (!joined.empty()) joined.push_back(' ');
          joined += t_[j].is_word() ? t_[j].fold() : t_[j].lower;
        }
        if (j != i + static_cast<size_t>(k)) continue;
        key = joined;
      }
      for (const temporal::CalendarName& name : names_.Lookup(key)) {
        if (name.kind != kind || name.language != lex_.language) continue;
        const bool abbreviated =
            name.width == temporal::CalendarName::Width::kAbbreviated;
        if (abbreviated && wide_only) continue;
        // Abbreviated weekdays ("So", "Mi", "Sun", "Wed") are common
        // words; only the team's written forms ("Thứ 6", "Thurs") count.
        if (abbreviated && kind == temporal::CalendarName::Kind::kWeekday &&
            name.source.rfind("team:", 0) != 0) {
          continue;
        }
        *value = name.value;
        if (abbreviated && IsPunct(j, ".") && Tight(j)) ++j;
        return j;
      }
    }
    return kNo;
  }
  size_t MonthName(size_t i, bool wide_only, int* month) const {
    return Name(i, temporal::CalendarName::Kind::kMonth, wide_only, month);
  }
  size_t WeekdayName(size_t i, int* weekday) const {
    return Name(i, temporal::CalendarName::Kind::kWeekday, false, weekday);
  }
  // A month name, or in Vietnamese "/5" after a day.
  size_t MonthAfterDay(size_t i, int* month, bool* slash) const {
    *slash = false;
    const size_t j = MonthName(Opt(i, lex_.day_month_glue), false, month);
    if (j != kNo) return j;
    if (lex_.slash_month && IsPunct(i, "/") && Tight(i) && IsNum(i + 1, 1, 2) &&
        Tight(i + 1) && t_[i + 1].value >= 1 && t_[i + 1].value <= 12) {
      *month = t_[i + 1].value;
      *slash = true;
      return i + 2;
    }
    return kNo;
  }
  // A four-digit year in [min, max], with its suffix ("года").
  size_t Year(size_t i, int* year, int min = kMinYear,
              int max = kMaxYear) const {
    if (!IsNum(i, 4, 4) || t_[i].value < min || t_[i].value > max) return kNo;
    // "2019/20", "2019-11": not a year here.
    if ((IsPunct(i + 1, "/-.") && Tight(i + 1) && IsNum(i + 2, 1, 4) &&
         Tight(i + 2))) {
      return kNo;
    }
    *year = t_[i].value;
    return Opt(i + 1, lex_.year_suffixes);
  }
  // The year after a month: "2019", ", 2019", "de 2019", "năm 2019", "/2019".
  size_t YearAfterMonth(size_t i, bool slash, int* year) const {
    if (slash || lex_.slash_month) {
      if (IsPunct(i, "/") && Tight(i) && Tight(i + 1)) {
        const size_t j = Year(i + 1, year);
        if (j != kNo) return j;
      }
      if (slash) return kNo;
    }
    size_t j = Opt(i, lex_.month_year_glue);
    if (lex_.language == "en" && IsPunct(j, ",")) ++j;
    return Year(j, year);
  }
  // A count: 1..3 digits or a number word.
  size_t Count(size_t i, int* n) const {
    if (IsNum(i, 1, 3) && t_[i].value > 0) {
      *n = t_[i].value;
      return i + 1;
    }
    const Phrase* which = nullptr;
    const size_t j = Any(i, lex_.numbers, &which);
    if (j == kNo) return kNo;
    *n = which->value;
    return j;
  }
  size_t UnitAt(size_t i, Grain* grain, int* multiplier) const {
    const Phrase* which = nullptr;
    const size_t j = Any(i, lex_.units, &which);
    if (j == kNo) return kNo;
    *grain = which->grain;
    *multiplier = which->value;
    return j;
  }

  static bool ValidDay(int year, int month, int day) {
    return temporal::IsValid(PartialDate::Day(year, month, day));
  }
  // A range's one year is written after its end ("December 30 to January
  // 2, 2020", "between August and January 2024"): a begin later than the
  // end is in the year before (2019-12-30). False when that year does not
  // exist (0) or has no such day (February 29).
  static bool BeginInYearBefore(PartialDate* begin, const PartialDate& end) {
    if (!begin->has_year() ||
        temporal::FirstDay(*begin) <= temporal::LastDay(end)) {
      return true;
    }
    --begin->year;
    return begin->has_year() && temporal::IsValid(*begin);
  }

  // 2019-11-27.
  bool Iso(size_t i, Match* m) const {
    if (!IsNum(i, 4, 4) || !IsPunct(i + 1, "-") || !Tight(i + 1) ||
        !IsNum(i + 2, 2, 2) || !Tight(i + 2) || !IsPunct(i + 3, "-") ||
        !Tight(i + 3) || !IsNum(i + 4, 2, 2) || !Tight(i + 4)) {
      return false;
    }
    const int y = t_[i].value, mo = t_[i + 2].value, d = t_[i + 4].value;
    if (!ValidDay(y, mo, d)) return false;
    m->begin = PartialDate::Day(y, mo, d);
    m->last = i + 5;
    m->rule = "iso";
    return true;
  }

  // 27/11/2019, 27.11.2019, 11/27/2019, with a day marker ("le", "am").
  bool Numeric(size_t i, Match* m) const {
    size_t j = Opt(i, lex_.day_markers);
    if (!IsNum(j, 1, 2) || !IsPunct(j + 1, "/.-") || !Tight(j + 1) ||
        !IsNum(j + 2, 1, 2) || !Tight(j + 2) ||
        !IsPunct(j + 3, t_[j + 1].lower) || !Tight(j + 3) || !Tight(j + 4) ||
        !(IsNum(j + 4, 4, 4) ||
          (IsNum(j + 4, 2, 2) && t_[j + 1].lower != "-"))) {
      return false;
    }
    // "1.2.2019.3": part of a longer number.
    if (IsPunct(j + 5, "/.-") && Tight(j + 5) && IsNum(j + 6, 1, 4) &&
        Tight(j + 6)) {
      return false;
    }
    if (j > 0 && t_[j - 1].is_punct() && !t_[j].space_before &&
        std::string_view("/.-").find(t_[j - 1].lower) !=
            std::string_view::npos) {
      return false;
    }
    const int a = t_[j].value, b = t_[j + 2].value;
    int year = t_[j + 4].value;
    if (t_[j + 4].digits == 2) year += year < 70 ? 2000 : 1900;
    int day = a, month = b;
    m->rule = "numeric-dmy";
    if (lex_.language == "en" && options_.english_month_first &&
        ValidDay(year, a, b)) {
      day = b;
      month = a;
      m->rule = "numeric-mdy";
    } else if (!ValidDay(year, month, day) && ValidDay(year, a, b)) {
      day = b;
      month = a;
      m->rule = "numeric-mdy";
    }
    if (!ValidDay(year, month, day)) return false;
    m->begin = PartialDate::Day(year, month, day);
    m->last = j + 5;
    return true;
  }

  // Day-first dates, with a weekday, a marker or as a range: "le 27
  // novembre 2019", "am Freitag, dem 10. November", "del 3 al 5 de junio",
  // "с 24 по 25 мая", "từ ngày 24 đến 25/5", "ngày 27 tháng 11 năm 2019".
  bool DayMonth(size_t i, Match* m) const {
    return DayMonthFrom(i, m, /*allow_range=*/true);
  }
  bool DayMonthFrom(size_t i, Match* m, bool allow_range) const {
    size_t j = i;
    int weekday = 0;
    bool cue = false;  // A marker, weekday or range opener before the day.
    size_t k = Any(j, lex_.weekday_preps);
    const bool prep = k != kNo && WeekdayName(k, &weekday) != kNo;
    if (!prep) k = j;
    size_t after_weekday = WeekdayName(k, &weekday);
    bool ranged = false;
    if (after_weekday != kNo) {
      j = after_weekday;
      cue = true;
      if (IsPunct(j, ",")) ++j;
      j = Opt(Opt(j, lex_.weekday_articles), lex_.day_markers);
    } else {
      size_t from = allow_range ? Any(j, lex_.range_from) : kNo;
      if (from != kNo) {
        j = from;
        ranged = true;
      }
      const size_t marked = Any(j, lex_.day_markers);
      if (marked != kNo) {
        j = marked;
        cue = true;
      }
    }
    int d1 = 0;
    const size_t a = Day(j, &d1);
    if (a == kNo) {
      if (after_weekday == kNo) return false;
      // A weekday alone: "jeudi", "am Samstag", "в субботу".
      if (lex_.language == "ru" && !prep) return false;  // "среда": milieu.
      if (lex_.language == "vi" && !t_[after_weekday - 1].capitalized &&
          !t_[after_weekday - 1].is_number()) {
        return false;  // "thứ hai": the second.
      }
      m->weekday = weekday;
      m->weekday_only = true;
      m->begin = PartialDate::Day(kUnknownYear, 1, 1);
      m->last = after_weekday;
      m->rule = "weekday";
      return true;
    }
    int m1 = 0;
    bool slash1 = false;
    const size_t after_m1 = MonthAfterDay(a, &m1, &slash1);
    // A range: "24-25 мая", "du 30 novembre au 2 décembre 2019".
    const size_t c = Any(after_m1 != kNo ? after_m1 : a, lex_.range_to);
    if (c != kNo && weekday == 0) {
      int d2 = 0;
      const size_t b = Day(Opt(c, lex_.day_markers), &d2);
      int m2 = 0;
      bool slash2 = false;
      const size_t e = b == kNo ? kNo : MonthAfterDay(b, &m2, &slash2);
      if (e != kNo) {
        int year = kUnknownYear;
        size_t end = YearAfterMonth(e, slash2, &year);
        if (end == kNo) {
          end = e;
          year = kUnknownYear;
        }
        const int begin_month = m1 != 0 ? m1 : m2;
        if ((m1 == 0 && d1 >= d2) || !ValidDay(year, begin_month, d1) ||
            !ValidDay(year, m2, d2)) {
          return false;
        }
        m->kind = accord::v1::TEMPORAL_KIND_RANGE;
        m->begin = PartialDate::Day(year, begin_month, d1);
        m->end = PartialDate::Day(year, m2, d2);
        if (!BeginInYearBefore(&m->begin, m->end)) return false;
        m->last = end;
        m->rule = m1 != 0 ? "range-day-month" : "range-days";
        return true;
      }
    }
    // "am 3. Juni", "ngày 15/8": the opener was a day marker.
    if (ranged) return DayMonthFrom(i, m, /*allow_range=*/false);
    if (after_m1 == kNo) return false;
    int year = kUnknownYear;
    size_t end = YearAfterMonth(after_m1, slash1, &year);
    if (end == kNo) {
      end = after_m1;
      year = kUnknownYear;
      // "24/5" alone could be a ratio: a Vietnamese day needs "ngày".
      if (slash1 && !cue) return false;
    }
    if (!ValidDay(year, m1, d1)) return false;
    m->begin = PartialDate::Day(year, m1, d1);
    m->weekday = weekday;
    m->last = end;
    m->rule = weekday != 0 ? "weekday-day-month" : "day-month";
    if (year != kUnknownYear) m->rule += "-year";
    return true;
  }

  // Month-first dates (English): "November 27, 2019", "on Tuesday, March
  // 5", "May 24-25", "from July 8 to 12, 2024", "May 30 to June 2".
  bool MonthDay(size_t i, Match* m) const {
    if (!lex_.month_first) return false;
    size_t j = i;
    const size_t from = Any(j, lex_.range_from);
    if (from != kNo) j = from;
    int weekday = 0;
    const size_t w = WeekdayName(j, &weekday);
    if (w != kNo) {
      if (from != kNo) return false;
      j = IsPunct(w, ",") ? w + 1 : w;
    }
    int m1 = 0, d1 = 0;
    size_t a = MonthName(j, false, &m1);
    if (a == kNo) return false;
    a = Day(a, &d1);
    if (a == kNo) return false;
    // Not "May 2019" read as day 20: Day() takes two digits at most.
    const size_t c = weekday == 0 ? Any(a, lex_.range_to) : kNo;
    if (c != kNo) {
      int m2 = m1, d2 = 0;
      size_t b = MonthName(c, false, &m2);
      if (b == kNo) {
        b = c;
        m2 = m1;
      }
      b = Day(b, &d2);
      if (b != kNo && (m2 != m1 || d2 > d1)) {
        int year = kUnknownYear;
        size_t end = YearAfterMonth(b, false, &year);
        if (end == kNo) {
          end = b;
          year = kUnknownYear;
        }
        if (!ValidDay(year, m1, d1) || !ValidDay(year, m2, d2)) return false;
        m->kind = accord::v1::TEMPORAL_KIND_RANGE;
        m->begin = PartialDate::Day(year, m1, d1);
        m->end = PartialDate::Day(year, m2, d2);
        if (!BeginInYearBefore(&m->begin, m->end)) return false;
        m->last = end;
        m->rule = m2 != m1 ? "range-month-day" : "range-month-days";
        return true;
      }
    }
    if (from != kNo) return false;
    int year = kUnknownYear;
    size_t end = YearAfterMonth(a, false, &year);
    if (end == kNo) {
      end = a;
      year = kUnknownYear;
    }
    if (!ValidDay(year, m1, d1)) return false;
    m->begin = PartialDate::Day(year, m1, d1);
    m->weekday = weekday;
    m->last = end;
    m->rule = weekday != 0 ? "weekday-month-day" : "month-day";
    if (year != kUnknownYear) m->rule += "-year";
    return true;
  }

  // Months: "im Dezember 2024", "December 2024", "tháng 11/2019", "en
  // janvier", "в ноябре", "tháng 6", "between January and August".
  bool MonthYear(size_t i, Match* m) const {
    size_t j = i;
    const size_t from = Any(j, lex_.range_from);
    bool prep = false;
    if (from != kNo) {
      j = from;
    } else {
      const size_t p = Any(j, lex_.month_preps);
      if (p != kNo) {
        j = p;
        prep = true;
      }
      j = Opt(j, lex_.period_modifiers);
    }
    int m1 = 0, y1 = kUnknownYear;
    const size_t a = MonthName(j, false, &m1);
    if (a == kNo) return false;
    size_t end = YearAfterMonth(a, false, &y1);
    const bool wide = MonthName(j, true, &m1) != kNo;
    if (end == kNo) {
      y1 = kUnknownYear;
      end = a;
    }
    const size_t c = Any(end, lex_.range_to);
    int m2 = 0, y2 = kUnknownYear;
    const size_t b = c == kNo ? kNo : MonthName(c, false, &m2);
    if (b != kNo) {
      size_t e = YearAfterMonth(b, false, &y2);
      if (e == kNo) {
        e = b;
        y2 = kUnknownYear;
      }
      const bool one_year = y1 == kUnknownYear;
      if (one_year) y1 = y2;
      PartialDate begin = PartialDate::Month(y1, m1);
      const PartialDate last = PartialDate::Month(y2, m2);
      // Two years, the second before the first: not a range.
      const bool ordered =
          one_year ? BeginInYearBefore(&begin, last)
                   : y2 == kUnknownYear ||
                         temporal::FirstDay(begin) <= temporal::LastDay(last);
      if (ordered && (y2 != kUnknownYear || (wide && (from != kNo || prep)))) {
        m->kind = accord::v1::TEMPORAL_KIND_RANGE;
        m->begin = begin;
        m->end = last;
        m->last = e;
        m->rule = "range-months";
        return true;
      }
    }
    if (from != kNo) return false;
    if (y1 == kUnknownYear && !(wide && (prep || lex_.bare_month))) {
      return false;
    }
    m->begin = PartialDate::Month(y1, m1);
    m->last = end;
    m->rule = y1 != kUnknownYear ? "month-year" : "month";
    return true;
  }

  // Years with a cue: "In 2018", "en 2019", "im Jahr 2018", "в 2020 году",
  // "năm 2023", "2018 года", "since 2015" (the year alone), and year
  // ranges "2020–2021", "2024 bis 2026".
  bool YearRule(size_t i, Match* m) const {
    size_t j = i;
    bool cue = false;
    const size_t p = Any(j, lex_.year_preps);
    if (p != kNo) {
      j = Opt(p, lex_.period_modifiers);
      cue = true;
    } else if (i > 0 && EndsAt(i, lex_.year_cues)) {
      cue = true;
    }
    int y1 = 0;
    const size_t a = Year(j, &y1, kMinCueYear, kMaxCueYear);
    if (a == kNo) return false;
    if (a > j + 1) cue = true;  // A suffix: "2018 года".
    const size_t c = Any(a, lex_.range_to);
    int y2 = 0;
    const size_t b = c == kNo ? kNo : Year(c, &y2, kMinCueYear, kMaxCueYear);
    if (b != kNo && y2 > y1 && y2 - y1 < 100) {
      m->kind = accord::v1::TEMPORAL_KIND_RANGE;
      m->begin = PartialDate::Year(y1);
      m->end = PartialDate::Year(y2);
      m->last = b;
      m->rule = "range-years";
      return true;
    }
    if (!cue) return false;
    m->begin = PartialDate::Year(y1);
    m->last = a;
    m->rule = "year";
    return true;
  }

  // "yesterday", "la semaine dernière", "на прошлой неделе", "3 years ago".
  bool RelativeRule(size_t i, Match* m) const {
    const Phrase* which = nullptr;
    const size_t j = Any(i, lex_.relative, &which);
    if (j != kNo && !(which->lowercase_only && t_[i].capitalized)) {
      m->relative = true;
      m->begin = {kUnknownYear, 0, 0, 0, which->grain};
      m->offset = which->value;
      m->last = j;
      m->rule = which->name;
      return true;
    }
    // "il y a trois ans", "vor drei Jahren", "hace tres años".
    size_t k = Any(i, lex_.ago_before);
    int n = 0, multiplier = 1;
    Grain grain = Grain::kDay;
    size_t end = kNo;
    if (k != kNo && (k = Count(k, &n)) != kNo &&
        (k = UnitAt(k, &grain, &multiplier)) != kNo) {
      end = k;
    } else if ((k = Count(i, &n)) != kNo &&
               (k = UnitAt(k, &grain, &multiplier)) != kNo &&
               (k = Any(k, lex_.ago_after)) != kNo) {
      end = k;
    }
    if (end == kNo) return false;
    m->relative = true;
    m->begin = {kUnknownYear, 0, 0, 0, grain};
    m->offset = -n * multiplier;
    m->last = end;
    m->rule = "ago";
    return true;
  }

  // "seit 20 Jahren", "for three years", "в течение двух лет".
  bool DurationRule(size_t i, Match* m) const {
    const size_t j = Opt(Opt(i, lex_.duration_cues), lex_.duration_modifiers);
    int n = 0, multiplier = 1;
    Grain grain = Grain::kDay;
    size_t k = Count(j, &n);
    if (k == kNo || (k = UnitAt(k, &grain, &multiplier)) == kNo) return false;
    m->kind = accord::v1::TEMPORAL_KIND_DURATION;
    m->duration = absl::StrCat("P", n * multiplier, GrainLetter(grain));
    m->last = Opt(k, lex_.duration_suffixes);
    m->rule = "duration";
    return true;
  }

  // "every year", "jedes Jahr", "ежегодно", "alle zwei Jahre".
  bool SetRule(size_t i, Match* m) const {
    const Phrase* which = nullptr;
    size_t j = Any(i, lex_.sets, &which);
    if (j != kNo) {
      m->kind = accord::v1::TEMPORAL_KIND_SET;
      m->period = absl::StrCat("P", which->value, GrainLetter(which->grain));
      m->last = j;
      m->rule = "set";
      return true;
    }
    j = Any(i, lex_.set_cues);
    int n = 0, multiplier = 1;
    Grain grain = Grain::kDay;
    if (j == kNo || (j = Count(j, &n)) == kNo ||
        (j = UnitAt(j, &grain, &multiplier)) == kNo) {
      return false;
    }
    m->kind = accord::v1::TEMPORAL_KIND_SET;
    m->period = absl::StrCat("P", n * multiplier, GrainLetter(grain));
    m->last = j;
    m->rule = "set-every-n";
    return true;
  }

  const std::vector<Token>& t_;
  const Lexicon& lex_;
  const temporal::CalendarNames& names_;
  const GrammarOptions& options_;
  size_t limit_ = 0;
  // Per token, filled on first use.
  mutable std::vector<WordSets> word_sets_;
};

}  // namespace

std::vector<Match> MatchDates(const std::vector<Token>& tokens,
                              const Lexicon& lexicon,
                              const temporal::CalendarNames& names,
                              const GrammarOptions& options) {
  return Matcher(tokens, lexicon, names, options).Run();
}

const char* GrainLetter(Grain grain) {
  switch (grain) {
    case Grain::kYear:
      return "Y";
    case Grain::kMonth:
      return "M";
    case Grain::kWeek:
      return "W";
    case Grain::kDay:
      break;
  }
  return "D";
}

}  // namespace accord::extract::dates
