// Month and weekday names in many languages, from ICU's
// icu::DateFormatSymbols, for reading dates in text.
//
// For each locale the table takes the wide and abbreviated names in both
// the format and the standalone contexts, which gives inflected forms where
// the language has them: Russian genitive "ноября" (format: "27 ноября") and
// nominative "ноябрь" (standalone), Austrian "Jänner". Names are keyed by
// NameKey() (text_fold.h): lowercase, accents removed, punctuation dropped,
// so "Déc.", "déc" and "DEC" are one key, "décembre" matches "decembre".
// A few forms that people write but ICU 72 does not list are the team's own
// supplements (calendar_names.cc, each commented): "Sept.", "Tues.",
// Russian prepositional "декабре" ("в декабре"), Vietnamese "tháng Mười
// Một" and "Thứ 6", German "Sonnabend", Spanish "setiembre".
//
// Thread-safety: immutable after construction; every method is const and
// safe to call from any number of threads. Default() is built on first use
// (a few milliseconds) and lives for the process.
//
//   const CalendarNames& names = CalendarNames::Default();
//   names.Month(NameKey("ноября"), "ru");     // 11
//   names.Weekday(NameKey("Vendredi"), "fr"); // 5 (ISO: Monday = 1)
#ifndef ACCORD_COMMON_TEMPORAL_CALENDAR_NAMES_H_
#define ACCORD_COMMON_TEMPORAL_CALENDAR_NAMES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace accord::temporal {

// One name of a month or a weekday in one language.
struct CalendarName {
  enum class Kind { kMonth, kWeekday };
  enum class Width { kWide, kAbbreviated };
  Kind kind = Kind::kMonth;
  // Month 1..12, or ISO weekday 1 (Monday) .. 7 (Sunday).
  int value = 0;
  // ISO 639-1 language of the locale it came from ("de" for de_AT).
  std::string language;
  Width width = Width::kWide;
  // ICU context: format ("27 ноября") and/or standalone ("ноябрь"); a
  // supplement has neither.
  bool format = false;
  bool standalone = false;
  // "icu:<locale>" or "team:calendar_names.cc".
  std::string source;
};

struct CalendarNamesOptions {
  // ICU locales to read. Default: the corpus languages and the variants
  // that add forms (de_AT "Jänner", pt_PT "segunda").
  std::vector<std::string> locales = {"en", "fr", "de", "de_AT", "es",
                                      "ru", "vi", "it", "pt",    "pt_PT"};
  // Add the team's supplements (only for languages in `locales`).
  // Default: true.
  bool team_supplements = true;
};

class CalendarNames {
 public:
  // Reads ICU's symbols for every locale. INTERNAL when ICU has no data for
  // one (a build without ICU data).
  static absl::StatusOr<std::unique_ptr<CalendarNames>> Create(
      const CalendarNamesOptions& options);
  // The table for CalendarNamesOptions{}, built once per process.
  static const CalendarNames& Default();

  // Every name with this key (NameKey form), in any language; empty when
  // none.
  const std::vector<CalendarName>& Lookup(std::string_view key) const;

  // The month (1..12) or weekday (1..7) a key names in `language` (ISO
  // 639-1; empty: any language), 0 when none. A key that names different
  // values in different languages answers 0 for "any language".
  // `wide_only` skips abbreviations ("nov", "déc", "Mi").
  int Month(std::string_view key, std::string_view language = {},
            bool wide_only = false) const;
  int Weekday(std::string_view key, std::string_view language = {},
              bool wide_only = false) const;

  // True when `word` (one NameKey word, "thu", "feira") is a word of some
  // name: single words of multi-word names count ("thứ", "năm" of "Thứ Năm").
  bool IsNameWord(std::string_view word) const;
  // The most words any key has ("thang muoi mot": 3).
  int max_words() const { return max_words_; }

 private:
  CalendarNames() = default;
  void Add(std::string_view text, CalendarName name);
  int Find(std::string_view key, CalendarName::Kind kind,
           std::string_view language, bool wide_only) const;

  absl::flat_hash_map<std::string, std::vector<CalendarName>> names_;
  absl::flat_hash_set<std::string> words_;
  int max_words_ = 1;
};

}  // namespace accord::temporal

#endif  // ACCORD_COMMON_TEMPORAL_CALENDAR_NAMES_H_
