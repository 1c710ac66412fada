// Pieces both corpus profiles build articles from: calendar arithmetic,
// capitalization, word counts, publication stamps and source lines in each
// language's house format. Integer-only, like the rest of the generator, so
// articles are the same on every machine.
//
// Thread-safe: free functions over their arguments.
#ifndef ACCORD_BENCH_CORPUS_INTERNAL_ARTICLE_PARTS_H_
#define ACCORD_BENCH_CORPUS_INTERNAL_ARTICLE_PARTS_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "bench/corpus/internal/random.h"
#include "bench/corpus/internal/vocabulary.h"

namespace accord::bench::internal {

// 2017-01-01T00:00:00Z .. 2026-12-31T23:59:59Z: the publication times.
inline constexpr int64_t kFirstSecond = 1483228800;
inline constexpr int64_t kLastSecond = 1798761599;

struct CivilTime {
  int year, month, day, hour, minute, weekday;  // month 1..12, weekday 0=Sun
};

// UTC civil time of `unix_seconds` (>= 0), proleptic Gregorian.
CivilTime ToCivil(int64_t unix_seconds);

// Upper-cases the first letter when it is ASCII or basic Cyrillic.
void CapitalizeFirst(std::string& s);

// Words separated by ' ' or '\n'.
int CountWords(absl::string_view s);

// The 0-based number of the line that text appended to `text` starts: the
// count of its '\n'.
uint32_t NextLineNumber(absl::string_view text);

// Replaces each "{X}" of `tmpl` by what `append_slot(X, out)` appends and
// capitalizes the first letter (templates may start with a slot).
template <typename AppendSlot>
std::string FillTemplate(absl::string_view tmpl, AppendSlot&& append_slot) {
  std::string out;
  out.reserve(tmpl.size() + 64);
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}') {
      append_slot(tmpl[i + 1], out);
      i += 2;
    } else {
      out.push_back(tmpl[i]);
    }
  }
  CapitalizeFirst(out);
  return out;
}

// The publication stamp under a headline, as the language's sites print it
// ("November 28, 2019 | 11:12 am GMT+7", "28.11.2019, 11:12 Uhr").
std::string Stamp(absl::string_view lang, const CivilTime& t,
                  const Vocabulary& v);

// A "Source: https://..." URL for a document of `language`.
std::string SourceUrl(absl::string_view language, SplitMix64& rng);

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_ARTICLE_PARTS_H_
