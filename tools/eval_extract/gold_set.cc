#include "tools/eval_extract/gold_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace accord::eval_extract {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLanguages[] = {"en", "fr", "de", "es", "ru", "vi"};

absl::StatusOr<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// FORMAT.md allows a date or a date-time, with or without an offset.
std::optional<absl::Time> ParsePublication(const std::string& value) {
  absl::Time time;
  std::string error;
  for (const char* format :
       {"%Y-%m-%d%ET%H:%M:%E*S%Ez", "%Y-%m-%d%ET%H:%M%Ez",
        "%Y-%m-%d%ET%H:%M:%E*S", "%Y-%m-%d%ET%H:%M", "%Y-%m-%d"}) {
    if (absl::ParseTime(format, value, absl::UTCTimeZone(), &time, &error)) {
      return time;
    }
  }
  return std::nullopt;
}

absl::Status LineError(const GoldDocument& doc, int line,
                       std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(doc.gold_path, ":", line, ": ", std::string(what)));
}

// The pieces of `text` between `separator`s, empty ones included.
std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  for (size_t begin = 0;;) {
    const size_t end = text.find(separator, begin);
    out.push_back(
        text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return out;
    begin = end + 1;
  }
}

std::string_view StripLeadingSpace(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  return text;
}

}  // namespace

absl::Status ParseGoldTsv(std::string_view tsv, GoldDocument* doc) {
  int line_number = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view content = StripLeadingSpace(line);
    if (content.empty() || content.front() == '#') continue;
    std::vector<std::string> cols;
    for (std::string_view col : Split(line, '\t')) cols.emplace_back(col);
    const std::string& kind = cols[0];
    auto want = [&](size_t n) -> absl::Status {
      if (cols.size() != n) {
        return LineError(*doc, line_number,
                         absl::StrCat(kind, " line has ", cols.size(),
                                      " columns, wants ", n));
      }
      return absl::OkStatus();
    };
    int occurrence = 0;
    auto parse_occurrence = [&]() -> absl::Status {
      if (!absl::SimpleAtoi(cols[2], &occurrence) || occurrence < 1) {
        return LineError(*doc, line_number,
                         "occurrence is not a positive integer");
      }
      return absl::OkStatus();
    };
    if (kind == "publication") {
      if (absl::Status s = want(2); !s.ok()) return s;
      doc->publication = ParsePublication(cols[1]);
      if (!doc->publication.has_value()) {
        return LineError(*doc, line_number, "publication is not ISO 8601");
      }
    } else if (kind == "mention") {
      if (absl::Status s = want(5); !s.ok()) return s;
      if (absl::Status s = parse_occurrence(); !s.ok()) return s;
      doc->mentions.push_back(
          {cols[1], occurrence, cols[3], cols[4], line_number});
    } else if (kind == "role") {
      if (absl::Status s = want(4); !s.ok()) return s;
      doc->roles.push_back({cols[1], cols[2], cols[3], line_number});
    } else if (kind == "date" || kind == "range" || kind == "duration" ||
               kind == "set") {
      const size_t n = kind == "date" ? 6 : kind == "range" ? 7 : 4;
      if (absl::Status s = want(n); !s.ok()) return s;
      if (absl::Status s = parse_occurrence(); !s.ok()) return s;
      GoldTemporal t{cols[1], occurrence, kind, cols[3], "", "", line_number};
      if (kind == "date") {
        t.grain = cols[4];
        t.resolution = cols[5];
      } else if (kind == "range") {
        t.value = absl::StrCat(cols[3], "/", cols[4]);
        t.grain = cols[5];
        t.resolution = cols[6];
      }
      doc->temporals.push_back(std::move(t));
    } else if (kind == "event") {
      if (absl::Status s = want(5); !s.ok()) return s;
      GoldEvent event{cols[1],
                      cols[2] == "-" ? "" : cols[2],
                      cols[3] == "-" ? "" : cols[3],
                      {},
                      line_number};
      if (cols[4] != "-") {
        for (absl::string_view name : absl::StrSplit(cols[4], ';')) {
          name = absl::StripAsciiWhitespace(name);
          if (!name.empty()) event.participants.emplace_back(name);
        }
      }
      doc->events.push_back(std::move(event));
    } else if (kind == "topic") {
      if (absl::Status s = want(2); !s.ok()) return s;
      if (!absl::StartsWith(cols[1], "topic/")) {
        return LineError(*doc, line_number, "a topic id is topic/<slug>");
      }
      doc->topics.push_back(cols[1]);
    } else if (kind == "story") {
      if (absl::Status s = want(2); !s.ok()) return s;
      if (!doc->story.empty()) {
        return LineError(*doc, line_number, "a second story line");
      }
      if (cols[1].empty()) {
        return LineError(*doc, line_number, "an empty story id");
      }
      doc->story = std::string(cols[1]);
    } else {
      return LineError(*doc, line_number,
                       absl::StrCat("unknown line kind '", kind, "'"));
    }
  }
  return absl::OkStatus();
}

std::optional<size_t> FindOccurrence(std::string_view text,
                                     std::string_view surface, int occurrence) {
  if (surface.empty() || occurrence < 1) return std::nullopt;
  size_t at = text.find(surface);
  for (int seen = 1; at != std::string_view::npos; ++seen) {
    if (seen == occurrence) return at;
    at = text.find(surface, at + 1);
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<GoldDocument>> LoadGoldSet(
    const std::string& gold_dir, const std::string& seeds_dir) {
  std::vector<GoldDocument> out;
  auto add = [&](const std::string& group, const fs::path& text_path,
                 const fs::path& gold_path) -> absl::Status {
    GoldDocument doc;
    doc.group = group;
    doc.text_path = text_path.string();
    doc.gold_path = gold_path.string();
    absl::StatusOr<std::string> text = ReadFile(text_path);
    if (!text.ok()) return text.status();
    absl::StatusOr<std::string> tsv = ReadFile(gold_path);
    if (!tsv.ok()) return tsv.status();
    doc.text = *std::move(text);
    if (absl::Status s = ParseGoldTsv(*tsv, &doc); !s.ok()) return s;
    out.push_back(std::move(doc));
    return absl::OkStatus();
  };
  auto sorted_files = [](const fs::path& dir, std::string_view suffix) {
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
      const std::string name = entry.path().filename().string();
      if (name.size() > suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) ==
              0) {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    return files;
  };

  std::error_code error;
  if (!fs::is_directory(gold_dir, error)) {
    return absl::NotFoundError(absl::StrCat("no gold set at ", gold_dir));
  }
  for (const char* lang : kLanguages) {
    for (const fs::path& text :
         sorted_files(fs::path(gold_dir) / lang, ".txt")) {
      fs::path gold = text;
      gold.replace_extension(".gold.tsv");
      if (absl::Status s = add(lang, text, gold); !s.ok()) return s;
    }
  }
  if (!seeds_dir.empty() && fs::is_directory(seeds_dir, error)) {
    for (const fs::path& gold :
         sorted_files(fs::path(gold_dir) / "seeds", ".gold.tsv")) {
      const std::string name = gold.filename().string();
      const std::string stem = name.substr(0, name.size() - 9);  // .gold.tsv
      if (absl::Status s =
              add("seeds", fs::path(seeds_dir) / (stem + ".txt"), gold);
          !s.ok()) {
        return s;
      }
    }
  }
  return out;
}

}  // namespace accord::eval_extract
