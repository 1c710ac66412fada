// Tables of marker words, per language, that the boilerplate, title and
// glued-word passes look for.
//
// Agency copy marks its furniture with a handful of fixed words ("See more",
// "Source:", "Photo:", "Comments (3)"). The tables below hold those words for
// at least English, French, German, Spanish, Russian and Vietnamese (and a
// few neighbours) so that every pass works for every language it can, never
// for one article. All entries are lowercase; callers lowercase the text.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_MARKER_WORDS_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_MARKER_WORDS_H_

#include <string_view>

#include "absl/types/span.h"

namespace accord::normalize {

// Lines that introduce unrelated teasers: "see more", "voir plus", ...
absl::Span<const std::string_view> TeaserMarkers();
// Labels of a source line: "source", "quelle", "nguồn", ...
absl::Span<const std::string_view> SourceLabels();
// Words of a comment counter: "comments", "kommentar", "bình luận", ...
absl::Span<const std::string_view> CommentWords();
// Words that introduce a photo credit: "photo", "foto", "ảnh", "фото", ...
absl::Span<const std::string_view> PhotoCreditWords();
// Words of an inline image marker "<word> <N>": "hình ảnh", "photo", ...
absl::Span<const std::string_view> InlineImageWords();

// True when `lower_word` is a closed-class word (article, preposition,
// conjunction, pronoun) of `language` (ISO 639-1). Glued-word repair only
// accepts parts shorter than four letters when they are such words, which
// keeps it from cutting typos into rare short dictionary entries.
bool IsFunctionWord(std::string_view language, std::string_view lower_word);
// True when the language has a function-word table.
bool HasFunctionWords(std::string_view language);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_MARKER_WORDS_H_
