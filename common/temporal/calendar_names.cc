#include "common/temporal/calendar_names.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/temporal/text_fold.h"

namespace accord::temporal {
namespace {

using Kind = CalendarName::Kind;
using Width = CalendarName::Width;

absl::string_view AsAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

std::string LanguageOf(std::string_view locale) {
  return std::string(locale.substr(0, locale.find('_')));
}

// Forms people write that ICU 72's DateFormatSymbols does not list, by
// language. Each is the team's own; keep this list small and say why.
struct Supplement {
  const char* language;
  Kind kind;
  int value;
  Width width;
  const char* text;
};
constexpr Supplement kSupplements[] = {
    // English: ICU abbreviates September "Sep" and Tuesday/Thursday "Tue",
    // "Thu"; agency copy also writes "Sept.", "Tues.", "Thur.", "Thurs.".
    {"en", Kind::kMonth, 9, Width::kAbbreviated, "Sept"},
    {"en", Kind::kWeekday, 2, Width::kAbbreviated, "Tues"},
    {"en", Kind::kWeekday, 4, Width::kAbbreviated, "Thur"},
    {"en", Kind::kWeekday, 4, Width::kAbbreviated, "Thurs"},
    // German: "Sonnabend" (Saturday, northern and eastern usage).
    {"de", Kind::kWeekday, 6, Width::kWide, "Sonnabend"},
    // Spanish: "setiembre" (Peru, Uruguay; also accepted by the RAE).
    {"es", Kind::kMonth, 9, Width::kWide, "setiembre"},
    // Russian: the prepositional case after "в" ("в декабре 2024 года");
    // ICU has only the genitive (format) and nominative (standalone).
    {"ru", Kind::kMonth, 1, Width::kWide, "январе"},
    {"ru", Kind::kMonth, 2, Width::kWide, "феврале"},
    {"ru", Kind::kMonth, 3, Width::kWide, "марте"},
    {"ru", Kind::kMonth, 4, Width::kWide, "апреле"},
    {"ru", Kind::kMonth, 5, Width::kWide, "мае"},
    {"ru", Kind::kMonth, 6, Width::kWide, "июне"},
    {"ru", Kind::kMonth, 7, Width::kWide, "июле"},
    {"ru", Kind::kMonth, 8, Width::kWide, "августе"},
    {"ru", Kind::kMonth, 9, Width::kWide, "сентябре"},
    {"ru", Kind::kMonth, 10, Width::kWide, "октябре"},
    {"ru", Kind::kMonth, 11, Width::kWide, "ноябре"},
    {"ru", Kind::kMonth, 12, Width::kWide, "декабре"},
    // Russian: the accusative after "в" ("в среду, 6 сентября", "в
    // субботу"); ICU has only the nominative.
    {"ru", Kind::kWeekday, 3, Width::kWide, "среду"},
    {"ru", Kind::kWeekday, 5, Width::kWide, "пятницу"},
    {"ru", Kind::kWeekday, 6, Width::kWide, "субботу"},
    // Russian: short forms of news-site stamps ("28 ноя 2019").
    {"ru", Kind::kMonth, 2, Width::kAbbreviated, "фев"},
    {"ru", Kind::kMonth, 9, Width::kAbbreviated, "сен"},
    {"ru", Kind::kMonth, 11, Width::kAbbreviated, "ноя"},
    // Vietnamese: ICU has only "tháng 1".."tháng 12"; months are also
    // written with number words, and January and December have their own
    // names ("tháng Giêng", "tháng Chạp").
    {"vi", Kind::kMonth, 1, Width::kWide, "tháng Giêng"},
    {"vi", Kind::kMonth, 1, Width::kWide, "tháng Một"},
    {"vi", Kind::kMonth, 2, Width::kWide, "tháng Hai"},
    {"vi", Kind::kMonth, 3, Width::kWide, "tháng Ba"},
    {"vi", Kind::kMonth, 4, Width::kWide, "tháng Tư"},
    {"vi", Kind::kMonth, 5, Width::kWide, "tháng Năm"},
    {"vi", Kind::kMonth, 6, Width::kWide, "tháng Sáu"},
    {"vi", Kind::kMonth, 7, Width::kWide, "tháng Bảy"},
    {"vi", Kind::kMonth, 8, Width::kWide, "tháng Tám"},
    {"vi", Kind::kMonth, 9, Width::kWide, "tháng Chín"},
    {"vi", Kind::kMonth, 10, Width::kWide, "tháng Mười"},
    {"vi", Kind::kMonth, 11, Width::kWide, "tháng Mười Một"},
    {"vi", Kind::kMonth, 12, Width::kWide, "tháng Mười Hai"},
    {"vi", Kind::kMonth, 12, Width::kWide, "tháng Chạp"},
    // Vietnamese: weekdays by number ("Thứ 6, 10/11/2017"), as stamps and
    // newspapers print them; ICU abbreviates "Th 6".
    {"vi", Kind::kWeekday, 1, Width::kAbbreviated, "Thứ 2"},
    {"vi", Kind::kWeekday, 2, Width::kAbbreviated, "Thứ 3"},
    {"vi", Kind::kWeekday, 3, Width::kAbbreviated, "Thứ 4"},
    {"vi", Kind::kWeekday, 4, Width::kAbbreviated, "Thứ 5"},
    {"vi", Kind::kWeekday, 5, Width::kAbbreviated, "Thứ 6"},
    {"vi", Kind::kWeekday, 6, Width::kAbbreviated, "Thứ 7"},
};

const std::vector<CalendarName>& Empty() {
  static const auto* const kEmpty = new std::vector<CalendarName>();
  return *kEmpty;
}

}  // namespace

absl::StatusOr<std::unique_ptr<CalendarNames>> CalendarNames::Create(
    const CalendarNamesOptions& options) {
  std::unique_ptr<CalendarNames> names(new CalendarNames());
  std::vector<std::string> languages;
  for (const std::string& locale : options.locales) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(icu::Locale(locale.c_str()), status);
    if (U_FAILURE(status)) {
      return absl::InternalError(absl::StrCat(
          "ICU has no date symbols for ", locale, ": ", u_errorName(status)));
    }
    const std::string language = LanguageOf(locale);
    languages.push_back(language);
    const std::string source = absl::StrCat("icu:", locale);
    for (const auto context :
         {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      const bool format = context == icu::DateFormatSymbols::FORMAT;
      for (const auto width : {icu::DateFormatSymbols::WIDE,
                               icu::DateFormatSymbols::ABBREVIATED}) {
        const Width our_width = width == icu::DateFormatSymbols::WIDE
                                    ? Width::kWide
                                    : Width::kAbbreviated;
        int32_t count = 0;
        const icu::UnicodeString* months =
            symbols.getMonths(count, context, width);
        for (int32_t i = 0; i < count && i < 12; ++i) {
          std::string text;
          months[i].toUTF8String(text);
          names->Add(text, {Kind::kMonth, i + 1, language, our_width, format,
                            !format, source});
        }
        // ICU numbers weekdays 1 = Sunday .. 7 = Saturday (index 0 unused).
        const icu::UnicodeString* weekdays =
            symbols.getWeekdays(count, context, width);
        for (int32_t i = 1; i < count && i <= 7; ++i) {
          std::string text;
          weekdays[i].toUTF8String(text);
          const int iso = i == 1 ? 7 : i - 1;
          names->Add(text, {Kind::kWeekday, iso, language, our_width, format,
                            !format, source});
        }
      }
    }
  }
  if (options.team_supplements) {
    for (const Supplement& s : kSupplements) {
      if (std::find(languages.begin(), languages.end(), s.language) ==
          languages.end()) {
        continue;
      }
      names->Add(s.text, {s.kind, s.value, s.language, s.width, false, false,
                          "team:calendar_names.cc"});
    }
  }
  return names;
}

const CalendarNames& CalendarNames::Default() {
  static const CalendarNames* const kDefault = [] {
    absl::StatusOr<std::unique_ptr<CalendarNames>> names =
        Create(CalendarNamesOptions());
    // Without ICU data nothing in this process could read a date; the
    // services link ICU's data library, so this is a build error.
    if (!names.ok()) std::abort();
    return names->release();
  }();
  return *kDefault;
}

void CalendarNames::Add(std::string_view text, CalendarName name) {
  const std::string key = NameKey(text);
  if (key.empty()) return;
  std::vector<CalendarName>& entries = names_[key];
  // The same name in several contexts or widths is one entry that says so.
  for (CalendarName& e : entries) {
    if (e.kind == name.kind && e.value == name.value &&
        e.language == name.language) {
      e.format = e.format || name.format;
      e.standalone = e.standalone || name.standalone;
      if (name.width == Width::kWide) e.width = Width::kWide;
      return;
    }
  }
  entries.push_back(std::move(name));
  int words = 1;
  size_t start = 0;
  while (true) {
    const size_t space = key.find(' ', start);
    const std::string word = key.substr(start, space - start);
    if (!word.empty() && !(word[0] >= '0' && word[0] <= '9')) {
      words_.insert(word);
    }
    if (space == std::string::npos) break;
    ++words;
    start = space + 1;
  }
  max_words_ = std::max(max_words_, words);
}

const std::vector<CalendarName>& CalendarNames::Lookup(
    std::string_view key) const {
  const auto it = names_.find(AsAbsl(key));
  return it == names_.end() ? Empty() : it->second;
}

int CalendarNames::Find(std::string_view key, Kind kind,
                        std::string_view language, bool wide_only) const {
  int value = 0;
  for (const CalendarName& name : Lookup(key)) {
    if (name.kind != kind) continue;
    if (!language.empty() && name.language != language) continue;
    if (wide_only && name.width != Width::kWide) continue;
    if (value != 0 && value != name.value) return 0;  // Ambiguous.
    value = name.value;
  }
  return value;
}

int CalendarNames::Month(std::string_view key, std::string_view language,
                         bool wide_only) const {
  return Find(key, Kind::kMonth, language, wide_only);
}

int CalendarNames::Weekday(std::string_view key, std::string_view language,
                           bool wide_only) const {
  return Find(key, Kind::kWeekday, language, wide_only);
}

bool CalendarNames::IsNameWord(std::string_view word) const {
  return words_.contains(AsAbsl(word));
}

}  // namespace accord::temporal
