#include "ingest-service/normalize/title.h"

#include "ingest-service/extract/dates/publication_stamp.h"
#include "ingest-service/normalize/boilerplate.h"
#include "ingest-service/normalize/dateline.h"
#include "ingest-service/normalize/inline_image.h"
#include "ingest-service/normalize/signature.h"
#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {

bool LooksLikeHeadline(std::string_view line, const TitleLimits& limits) {
  line = Trim(line);
  if (line.empty() || HasMoreCodePointsThan(line, limits.max_chars))
    return false;
  const size_t words = SplitWords(line).size();
  // One word is a section name or a signature rather than a headline.
  if (words < 2 || words > limits.max_words) return false;
  const char32_t first = FirstCodePoint(line);
  if (IsLower(first)) return false;
  if (!IsLetter(first) && !IsDigit(first) && first != '"' && first != 0x201C &&
      first != 0x00AB && first != 0x201E && first != '\'') {
    return false;
  }
  // A headline may ask or exclaim, but does not end with a period or
  // dangle on a comma or colon.
  const char32_t last = LastCodePoint(line);
  if (last == '.' || last == ',' || last == ':' || last == ';') return false;
  if (MatchDateline(line).has_value()) return false;
  if (extract::dates::ParsePublicationStamp(line).has_value()) return false;
  if (IsCaptionLine(line) || IsTeaserMarker(line) || IsCommentCounter(line) ||
      MatchSourceLine(line).has_value()) {
    return false;
  }
  if (const auto signature = MatchTrailingSignature(line);
      signature.has_value() && signature->start == 0) {
    return false;
  }
  return true;
}

std::optional<TitleMatch> MatchTitle(std::string_view first_line,
                                     const TitleLimits& limits) {
  if (const auto image = FindInlineImage(first_line); image.has_value()) {
    if (!LooksLikeHeadline(image->before, limits)) return std::nullopt;
    return TitleMatch{image->before, image->caption};
  }
  if (!LooksLikeHeadline(first_line, limits)) return std::nullopt;
  return TitleMatch{std::string(Trim(first_line)), ""};
}

}  // namespace accord::normalize
