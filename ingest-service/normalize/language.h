// Language identification of a document body with CLD2.
//
// CLD2 with its full tables covers 160+ languages; it marks its own answer unreliable for short
// or mixed text, which is when the client's language hint takes over. CLD2
// first reads only the first kLanguageSampleBytes of a text: a few hundred
// words decide a news article's language as surely as all of them, and
// CLD2 was the largest single cost of normalizing one. When the sample is
// inconclusive, the whole text decides. Stateless and thread-safe.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_LANGUAGE_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_LANGUAGE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "accord/v1/document.pb.h"

namespace accord::normalize {

// How much of a text DetectLanguage reads.
inline constexpr size_t kLanguageSampleBytes = 2048;

// The prefix of `text` that DetectLanguage reads: at most `max_bytes`,
// cut at the last white space before the limit (else at a code point
// boundary) so that no word is cut in two.
std::string_view LanguageSample(std::string_view text,
                                size_t max_bytes = kLanguageSampleBytes);

// Detects the language of `text` (plain UTF-8) from LanguageSample(`text`),
// or from all of `text` when the sample's answer is unreliable. `hint` is a
// BCP-47 tag
// ("fr", "fr-CA", may be empty); it is passed to CLD2 as a prior and, when
// detection is unreliable, becomes the answer with origin HINT.
//
// code: ISO 639-1 when one exists, else CLD2's code; "und" when unknown.
// confidence: the top language's share of the text read (0..1), halved when
// CLD2 marks the result unreliable.
accord::v1::LanguageGuess DetectLanguage(std::string_view text,
                                         std::string_view hint);

// The primary subtag of a BCP-47 tag, lowercased, with legacy codes mapped
// to ISO 639-1 ("iw" -> "he"); "" when `tag` has none.
std::string PrimaryLanguage(std::string_view tag);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_LANGUAGE_H_
