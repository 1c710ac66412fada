#include "common/parse/content_type.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/parse/reject.h"
#include "common/util/untrusted_text.h"

namespace accord {
namespace {

bool IsTokenChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         absl::string_view("!#$%&'*+-.^_`|~").find(c) !=
             absl::string_view::npos;
}

bool IsToken(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<ContentType> ParseContentType(absl::string_view text) {
  ContentType result;
  absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (trimmed.empty()) {
    result.media_type = "text/plain";
    return result;
  }
  std::vector<absl::string_view> parts = absl::StrSplit(trimmed, ';');
  absl::string_view media = absl::StripAsciiWhitespace(parts[0]);
  std::pair<absl::string_view, absl::string_view> type_subtype =
      absl::StrSplit(media, absl::MaxSplits('/', 1));
  if (!IsToken(type_subtype.first) || !IsToken(type_subtype.second)) {
    return RejectError(
        accord::v1::REJECT_REASON_UNSUPPORTED_CONTENT_TYPE,
        absl::StrCat("content type \"", EscapeUntrusted(text),
                     "\" is not a media type of the form type/subtype"));
  }
  result.media_type = absl::AsciiStrToLower(media);
  for (size_t i = 1; i < parts.size(); ++i) {
    absl::string_view param = absl::StripAsciiWhitespace(parts[i]);
    if (param.empty()) continue;
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(param, absl::MaxSplits('=', 1));
    absl::string_view name = absl::StripAsciiWhitespace(kv.first);
    absl::string_view value = absl::StripAsciiWhitespace(kv.second);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (absl::EqualsIgnoreCase(name, "charset")) {
      result.charset = std::string(value);
    }
  }
  return result;
}

}  // namespace accord
