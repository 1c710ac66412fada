// Recognizes the furniture lines of agency pages that are not story text:
// "see more" markers, source lines, comment counters and photo captions.
//
// Each check looks at one whole line and uses the per-language tables of
// marker_words.h, so it works for every language listed there. The
// normalizer decides what to do with a match (a teaser marker ends the
// story; the others become removed fragments). Stateless and thread-safe.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_BOILERPLATE_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_BOILERPLATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace accord::normalize {

// "See more", "Voir plus", "Xem thêm:", "» Читайте также" ...: the line
// holds only a marker that introduces teasers of other articles.
bool IsTeaserMarker(std::string_view line);

struct SourceLine {
  // The URL, when the line gives one ("https://...", "www....").
  std::string url;
};
// "Source: https://...", "Quelle: ...", "Nguồn: ...", "Источник: ...".
// Without a URL the rest must be short (a name such as "Source: VNA").
std::optional<SourceLine> MatchSourceLine(std::string_view line);

// "Comments (12)", "Kommentar (0)", "Bình luận (0)", "3 commentaires".
bool IsCommentCounter(std::string_view line);

// A caption line: it ends with a photo credit such as "Photo : VNA",
// "(Photo: VNA)", "Foto: dpa", "Ảnh: TTXVN" or "Фото: ТАСС".
bool IsCaptionLine(std::string_view line);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_BOILERPLATE_H_
