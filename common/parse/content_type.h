// Parsing of MIME content types such as "text/plain; charset=ISO-8859-1".
#ifndef ACCORD_COMMON_PARSE_CONTENT_TYPE_H_
#define ACCORD_COMMON_PARSE_CONTENT_TYPE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace accord {

struct ContentType {
  // Lowercase "type/subtype", e.g. "text/plain".
  std::string media_type;
  // Charset parameter as given (case kept for messages), empty when absent.
  std::string charset;
};

// Parses an RFC 9110 media type. An empty string means "text/plain" with no
// charset. Returns InvalidArgument (with a RejectReason of
// UNSUPPORTED_CONTENT_TYPE) for text that is not a media type.
absl::StatusOr<ContentType> ParseContentType(absl::string_view text);

}  // namespace accord

#endif  // ACCORD_COMMON_PARSE_CONTENT_TYPE_H_
