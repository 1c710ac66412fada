// Reads the dateline that opens an agency story:
//
//   "Da Nang (VNA) – ", "Moscow (VNA) - ", "Dà Nang (VNA) — ",
//   "PARIS, Nov 10 (Reuters) - ", "Berlin, 3. März (dpa) : "
//
// A place of one to five words (capitalized, any script; short lowercase
// particles such as "phố" or "de" may sit inside), an optional ", <date>",
// the agency in parentheses, then a dash or a colon. Stateless, thread-safe.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_DATELINE_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_DATELINE_H_

#include <optional>
#include <string>
#include <string_view>

namespace accord::normalize {

struct DatelineMatch {
  std::string place;   // "Da Nang"
  std::string agency;  // "VNA"
  std::string text;    // "Da Nang (VNA) –", as written.
  // Bytes of the paragraph the dateline and the space after it take.
  size_t length = 0;
};

// The dateline at the very start of `paragraph`, if any.
std::optional<DatelineMatch> MatchDateline(std::string_view paragraph);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_DATELINE_H_
