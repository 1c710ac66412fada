#include "ingest-service/extract/dates/date_extractor.h"

#include <cstdlib>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/temporal/calendar.h"
#include "common/temporal/temporal_value.h"
#include "ingest-service/extract/dates/internal/grammar.h"
#include "ingest-service/extract/dates/internal/lexicon.h"
#include "ingest-service/extract/dates/internal/tokens.h"

namespace accord::extract::dates {
namespace {

using temporal::Grain;
using temporal::kUnknownYear;
using temporal::PartialDate;

constexpr const char* kWeekdayNames[] = {"",          "Monday",   "Tuesday",
                                         "Wednesday", "Thursday", "Friday",
                                         "Saturday",  "Sunday"};

// The day `offset` units of `grain` from `anchor`, as a value at `grain`.
PartialDate Shift(absl::CivilDay anchor, Grain grain, int offset) {
  switch (grain) {
    case Grain::kYear:
      return PartialDate::Year(static_cast<int>(anchor.year()) + offset);
    case Grain::kMonth: {
      const absl::CivilMonth month = absl::CivilMonth(anchor) + offset;
      return PartialDate::Month(static_cast<int>(month.year()), month.month());
    }
    case Grain::kWeek:
      return PartialDate::FromCivilDay(anchor + 7 * offset, Grain::kWeek);
    case Grain::kDay:
      break;
  }
  return PartialDate::FromCivilDay(anchor + offset, Grain::kDay);
}

// The year that puts month/day (day 1 for a month) within the window
// around the anchor, or kUnknownYear.
// In a sentence that speaks of the future (`future`), the window is the
// year starting at the anchor: the next such day.
int WindowYear(absl::CivilDay anchor, int month, int day,
               const DateExtractorOptions& options, bool future) {
  const int year = static_cast<int>(anchor.year());
  const absl::CivilDay first =
      future ? anchor : anchor - options.days_before_anchor;
  const absl::CivilDay last =
      future ? anchor + 364 : anchor + options.days_after_anchor;
  for (int y = year - 1; y <= year + 1; ++y) {
    if (!temporal::IsValid(PartialDate::Day(y, month, day))) continue;
    const absl::CivilDay d(y, month, day);
    if (d >= first && d <= last) return y;
  }
  return kUnknownYear;
}

// The future cue (Lexicon::future_cues) of the clause around tokens
// [first, last), or nullptr. A clause ends at ".", "!", "?", ",", ";",
// ":" or a line break: "Vietnam will host a workshop next month, the
// minister said in talks on March 20" is about a past March 20.
const Phrase* FutureCue(const std::vector<Token>& tokens, size_t first,
                        size_t last, const Lexicon& lexicon) {
  if (lexicon.future_cues.empty()) return nullptr;
  auto ends_clause = [&](size_t i) {
    return tokens[i].is_punct() &&
           std::string_view(".!?,;:").find(tokens[i].lower) !=
               std::string_view::npos;
  };
  size_t begin = first;
  while (begin > 0 && !tokens[begin].break_before && !ends_clause(begin - 1)) {
    --begin;
  }
  size_t end = last;
  while (end < tokens.size() && !tokens[end].break_before &&
         !ends_clause(end)) {
    ++end;
  }
  for (size_t i = begin; i < end; ++i) {
    if (i >= first && i < last) continue;  // the date's own words
    for (const Phrase& cue : lexicon.future_cues) {
      size_t k = 0;
      while (k < cue.tokens.size() && i + k < end &&
             tokens[i + k].lower == cue.tokens[k]) {
        ++k;
      }
      if (k == cue.tokens.size()) return &cue;
    }
  }
  return nullptr;
}

// A range whose end comes before its begin within a year ("December 30 to
// January 2", "from May to January"): the end is in the next year. Compares
// month and day only, so that it needs no year (February 29).
bool EndsInNextYear(const PartialDate& begin, const PartialDate& end) {
  return end.month < begin.month ||
         (end.month == begin.month && end.day < begin.day);
}

std::string WindowText(const DateExtractorOptions& options) {
  return absl::StrCat("[anchor - ", options.days_before_anchor,
                      " days, anchor + ", options.days_after_anchor, " days]");
}

}  // namespace

Anchor Anchor::FromPublication(const accord::v1::Publication& publication) {
  Anchor anchor;
  const std::string& iso = publication.iso8601();
  int y = 0, m = 0, d = 0;
  if (iso.size() >= 10 && iso[4] == '-' && iso[7] == '-' &&
      std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      temporal::IsValid(PartialDate::Day(y, m, d))) {
    anchor.date = absl::CivilDay(y, m, d);
    anchor.source =
        publication.origin() == accord::v1::PUBLICATION_ORIGIN_TEXT_STAMP
            ? "publication:text_stamp"
            : "publication:metadata";
  }
  return anchor;
}

DateExtractor::DateExtractor(const DateExtractorOptions& options)
    : options_(options), names_(temporal::CalendarNames::Default()) {}

std::vector<accord::v1::TemporalExpression> DateExtractor::Extract(
    std::string_view text, accord::v1::TextPart part, std::string_view language,
    const Anchor& anchor) const {
  google::protobuf::RepeatedPtrField<accord::v1::TemporalExpression> out;
  Extract(text, part, language, anchor, &out);
  return std::vector<accord::v1::TemporalExpression>(
      std::make_move_iterator(out.begin()), std::make_move_iterator(out.end()));
}

void DateExtractor::Extract(
    std::string_view text, accord::v1::TextPart part, std::string_view language,
    const Anchor& anchor,
    google::protobuf::RepeatedPtrField<accord::v1::TemporalExpression>* out)
    const {
  static const Lexicon* const kNoLanguage = [] {
    auto* lexicon = new Lexicon();
    lexicon->language = "und";
    return lexicon;
  }();
  const Lexicon* lexicon = LexiconFor(language);
  if (lexicon == nullptr) lexicon = kNoLanguage;
  // One Tokens per thread, text after text: its token array is written
  // where the last text's was (allocated and cached), not in new memory.
  // A text of more than kMaxKeptTokens tokens does not keep its array.
  constexpr size_t kMaxKeptTokens = size_t{1} << 16;
  thread_local Tokens tokenized;
  Tokenize(text, &tokenized);
  struct Trim {
    ~Trim() {
      if (tokens->tokens.capacity() > kMaxKeptTokens) *tokens = Tokens();
    }
    Tokens* tokens;
  } trim{&tokenized};
  const std::vector<Token>& tokens = tokenized.tokens;
  GrammarOptions grammar_options;
  grammar_options.english_month_first = options_.english_month_first;
  const std::vector<Match> matches =
      MatchDates(tokens, *lexicon, names_, grammar_options);

  const std::string anchor_iso =
      anchor.date ? temporal::FormatIso8601(
                        PartialDate::FromCivilDay(*anchor.date, Grain::kDay))
                  : std::string();
  out->Reserve(out->size() + static_cast<int>(matches.size()));
  for (const Match& m : matches) {
    // Created in place: on the arena of `out`, if any, with no copy.
    accord::v1::TemporalExpression& e = *out->Add();
    const uint32_t begin = tokens[m.first].begin;
    const uint32_t end = tokens[m.last - 1].end;
    e.mutable_span()->set_part(part);
    e.mutable_span()->set_begin(begin);
    e.mutable_span()->set_end(end);
    e.set_surface(std::string(text.substr(begin, end - begin)));
    e.set_kind(m.kind);
    e.set_weekday(m.weekday);
    auto* derivation = e.mutable_derivation();
    derivation->set_mechanism(accord::v1::MECHANISM_DATE_GRAMMAR);
    derivation->set_rule(absl::StrCat("date/", lexicon->language, "/", m.rule));
    derivation->set_source("team:dates");
    auto set_anchor = [&] {
      e.set_resolution(accord::v1::TEMPORAL_RESOLUTION_ANCHORED);
      e.set_anchor(anchor_iso);
      e.set_anchor_source(anchor.source);
    };

    if (m.kind == accord::v1::TEMPORAL_KIND_DURATION) {
      e.set_duration(m.duration);
      derivation->set_detail(absl::StrCat("a length of ", m.duration));
      continue;
    }
    if (m.kind == accord::v1::TEMPORAL_KIND_SET) {
      e.set_period(m.period);
      derivation->set_detail(absl::StrCat("recurs every ", m.period));
      continue;
    }

    if (m.relative || m.weekday_only) {
      const Grain grain = m.weekday_only ? Grain::kDay : m.begin.grain;
      if (m.relative) {
        e.set_offset(m.offset == 0 ? absl::StrCat("P0", GrainLetter(grain))
                                   : absl::StrCat(m.offset < 0 ? "-" : "", "P",
                                                  std::abs(m.offset),
                                                  GrainLetter(grain)));
      }
      if (!anchor.date) {
        e.set_resolution(accord::v1::TEMPORAL_RESOLUTION_UNANCHORED);
        e.mutable_value()->set_grain(temporal::ToProto(grain));
        derivation->set_detail("relative to the publication time, unknown");
        continue;
      }
      PartialDate value;
      if (m.weekday_only) {
        const int back =
            (temporal::IsoWeekday(*anchor.date) - m.weekday + 7) % 7;
        value = PartialDate::FromCivilDay(*anchor.date - back, Grain::kDay);
        derivation->set_detail(absl::StrCat(
            "the last ", kWeekdayNames[m.weekday], " on or before the anchor"));
      } else {
        value = Shift(*anchor.date, grain, m.offset);
        derivation->set_detail(
            absl::StrCat(e.offset(), " from the anchor at its grain"));
      }
      if (!value.has_year() || !temporal::IsValid(value)) {
        // "next year" from 9999-12-31, "yesterday" from 0001-01-01: no
        // value outside the years 1..9999 that ISO 8601 (and the proto)
        // write with four digits.
        e.set_resolution(accord::v1::TEMPORAL_RESOLUTION_UNANCHORED);
        e.mutable_value()->set_grain(temporal::ToProto(grain));
        derivation->set_detail(absl::StrCat("relative to the anchor ",
                                            anchor_iso,
                                            ", outside the years 1..9999"));
        continue;
      }
      *e.mutable_value() = temporal::ToProto(value);
      set_anchor();
      continue;
    }

    PartialDate value = m.begin;
    PartialDate end_value = m.end;
    const bool range = m.kind == accord::v1::TEMPORAL_KIND_RANGE;
    if (value.has_year()) {
      e.set_resolution(accord::v1::TEMPORAL_RESOLUTION_EXPLICIT);
      if (range && !end_value.has_year()) {
        // "from May 2019 to January": the end is in the begin's year, or
        // the next one.
        end_value.year = value.year;
        if (EndsInNextYear(value, end_value)) ++end_value.year;
        // Past 9999 (or a February 29 a year on): no range to write.
        if (!temporal::IsValid(end_value)) {
          out->RemoveLast();
          continue;
        }
      }
      if (m.weekday != 0 && value.grain == Grain::kDay &&
          temporal::IsoWeekday(absl::CivilDay(value.year, value.month,
                                              value.day)) != m.weekday) {
        derivation->set_detail(
            absl::StrCat("the stated weekday ", kWeekdayNames[m.weekday],
                         " does not match ", temporal::FormatIso8601(value)));
      }
    } else {
      const int day = value.grain == Grain::kDay ? value.day : 1;
      std::vector<int> candidates;
      if (m.weekday != 0 && value.grain == Grain::kDay) {
        candidates = temporal::CandidateYears(value.month, value.day, m.weekday,
                                              options_.first_candidate_year,
                                              options_.last_candidate_year);
        for (int y : candidates) e.add_candidate_years(y);
      }
      const Phrase* future =
          anchor.date ? FutureCue(tokens, m.first, m.last, *lexicon) : nullptr;
      const int year = anchor.date ? WindowYear(*anchor.date, value.month, day,
                                                options_, future != nullptr)
                                   : kUnknownYear;
      const bool weekday_ok =
          m.weekday == 0 || std::find(candidates.begin(), candidates.end(),
                                      year) != candidates.end();
      PartialDate end_in_year = end_value;
      if (range && year != kUnknownYear) {
        end_in_year.year = year;
        // "December 30 to January 2": the end is in the next year.
        if (EndsInNextYear(value, end_value)) ++end_in_year.year;
      }
      // An end past 9999, or on a February 29 the year does not have: no
      // year fits.
      const bool end_ok = !range || temporal::IsValid(end_in_year);
      if (year != kUnknownYear && weekday_ok && end_ok) {
        value.year = year;
        if (range) end_value = end_in_year;
        set_anchor();
        if (future != nullptr) {
          e.set_year_evidence(
              absl::StrCat("the clause speaks of the future (\"",
                           absl::StrJoin(future->tokens, " "),
                           "\"): the next one on or after ", anchor.source, " ",
                           anchor_iso));
        }
        if (m.weekday != 0) {
          e.set_year_evidence(absl::StrCat(
              kWeekdayNames[m.weekday], " ", temporal::FormatIso8601(value),
              ": the candidate year within ",
              future != nullptr ? std::string("the year from")
                                : WindowText(options_),
              " of ", anchor.source, " ", anchor_iso));
        }
      } else {
        e.set_resolution(accord::v1::TEMPORAL_RESOLUTION_YEAR_UNKNOWN);
        if (anchor.date && m.weekday != 0 && year != kUnknownYear) {
          e.set_year_evidence(absl::StrCat("no candidate year within ",
                                           WindowText(options_), " of ",
                                           anchor.source, " ", anchor_iso, ": ",
                                           year, " has another weekday"));
        }
      }
    }
    *e.mutable_value() = temporal::ToProto(value);
    if (range) *e.mutable_end() = temporal::ToProto(end_value);
  }
}

}  // namespace accord::extract::dates
