// Decides whether the first line of a text is its headline.
//
// News text often starts with its headline on a line of its own, and as
// often starts directly with the story. A headline is short, does not end
// like a sentence, starts with a capital (or a digit or a quote) and is not
// a dateline, a publication stamp or a caption. When a crawler glued an
// image's caption to the headline ("... meeting hinh anh 1Deputy Minister
// ... (Photo: VNA)"), the caption is split off. Stateless and thread-safe.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_TITLE_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_TITLE_H_

#include <optional>
#include <string>
#include <string_view>

namespace accord::normalize {

struct TitleLimits {
  // Longest headline, in code points.
  size_t max_chars = 200;
  // Most words in a headline.
  size_t max_words = 30;
};

struct TitleMatch {
  std::string title;
  // A caption that was glued to the headline after an image marker.
  std::string caption;
};

// True when `line` (one collapsed line) reads like a headline.
bool LooksLikeHeadline(std::string_view line, const TitleLimits& limits);

// The headline in `first_line`, if it has one.
std::optional<TitleMatch> MatchTitle(std::string_view first_line,
                                     const TitleLimits& limits);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_TITLE_H_
