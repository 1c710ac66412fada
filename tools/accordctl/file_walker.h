// Expands the PATH arguments of `accordctl ingest` into files to send.
#ifndef ACCORD_TOOLS_ACCORDCTL_FILE_WALKER_H_
#define ACCORD_TOOLS_ACCORDCTL_FILE_WALKER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace accord::ctl {

struct InputFile {
  std::string path;
  std::string content_type;
  uint64_t size_bytes = 0;
};

// Files named by `paths`: files as given, folders walked recursively in
// sorted order, hidden entries (".name") skipped. NotFound for a path that
// does not exist.
absl::StatusOr<std::vector<InputFile>> ExpandPaths(
    const std::vector<std::string>& paths);

// Content type from the file name: .txt and no extension -> text/plain,
// .html/.htm -> text/html, others -> application/octet-stream (the server
// reports what it does not support).
std::string ContentTypeForPath(absl::string_view path);

// The content type to send for a file whose name suggests `guessed`
// (ContentTypeForPath): `content_type` (--content_type) when not empty,
// else `guessed`; with `charset` (--charset), when not empty, as its
// charset parameter:
//
//   ResolveContentType("text/plain", "", "iso-8859-1")
//     -> "text/plain; charset=iso-8859-1"
//
// InvalidArgument when `content_type` is not a media type (type/subtype),
// when `charset` is not a single token, or when both name a charset.
absl::StatusOr<std::string> ResolveContentType(absl::string_view guessed,
                                               absl::string_view content_type,
                                               absl::string_view charset);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_FILE_WALKER_H_
