// Language identification of a document body with CLD2.
//
// CLD2 is fast (well over 100 MB/s) and covers 80+ languages; it marks its
// own answer unreliable for short or mixed text, which is when the client's
// language hint takes over. Stateless and thread-safe.
#ifndef ACCORD_COMMON_NORMALIZE_LANGUAGE_H_
#define ACCORD_COMMON_NORMALIZE_LANGUAGE_H_

#include <string>
#include <string_view>

#include "accord/v1/document.pb.h"

namespace accord::normalize {

// Detects the language of `text` (plain UTF-8). `hint` is a BCP-47 tag
// ("fr", "fr-CA", may be empty); it is passed to CLD2 as a prior and, when
// detection is unreliable, becomes the answer with origin HINT.
//
// code: ISO 639-1 when one exists, else CLD2's code; "und" when unknown.
// confidence: the top language's share of the text (0..1), halved when
// CLD2 marks the result unreliable.
accord::v1::LanguageGuess DetectLanguage(std::string_view text,
                                         std::string_view hint);

// The primary subtag of a BCP-47 tag, lowercased, with legacy codes mapped
// to ISO 639-1 ("iw" -> "he"); "" when `tag` has none.
std::string PrimaryLanguage(std::string_view tag);

}  // namespace accord::normalize

#endif  // ACCORD_COMMON_NORMALIZE_LANGUAGE_H_
