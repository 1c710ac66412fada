// The words of the date grammars, per language: the team's own lists of
// prepositions, articles, range connectors, relative expressions, units,
// number words and recurring expressions for EN, FR, DE, ES, RU and VI.
// Month and weekday names are not here: they come from ICU through
// temporal::CalendarNames. Phrases are matched token by token on the
// lowercase form (accents kept), so "La semana pasada" matches "la semana
// pasada" and "aujourd’hui" matches "aujourd'hui".
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_LEXICON_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "common/temporal/calendar.h"

namespace accord::extract::dates {

// A phrase, tokenized like the text (tokens.h), with what it means in its
// list: a number, a unit's grain and multiplier, a relative offset.
struct Phrase {
  std::vector<std::string> tokens;
  int value = 0;
  temporal::Grain grain = temporal::Grain::kDay;
  // Relative expressions: only lowercase in the text ("morgen", not the
  // noun "Morgen").
  bool lowercase_only = false;
  // The rule name part ("yesterday", "last-week").
  std::string name;
};
// The phrases of one list, and the list's bit in the lexicon's index of
// first tokens (Lexicon::lists_by_first_token).
struct PhraseList {
  std::vector<Phrase> phrases;
  uint32_t bit = 0;

  std::vector<Phrase>::const_iterator begin() const { return phrases.begin(); }
  std::vector<Phrase>::const_iterator end() const { return phrases.end(); }
  bool empty() const { return phrases.empty(); }
};

struct Lexicon {
  std::string language;
  // "November 27" (month before day) is the language's order.
  bool month_first = false;
  // A day takes a period ("27. November").
  bool day_dot = false;
  // "25/5", "24-25/5", "tháng 11/2019": a month as a number after a slash.
  bool slash_month = false;
  // A month name alone is a date ("сентябрь", "tháng 6").
  bool bare_month = false;

  // Before a day date, kept in the span: "le", "am", "el", "ngày".
  PhraseList day_markers;
  // Before a weekday, kept in the span: "am", "в", "el".
  PhraseList weekday_preps;
  // Between a weekday and its day: "dem", "den".
  PhraseList weekday_articles;
  // Between day and month ("de"), month and year ("de", "năm").
  PhraseList day_month_glue;
  PhraseList month_year_glue;
  // Range openers ("du", "vom", "from", "с", "từ") and connectors ("au",
  // "bis", "to", "по", "đến", "-").
  PhraseList range_from;
  PhraseList range_to;
  // Before a year, kept in the span ("in", "en", "im Jahr", "в", "năm");
  // cues left out of the span ("since", "seit", "depuis"); after a year
  // ("года", "году", "г").
  PhraseList year_preps;
  PhraseList year_cues;
  PhraseList year_suffixes;
  // Before a month name alone, kept in the span: "in", "im", "en", "в".
  PhraseList month_preps;
  // "early", "late", "mid" before a year or month, kept in the span.
  PhraseList period_modifiers;
  // Relative expressions: value is the offset at `grain` ("yesterday": -1
  // day, "last week": -1 week).
  PhraseList relative;
  // "N units ago": before ("il y a", "vor", "hace") or after ("ago",
  // "назад", "trước") the length.
  PhraseList ago_before;
  PhraseList ago_after;
  // Durations: cues before the length ("for", "seit", "в течение"), kept in
  // the span; modifiers ("more than", "fast"); suffixes ("lang", "qua").
  PhraseList duration_cues;
  PhraseList duration_modifiers;
  PhraseList duration_suffixes;
  // Units: grain and multiplier (a decade is 10 years).
  PhraseList units;
  // Number words with their values.
  PhraseList numbers;
  // Recurring expressions with their period (value units of grain), and
  // cues before "N units" ("every", "alle", "cada", "каждые").
  PhraseList sets;
  PhraseList set_cues;
  // Suffixes written after a day number: "st", "th", "er", "º".
  PhraseList ordinals;
  // Words that put a clause in the future ("will", "next", "prochaine",
  // "soll", "próxima", "состоится", "sẽ"): a yearless date in such a
  // clause is the next one on or after the anchor.
  PhraseList future_cues;

  // Every phrase's first token, with the bits of the lists that have a
  // phrase beginning with it, so that the grammar learns in one lookup per
  // token which lists may match there. No phrase is empty. LexiconFor
  // fills it, and gives each list its bit in PhraseLists order.
  absl::flat_hash_map<std::string, uint32_t> lists_by_first_token;
  // The bits of StartPhraseLists: a word whose lists have none of them
  // starts no rule.
  uint32_t start_lists = 0;
};

// Every phrase list of `lexicon`. A list added to Lexicon goes here too.
std::vector<const PhraseList*> PhraseLists(const Lexicon& lexicon);
// The lists a rule of the grammar (grammar.cc) may begin with: markers,
// prepositions, openers, relative expressions, number words, cues. Not the
// glue, connectors, units and suffixes that only follow something. A rule
// that may begin with another list must add it here; grammar_test checks
// that the start filter built from these never changes what is found.
std::vector<const PhraseList*> StartPhraseLists(const Lexicon& lexicon);

// The lexicon of an ISO 639-1 language, or nullptr for languages without a
// grammar. Built once; immutable.
const Lexicon* LexiconFor(std::string_view language);

}  // namespace accord::extract::dates

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_LEXICON_H_
