// Fuzz target: the plain-text normalizer, Normalizer::Normalize
// (ingest-service/normalize/normalizer.h).
//
// Feeds "<language hint>\n<title hint>\n<text>": both hints as the client's
// DocumentMetadata (empty lines: no hint), the rest as the text. The text is
// normalized as given (anything must be handled without crashing) and, when
// it is not already what common/parse guarantees, also after DecodeText, as
// the ingest path does.
//
// Asserts, for text that meets Normalize's REQUIRES (valid NFC UTF-8, "\n"
// line ends) and hints that are valid UTF-8 (proto strings):
//  - the record serializes and parses back (every string is valid UTF-8);
//  - paragraphs are non-empty, trimmed, hold no line break, and their
//    offsets locate them in the paragraphs joined with "\n\n";
//  - removed fragments are non-empty, in line order, their line is a line of
//    the input, and their text is text of the input from that line on;
//  - each repair points at its replacement inside its paragraph, and the
//    replacement is the original with spaces inserted;
//  - a HEADLINE title is text of the first non-blank line within the title
//    limits; a HINT title is the collapsed hint; NONE means no title;
//  - a dateline is also a DATELINE fragment and gives source.agency;
//  - a publication comes from a PUBLICATION_STAMP fragment, its iso8601 is
//    well formed and agrees with time, offset and precision, and time is a
//    valid google.protobuf.Timestamp (years 0001..9999);
//  - the language has a code and a confidence in [0, 1];
//  - normalizing the same input again gives the same record (the shared
//    dictionary memos never change an answer).
#include <unicode/normalizer2.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "common/parse/text_decoder.h"
#include "ingest-service/normalize/normalizer.h"
#include "ingest-service/normalize/text_util.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

using accord::normalize::CollapseWhitespace;
using accord::normalize::CountCodePoints;

// google.protobuf.Timestamp: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;

const accord::normalize::Normalizer& SharedNormalizer() {
  static const auto* normalizer = new accord::normalize::Normalizer();
  return *normalizer;
}

// Normalize's REQUIRES: valid NFC UTF-8 with "\n" line ends.
bool MeetsRequires(std::string_view text) {
  if (!IsValidUtf8(text) || text.find('\r') != std::string_view::npos) {
    return false;
  }
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  const bool normalized =
      U_SUCCESS(error) &&
      nfc->isNormalizedUTF8(
          icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
          error);
  return U_SUCCESS(error) && normalized;
}

// The input from line `line` (1-based) on, each line collapsed, joined with
// a space; and the same with a line ending in '-' joined to the next without
// one ("self-\nproclaimed"), as soft-wrap joining does.
std::pair<std::string, std::string> TextFromLine(
    const std::vector<std::string_view>& lines, uint32_t line) {
  std::string spaced, hyphenated;
  for (size_t i = line - 1; i < lines.size(); ++i) {
    const std::string collapsed = CollapseWhitespace(lines[i]);
    if (collapsed.empty()) continue;
    if (!spaced.empty()) spaced += ' ';
    if (!hyphenated.empty() && hyphenated.back() != '-') hyphenated += ' ';
    spaced += collapsed;
    hyphenated += collapsed;
  }
  return {spaced, hyphenated};
}

bool IsDigits(std::string_view s) {
  return !s.empty() &&
         s.find_first_not_of("0123456789") == std::string_view::npos;
}

void CheckPublication(const accord::v1::Document& doc) {
  const accord::v1::Publication& p = doc.publication();
  const std::string context = "publication " + p.ShortDebugString();
  FUZZ_CHECK(p.origin() == accord::v1::PUBLICATION_ORIGIN_TEXT_STAMP, context);
  bool from_fragment = false;
  for (const auto& f : doc.removed_fragments()) {
    from_fragment |= f.kind() == accord::v1::FRAGMENT_KIND_PUBLICATION_STAMP &&
                     f.text() == p.text();
  }
  FUZZ_CHECK(from_fragment, "no PUBLICATION_STAMP fragment: " + context);
  FUZZ_CHECK(p.time().seconds() >= kMinTimestampSeconds &&
                 p.time().seconds() <= kMaxTimestampSeconds &&
                 p.time().nanos() == 0,
             "time is not a valid Timestamp: " + context);

  // YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM|-HH:MM]]
  const std::string& iso = p.iso8601();
  FUZZ_CHECK(iso.size() >= 10 && IsDigits(iso.substr(0, 4)) && iso[4] == '-' &&
                 IsDigits(iso.substr(5, 2)) && iso[7] == '-' &&
                 IsDigits(iso.substr(8, 2)),
             "iso8601 has no date: " + context);
  std::string_view rest = std::string_view(iso).substr(10);
  accord::v1::TimePrecision precision = accord::v1::TIME_PRECISION_DAY;
  std::string zone;
  if (!rest.empty()) {
    FUZZ_CHECK(rest.size() >= 6 && rest[0] == 'T' &&
                   IsDigits(rest.substr(1, 2)) && rest[3] == ':' &&
                   IsDigits(rest.substr(4, 2)),
               "iso8601 time is malformed: " + context);
    precision = accord::v1::TIME_PRECISION_MINUTE;
    rest.remove_prefix(6);
    if (!rest.empty() && rest[0] == ':') {
      FUZZ_CHECK(rest.size() >= 3 && IsDigits(rest.substr(1, 2)),
                 "iso8601 seconds are malformed: " + context);
      precision = accord::v1::TIME_PRECISION_SECOND;
      rest.remove_prefix(3);
    }
    zone = std::string(rest);
    FUZZ_CHECK(zone.empty() || zone == "Z" ||
                   (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') &&
                    IsDigits(zone.substr(1, 2)) && zone[3] == ':' &&
                    IsDigits(zone.substr(4, 2))),
               "iso8601 zone is malformed: " + context);
  }
  FUZZ_CHECK(p.precision() == precision, "precision disagrees: " + context);
  FUZZ_CHECK(p.has_utc_offset() == !zone.empty(),
             "has_utc_offset disagrees: " + context);
  if (!zone.empty() && zone != "Z") {
    const int minutes =
        std::stoi(zone.substr(1, 2)) * 60 + std::stoi(zone.substr(4, 2));
    FUZZ_CHECK(p.utc_offset_minutes() == (zone[0] == '-' ? -minutes : minutes),
               "utc_offset_minutes disagrees: " + context);
  } else {
    FUZZ_CHECK(p.utc_offset_minutes() == 0, "offset without zone: " + context);
  }
  // The instant the text names (local time read as UTC when no zone).
  const std::string full = precision == accord::v1::TIME_PRECISION_DAY
                               ? iso.substr(0, 10) + "T00:00:00"
                           : precision == accord::v1::TIME_PRECISION_MINUTE
                               ? iso.substr(0, 16) + ":00"
                               : iso.substr(0, 19);
  absl::Time parsed;
  std::string error;
  FUZZ_CHECK(absl::ParseTime("%Y-%m-%dT%H:%M:%S", full, absl::UTCTimeZone(),
                             &parsed, &error),
             "iso8601 does not parse (" + error + "): " + context);
  const int64_t local = absl::ToUnixSeconds(parsed);
  FUZZ_CHECK(local - int64_t{p.utc_offset_minutes()} * 60 == p.time().seconds(),
             "time disagrees with iso8601: " + context);
}

void CheckRecord(std::string_view text,
                 const accord::v1::DocumentMetadata& metadata,
                 const accord::v1::Document& doc) {
  const std::string context =
      "\n  input: " + Escape(text) + "\n  record: " + doc.ShortDebugString();
  std::string bytes;
  FUZZ_CHECK(doc.SerializeToString(&bytes), "does not serialize" + context);
  accord::v1::Document parsed;
  FUZZ_CHECK(parsed.ParseFromString(bytes),
             "serialized record does not parse (invalid UTF-8?)" + context);

  // Paragraphs.
  uint32_t offset = 0;
  for (const accord::v1::Paragraph& p : doc.paragraphs()) {
    FUZZ_CHECK(!p.text().empty(), "empty paragraph" + context);
    FUZZ_CHECK(p.text().find('\n') == std::string::npos,
               "paragraph holds a line break" + context);
    FUZZ_CHECK(p.text().front() != ' ' && p.text().back() != ' ',
               "paragraph is not trimmed" + context);
    FUZZ_CHECK(p.offset() == offset, "paragraph offset is wrong" + context);
    offset += static_cast<uint32_t>(p.text().size()) + 2;
  }
  FUZZ_CHECK(doc.paragraphs_size() > 0, "OK without paragraphs" + context);

  // Removed fragments.
  std::vector<std::string_view> lines;
  for (size_t start = 0;;) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  uint32_t previous_line = 0;
  for (const auto& f : doc.removed_fragments()) {
    FUZZ_CHECK(f.kind() != accord::v1::FRAGMENT_KIND_UNSPECIFIED,
               "fragment without kind" + context);
    FUZZ_CHECK(!f.text().empty(), "empty fragment" + context);
    FUZZ_CHECK(f.line() >= 1 && f.line() <= lines.size(),
               "fragment line outside the input" + context);
    FUZZ_CHECK(f.line() >= previous_line,
               "fragments out of line order" + context);
    previous_line = f.line();
    const auto [spaced, hyphenated] = TextFromLine(lines, f.line());
    FUZZ_CHECK(absl::StrContains(spaced, f.text()) ||
                   absl::StrContains(hyphenated, f.text()),
               "fragment text is not in the input from its line: " +
                   Escape(f.text()) + context);
  }

  // Repairs.
  for (const accord::v1::TextRepair& r : doc.repairs()) {
    FUZZ_CHECK(r.kind() != accord::v1::REPAIR_KIND_UNSPECIFIED,
               "repair without kind" + context);
    FUZZ_CHECK(r.paragraph() < static_cast<uint32_t>(doc.paragraphs_size()),
               "repair of a paragraph that does not exist" + context);
    const std::string& p =
        doc.paragraphs(static_cast<int>(r.paragraph())).text();
    FUZZ_CHECK(
        r.offset() <= p.size() &&
            r.replacement().size() <= p.size() - r.offset() &&
            p.compare(r.offset(), r.replacement().size(), r.replacement()) == 0,
        "repair does not point at its replacement: " + r.ShortDebugString() +
            context);
    FUZZ_CHECK(!r.original().empty() &&
                   absl::StrReplaceAll(r.replacement(), {{" ", ""}}) ==
                       absl::StrReplaceAll(r.original(), {{" ", ""}}),
               "replacement is not the original with spaces: " +
                   r.ShortDebugString() + context);
  }

  // Title.
  const std::string hint = CollapseWhitespace(metadata.title_hint());
  switch (doc.title_origin()) {
    case accord::v1::TITLE_ORIGIN_HINT:
      FUZZ_CHECK(!hint.empty() && doc.title() == hint,
                 "HINT title is not the hint" + context);
      break;
    case accord::v1::TITLE_ORIGIN_HEADLINE: {
      FUZZ_CHECK(hint.empty(), "headline despite a hint" + context);
      std::string first;
      for (std::string_view line : lines) {
        first = CollapseWhitespace(line);
        if (!first.empty()) break;
      }
      FUZZ_CHECK(!doc.title().empty() && absl::StrContains(first, doc.title()),
                 "headline is not text of the first line" + context);
      const auto& options = SharedNormalizer().options();
      const size_t words = accord::normalize::SplitWords(doc.title()).size();
      FUZZ_CHECK(CountCodePoints(doc.title()) <= options.max_title_chars &&
                     words >= 1 && words <= options.max_title_words,
                 "headline outside the title limits" + context);
      break;
    }
    case accord::v1::TITLE_ORIGIN_NONE:
      FUZZ_CHECK(doc.title().empty() && hint.empty(),
                 "NONE with a title" + context);
      break;
    default:
      FUZZ_CHECK(false, "title origin unset" + context);
  }

  // Dateline and agency.
  if (doc.has_dateline()) {
    bool fragment = false;
    for (const auto& f : doc.removed_fragments()) {
      fragment |= f.kind() == accord::v1::FRAGMENT_KIND_DATELINE &&
                  f.text() == doc.dateline().text();
    }
    FUZZ_CHECK(fragment, "dateline without its fragment" + context);
    if (!doc.dateline().agency().empty()) {
      FUZZ_CHECK(doc.source().agency() == doc.dateline().agency(),
                 "source.agency is not the dateline's" + context);
    }
  }
  if (doc.has_publication()) CheckPublication(doc);

  FUZZ_CHECK(!doc.language().code().empty(), "no language code" + context);
  FUZZ_CHECK(
      doc.language().confidence() >= 0 && doc.language().confidence() <= 1,
      "confidence outside [0, 1]" + context);
}

void NormalizeAndCheck(std::string_view text,
                       const accord::v1::DocumentMetadata& metadata,
                       bool check) {
  const auto& normalizer = SharedNormalizer();
  accord::v1::Document doc;
  const absl::Status status = normalizer.Normalize(text, metadata, &doc);
  FUZZ_CHECK(status.ok() || absl::IsInvalidArgument(status),
             "unexpected status: " + status.ToString());
  if (!check) return;
  accord::v1::Document again;
  const absl::Status status_again =
      normalizer.Normalize(text, metadata, &again);
  FUZZ_CHECK(status.code() == status_again.code() &&
                 doc.SerializeAsString() == again.SerializeAsString(),
             "a second normalization differs:\n  " + doc.ShortDebugString() +
                 "\n  " + again.ShortDebugString());
  if (status.ok()) CheckRecord(text, metadata, doc);
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  FuzzInput input(data, size);
  accord::v1::DocumentMetadata metadata;
  const std::string_view language_hint = input.Line();
  const std::string_view title_hint = input.Line();
  metadata.set_language_hint(std::string(language_hint));
  metadata.set_title_hint(std::string(title_hint));
  const std::string_view text = input.Rest();
  const bool hints_valid =
      IsValidUtf8(language_hint) && IsValidUtf8(title_hint);

  const bool meets = MeetsRequires(text);
  NormalizeAndCheck(text, metadata, hints_valid && meets);
  if (!meets) {
    absl::StatusOr<accord::DecodedText> decoded =
        accord::DecodeText(absl::string_view(text.data(), text.size()), "");
    if (decoded.ok()) NormalizeAndCheck(decoded->text, metadata, hints_valid);
  }
  return 0;
}
