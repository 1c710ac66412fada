// For the corpus tests: the lines of a generated article that Accord's
// ingest normalizer sets aside (ingest-service/normalize/normalizer.h) rather than
// index, recognized by their shape alone, without the generator's
// GeneratedDoc::aside_lines: the publication stamp, photo captions and the
// source line.
#ifndef ACCORD_BENCH_CORPUS_ASIDE_LINES_TESTING_H_
#define ACCORD_BENCH_CORPUS_ASIDE_LINES_TESTING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "bench/corpus/generator.h"
#include "bench/corpus/internal/article_parts.h"

namespace accord::bench::corpus_testing {

// "28.11.2019, 11:12 Uhr", "November 28, 2019 | 11:12 am GMT+7", "Publié le
// 28/11/2019 à 11h12": a few words holding the year and the minute of the
// document's publication time.
inline bool LooksLikeStamp(const GeneratedDoc& doc, absl::string_view line) {
  const internal::CivilTime t = internal::ToCivil(doc.published_unix);
  const absl::AlphaNum minute = absl::Dec(t.minute, absl::kZeroPad2);
  return internal::CountWords(line) <= 8 &&
         absl::StrContains(line, absl::StrCat(t.year)) &&
         (absl::StrContains(line, absl::StrCat(":", minute)) ||
          absl::StrContains(line, absl::StrCat("h", minute)));
}

// "Delegates at the meeting in Hanoi (Photo: VNA)", "… (Photo : AFP)": ends
// with a photo credit of the document's agency in parentheses.
inline bool LooksLikeCaption(const GeneratedDoc& doc, absl::string_view line) {
  const std::string credit_end = absl::StrCat(" ", doc.agency, ")");
  if (!absl::ConsumeSuffix(&line, credit_end) || !absl::EndsWith(line, ":")) {
    return false;
  }
  const size_t open = line.rfind(" (");
  return open != absl::string_view::npos && line.size() - open <= 12;
}

// "Source: https://...", "Source : https://...", "Quelle: https://...".
inline bool LooksLikeSourceLine(absl::string_view line) {
  return internal::CountWords(line) <= 3 && absl::StrContains(line, "https://");
}

inline bool LooksAside(const GeneratedDoc& doc, absl::string_view line) {
  return LooksLikeStamp(doc, line) || LooksLikeCaption(doc, line) ||
         LooksLikeSourceLine(line);
}

// The 0-based numbers of the lines of doc.text (split on '\n') that look
// set aside, ascending.
inline std::vector<uint32_t> AsideLinesByShape(const GeneratedDoc& doc) {
  std::vector<uint32_t> out;
  uint32_t number = 0;
  for (absl::string_view line : absl::StrSplit(doc.text, '\n')) {
    if (LooksAside(doc, line)) out.push_back(number);
    ++number;
  }
  return out;
}

}  // namespace accord::bench::corpus_testing

#endif  // ACCORD_BENCH_CORPUS_ASIDE_LINES_TESTING_H_
