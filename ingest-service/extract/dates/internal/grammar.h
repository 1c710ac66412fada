// The date grammars: token patterns over tokens.h's tokens, with the words
// of lexicon.h and the month and weekday names of temporal::CalendarNames.
// MatchDates finds every temporal expression of a text, left to right, the
// longest match at each position, without resolving anything against a
// publication time (resolve.h does that).
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_GRAMMAR_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_GRAMMAR_H_

#include <string>
#include <vector>

#include "accord/v1/understanding.pb.h"
#include "common/temporal/calendar.h"
#include "common/temporal/calendar_names.h"
#include "ingest-service/extract/dates/internal/lexicon.h"
#include "ingest-service/extract/dates/internal/tokens.h"

namespace accord::extract::dates {

// One expression as the text states it.
struct Match {
  // Tokens [first, last).
  size_t first = 0;
  size_t last = 0;
  accord::v1::TemporalKind kind = accord::v1::TEMPORAL_KIND_DATE;
  // DATE: begin. RANGE: begin and end (end's year may be unknown and
  // inherited from begin by resolution). Year kUnknownYear when unstated.
  temporal::PartialDate begin;
  temporal::PartialDate end;
  // The weekday the text states, 1..7, or 0.
  int weekday = 0;
  // A relative expression: `offset` units of begin.grain from the anchor.
  bool relative = false;
  int offset = 0;
  // A weekday alone ("jeudi", "am Samstag"): the last such day on or
  // before the anchor.
  bool weekday_only = false;
  // DURATION and SET: ISO 8601 durations.
  std::string duration;
  std::string period;
  // The rule, without "date/<lang>/": "day-month-year", "range-days".
  std::string rule;
};

struct GrammarOptions {
  // English numeric dates read month first ("11/27/2019") unless only day
  // first is valid; false reads them day first like every other language.
  bool english_month_first = true;
  // Try the rules only at tokens some rule can start with: a number, the
  // first token of a phrase of a list a rule starts with
  // (Lexicon::start_lists), or a word of a month or weekday name. Tests
  // turn it off to check that it never changes what is found. Default:
  // true.
  bool skip_impossible_starts = true;
  // Give up matching a phrase list at a token none of its phrases begins
  // with (Lexicon::lists_by_first_token), and a month or weekday name at a
  // word that is in no name, or with more words than follow that are
  // (CalendarNames::IsNameWord); each token is looked up once. Tests turn
  // it off to check that it never changes what is found. Default: true.
  bool skip_impossible_words = true;
};

std::vector<Match> MatchDates(const std::vector<Token>& tokens,
                              const Lexicon& lexicon,
                              const temporal::CalendarNames& names,
                              const GrammarOptions& options);

// The ISO 8601 duration letter of a grain: "Y", "M", "W", "D".
const char* GrainLetter(temporal::Grain grain);

}  // namespace accord::extract::dates

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_DATES_INTERNAL_GRAMMAR_H_
