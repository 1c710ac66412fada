#include "ingest-service/normalize/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <limits>

#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {
namespace {

// CLD2 still uses a few withdrawn ISO 639 codes.
std::string CanonicalCode(std::string_view code) {
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  if (code == "jw") return "jv";
  if (code == "mo") return "ro";
  // "zh-Hant", "zh-TW": the script or region is not part of ISO 639-1.
  if (code.substr(0, 3) == "zh-") return "zh";
  return std::string(code);
}

std::string CodeOf(CLD2::Language language) {
  if (language == CLD2::UNKNOWN_LANGUAGE ||
      language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return "und";
  }
  return CanonicalCode(CLD2::LanguageCode(language));
}

struct Cld2Result {
  CLD2::Language top = CLD2::UNKNOWN_LANGUAGE;
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  bool reliable = false;
};

Cld2Result RunCld2(std::string_view text, const CLD2::CLDHints& hints) {
  // CLD2 takes an int length; a prefix of a huge text decides just as well.
  const int length = static_cast<int>(
      std::min<size_t>(text.size(), std::numeric_limits<int>::max() / 2));
  Cld2Result result;
  double score3[3];
  int text_bytes = 0;
  int valid_prefix = 0;
  result.top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), length, /*is_plain_text=*/true, &hints, /*flags=*/0,
      result.language3, result.percent3, score3,
      /*resultchunkvector=*/nullptr, &text_bytes, &result.reliable,
      &valid_prefix);
  return result;
}

}  // namespace

std::string_view LanguageSample(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  // Never inside a UTF-8 sequence: back up over continuation bytes.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  const size_t space = text.find_last_of(" \n", end);
  if (space != std::string_view::npos && space >= max_bytes / 2) end = space;
  return text.substr(0, end);
}

std::string PrimaryLanguage(std::string_view tag) {
  tag = Trim(tag);
  const size_t end = tag.find_first_of("-_");
  std::string primary = ToLower(tag.substr(0, end));
  for (char c : primary) {
    if (c < 'a' || c > 'z') return "";
  }
  if (primary.size() < 2 || primary.size() > 3) return "";
  return CanonicalCode(primary);
}

accord::v1::LanguageGuess DetectLanguage(std::string_view text,
                                         std::string_view hint) {
  const std::string hint_code = PrimaryLanguage(hint);
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                          CLD2::UNKNOWN_LANGUAGE};
  if (!hint_code.empty()) {
    hints.content_language_hint = hint_code.c_str();
    hints.language_hint = CLD2::GetLanguageFromName(hint_code.c_str());
  }
  const std::string_view sample = LanguageSample(text);
  Cld2Result result = RunCld2(sample, hints);
  // An inconclusive sample (heavy glue, mixed languages) gets the whole
  // text, so sampling never turns a reliable answer into an unreliable one
  // where more text would have settled it.
  if (!result.reliable && sample.size() < text.size()) {
    result = RunCld2(text, hints);
  }
  const CLD2::Language top = result.top;
  const CLD2::Language* language3 = result.language3;
  const int* percent3 = result.percent3;
  const bool reliable = result.reliable;

  accord::v1::LanguageGuess guess;
  guess.set_code(CodeOf(top));
  guess.set_reliable(reliable && top != CLD2::UNKNOWN_LANGUAGE);
  guess.set_origin(accord::v1::LANGUAGE_ORIGIN_DETECTED);
  float confidence = 0;
  if (top != CLD2::UNKNOWN_LANGUAGE) {
    confidence = (language3[0] == top ? percent3[0] : 0) / 100.0f;
    if (!guess.reliable()) confidence /= 2;
  }
  guess.set_confidence(confidence);

  if (!guess.reliable() && !hint_code.empty()) {
    // The hint's share of the text, when CLD2 saw it at all.
    float share = 0;
    for (int i = 0; i < 3; ++i) {
      if (CodeOf(language3[i]) == hint_code) share = percent3[i] / 100.0f;
    }
    guess.set_code(hint_code);
    guess.set_confidence(share / 2);
    guess.set_origin(accord::v1::LANGUAGE_ORIGIN_HINT);
  }
  return guess;
}

}  // namespace accord::normalize
