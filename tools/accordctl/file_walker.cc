#include "tools/accordctl/file_walker.h"

#include <algorithm>
#include <filesystem>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/parse/content_type.h"

namespace accord::ctl {
namespace fs = std::filesystem;

std::string ContentTypeForPath(absl::string_view path) {
  std::string extension =
      absl::AsciiStrToLower(fs::path(std::string(path)).extension().string());
  if (extension.empty() || extension == ".txt" || extension == ".text") {
    return "text/plain";
  }
  if (extension == ".html" || extension == ".htm") return "text/html";
  if (extension == ".md") return "text/markdown";
  if (extension == ".json" || extension == ".jsonl") return "application/json";
  return "application/octet-stream";
}

absl::StatusOr<std::string> ResolveContentType(absl::string_view guessed,
                                               absl::string_view content_type,
                                               absl::string_view charset) {
  content_type = absl::StripAsciiWhitespace(content_type);
  charset = absl::StripAsciiWhitespace(charset);
  std::string result(content_type.empty() ? guessed : content_type);
  // The server's parser decides what a content type is; asking it here
  // turns a typo into an error before any file is read.
  absl::StatusOr<ContentType> parsed = ParseContentType(result);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--content_type: ", parsed.status().message()));
  }
  if (charset.empty()) return result;
  if (!parsed->charset.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--charset=", charset, " and --content_type=\"", result,
                     "\" both give a charset; give it once"));
  }
  absl::StrAppend(&result, "; charset=", charset);
  parsed = ParseContentType(result);
  if (!parsed.ok() || parsed->charset != charset) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--charset: \"", charset,
        "\" is not a charset name (e.g. utf-8, iso-8859-1, windows-1252)"));
  }
  return result;
}

absl::StatusOr<std::vector<InputFile>> ExpandPaths(
    const std::vector<std::string>& paths) {
  std::vector<InputFile> files;
  auto add = [&files](const fs::path& path) {
    std::error_code ec;
    uint64_t size = fs::file_size(path, ec);
    files.push_back(
        {path.string(), ContentTypeForPath(path.string()), ec ? 0 : size});
  };
  for (const std::string& arg : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      return absl::NotFoundError(absl::StrCat(arg, ": no such file or folder"));
    }
    if (!fs::is_directory(status)) {
      add(arg);
      continue;
    }
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(
             arg, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back(it->path());
    }
    if (ec) {
      return absl::UnavailableError(
          absl::StrCat(arg, ": cannot read folder: ", ec.message()));
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& path : found) add(path);
  }
  return files;
}

}  // namespace accord::ctl
