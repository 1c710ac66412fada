// Finds the temporal expressions of a text (dates, ranges, durations,
// recurring times) in English, French, German, Spanish, Russian and
// Vietnamese, normalizes them to ISO 8601 at a grain (common/temporal), and
// resolves what the text leaves open against the publication time.
//
// The grammars are the team's own token patterns (internal/grammar.cc,
// words in internal/lexicon.cc); month and weekday names come from ICU
// (temporal::CalendarNames). Every expression carries its UTF-8 byte span in
// `text`, its surface, and its derivation (MECHANISM_DATE_GRAMMAR, rule
// "date/<lang>/<rule>", source "team:dates"). Resolution rules
// (docs/UNDERSTANDING.md, "Dates and times"):
//   - a year the text states: EXPLICIT;
//   - a yearless date or month with an anchor: the year that puts its first
//     day in [anchor - 300 days, anchor + 60 days], ANCHORED; in a clause
//     with a future cue ("will", "prochaine", "soll", "próxima",
//     "состоится", "sẽ": lexicon.h) the next one, in [anchor, anchor + 364
//     days], year_evidence naming the cue; without an anchor, or when no
//     year does: YEAR_UNKNOWN ("XXXX");
//   - a yearless date with a weekday: candidate_years lists every year of
//     [first_candidate_year, last_candidate_year] where it falls on that
//     weekday; with an anchor, the window's year when it is a candidate
//     (ANCHORED, year_evidence says so), else YEAR_UNKNOWN;
//   - relative expressions ("yesterday", "last week", "3 years ago") and a
//     weekday alone ("jeudi": the last Thursday on or before the anchor):
//     ANCHORED, or UNANCHORED with only `offset` without an anchor.
// Years are never chosen by anything else here (office tenures are applied
// on top of candidate_years by the entity linker).
//
// Thread-safety: immutable after construction; Extract is const and may be
// called from any number of threads. Build one per process.
//
//   DateExtractor extractor(DateExtractorOptions{});
//   Anchor anchor = Anchor::FromPublication(document.publication());
//   for (const accord::v1::TemporalExpression& e :
//        extractor.Extract(body, accord::v1::TEXT_PART_BODY, "fr", anchor)) {
//     ...
//   }
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_DATES_DATE_EXTRACTOR_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_DATES_DATE_EXTRACTOR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "accord/v1/document.pb.h"
#include "accord/v1/understanding.pb.h"
#include "common/temporal/calendar_names.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace accord::extract::dates {

// The date a document's relative and yearless expressions are read against.
struct Anchor {
  // The publication date, in the publication's own time zone; empty when
  // the document has none.
  std::optional<absl::CivilDay> date;
  // "publication:text_stamp" or "publication:metadata".
  std::string source;

  // The local date of a Publication (its iso8601's date part); no date
  // when the publication has none.
  static Anchor FromPublication(const accord::v1::Publication& publication);
};

struct DateExtractorOptions {
  // --- Affect behaviour ---
  // The years a weekday's candidate_years are drawn from.
  // Default: 1990..2035. REQUIRES: 1 <= first <= last <= 9999.
  int first_candidate_year = 1990;
  int last_candidate_year = 2035;
  // The anchor window for yearless dates, in days before and after the
  // anchor. Default: 300 before, 60 after (reports look back more than
  // forward). REQUIRES: days_before + days_after < 365, so that at most
  // one year fits.
  int days_before_anchor = 300;
  int days_after_anchor = 60;
  // English numeric dates month first ("11/05/2019" is November 5) unless
  // only day first is valid. Default: true. Other languages: day first.
  bool english_month_first = true;
};

class DateExtractor {
 public:
  explicit DateExtractor(const DateExtractorOptions& options);

  // Every temporal expression of `text` in `language` (ISO 639-1: "en",
  // "fr", "de", "es", "ru", "vi"; others give only ISO 8601 dates such as
  // "2019-11-27"), in text order, non-overlapping. Spans are UTF-8 byte
  // offsets into `text` with part `part`.
  std::vector<accord::v1::TemporalExpression> Extract(
      std::string_view text, accord::v1::TextPart part,
      std::string_view language, const Anchor& anchor) const;
  // The same, appended to *out, each created in place (on *out's arena
  // when it has one: a document's field, with no copy from the heap).
  void Extract(
      std::string_view text, accord::v1::TextPart part,
      std::string_view language, const Anchor& anchor,
      google::protobuf::RepeatedPtrField<accord::v1::TemporalExpression>* out)
      const;

 private:
  DateExtractorOptions options_;
  const temporal::CalendarNames& names_;
};

}  // namespace accord::extract::dates

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_DATES_DATE_EXTRACTOR_H_
