#include "ingest-service/extract/gazetteer/gazetteer_entry.h"

#include <charconv>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace accord::extract {
namespace {

// std::string_view counterparts of absl's helpers (Debian's absl has its
// own string_view type).
std::vector<std::string_view> Split(std::string_view text, char separator,
                                    size_t max_parts = SIZE_MAX) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    const size_t at = text.find(separator);
    if (at == std::string_view::npos) break;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + 1);
  }
  parts.push_back(text);
  return parts;
}

std::string_view Strip(std::string_view text) {
  while (!text.empty() && absl::ascii_isspace(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && absl::ascii_isspace(text.back()))
    text.remove_suffix(1);
  return text;
}

absl::string_view Sv(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

bool ConsumePrefix(std::string_view* text, std::string_view prefix) {
  if (!text->starts_with(prefix)) return false;
  text->remove_prefix(prefix.size());
  return true;
}

bool ParseInt(std::string_view text, int* value) {
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

std::optional<EntryKind> ParseKind(std::string_view word) {
  for (EntryKind kind :
       {EntryKind::kPerson, EntryKind::kCountry, EntryKind::kPlace,
        EntryKind::kOrganization, EntryKind::kTreaty, EntryKind::kRole,
        EntryKind::kRank, EntryKind::kHonorific}) {
    if (EntryKindName(kind) == word) return kind;
  }
  return std::nullopt;
}

bool IsLanguageCode(std::string_view code) {
  if (code == "und") return true;
  if (code.size() != 2) return false;
  return absl::ascii_islower(code[0]) && absl::ascii_islower(code[1]);
}

bool ValidId(std::string_view id) {
  const size_t slash = id.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == id.size())
    return false;
  for (char c : id) {
    if (!absl::ascii_isalnum(c) && c != '-' && c != '/') return false;
  }
  return true;
}

std::optional<absl::CivilDay> ParseDay(std::string_view text) {
  std::vector<std::string_view> parts = Split(text, '-');
  int year = 0, month = 0, day = 0;
  if (parts.size() != 3 || !ParseInt(parts[0], &year) ||
      !ParseInt(parts[1], &month) || !ParseInt(parts[2], &day))
    return std::nullopt;
  const absl::CivilDay civil(year, month, day);
  if (civil.year() != year || civil.month() != month || civil.day() != day)
    return std::nullopt;
  return civil;
}

}  // namespace

std::string_view EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kPerson:
      return "person";
    case EntryKind::kCountry:
      return "country";
    case EntryKind::kPlace:
      return "place";
    case EntryKind::kOrganization:
      return "organization";
    case EntryKind::kTreaty:
      return "treaty";
    case EntryKind::kRole:
      return "role";
    case EntryKind::kRank:
      return "rank";
    case EntryKind::kHonorific:
      return "honorific";
  }
  return "";
}

absl::StatusOr<std::vector<GazetteerEntry>> ParseGazetteerFile(
    std::string_view text, std::string_view file_name) {
  std::vector<GazetteerEntry> entries;
  int line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    line = Strip(line);
    if (line.empty() || line[0] == '#') continue;
    auto error = [&](std::string_view what) {
      return absl::InvalidArgumentError(
          absl::StrCat(Sv(file_name), ":", line_number, ": ", Sv(what)));
    };
    if (line[0] == '@') {
      std::vector<std::string_view> head = Split(line.substr(1), ' ', 3);
      if (head.size() < 3) return error("expected '@<id> <kind> <name>'");
      std::optional<EntryKind> kind = ParseKind(head[1]);
      if (!kind) return error(absl::StrCat("unknown kind '", Sv(head[1]), "'"));
      if (!ValidId(head[0]))
        return error(absl::StrCat("bad id '", Sv(head[0]), "'"));
      // The id names the kind (the store refuses an entity whose id names
      // another, and listings filter kinds by id).
      const std::string_view id_kind = *kind == EntryKind::kOrganization
                                           ? std::string_view("org")
                                           : EntryKindName(*kind);
      if (head[0].substr(0, head[0].find('/')) != id_kind) {
        return error(absl::StrCat("id '", Sv(head[0]), "' of a ",
                                  Sv(EntryKindName(*kind)),
                                  " must start with '", Sv(id_kind), "/'"));
      }
      GazetteerEntry entry;
      entry.id = std::string(head[0]);
      entry.kind = *kind;
      entry.canonical_name = std::string(Strip(head[2]));
      entries.push_back(std::move(entry));
      continue;
    }
    if (entries.empty()) return error("statement before the first '@' entry");
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return error("expected '<key>: ...'");
    const std::string_view key = line.substr(0, colon);
    const std::string_view value = Strip(line.substr(colon + 1));
    GazetteerEntry& entry = entries.back();
    if (key == "country") {
      entry.country = std::string(value);
      continue;
    }
    if (key == "parent") {
      entry.parent = std::string(value);
      continue;
    }
    if (key == "recorded_as") {
      std::vector<std::string_view> fields = Split(value, '|');
      for (std::string_view& f : fields) f = Strip(f);
      if (entry.kind != EntryKind::kRole || fields.size() != 2 ||
          fields[0].empty() || fields[1].empty()) {
        return error(
            "expected 'recorded_as: <role id> | <portfolio in English>' in a "
            "role");
      }
      entry.recorded_as_role = std::string(fields[0]);
      entry.recorded_in_portfolio = std::string(fields[1]);
      continue;
    }
    if (key == "office") {
      std::vector<std::string_view> fields = Split(value, '|');
      for (std::string_view& f : fields) f = Strip(f);
      if (fields.size() != 4) {
        return error("expected 'office: <role> | <of> | <start> | <end>'");
      }
      Office office;
      office.role_id = std::string(fields[0]);
      office.of_id = std::string(fields[1]);
      std::optional<absl::CivilDay> start = ParseDay(fields[2]);
      if (!start)
        return error(absl::StrCat("bad start date '", Sv(fields[2]), "'"));
      office.start = *start;
      if (!fields[3].empty()) {
        office.end = ParseDay(fields[3]);
        if (!office.end) {
          return error(absl::StrCat("bad end date '", Sv(fields[3]), "'"));
        }
      }
      entry.offices.push_back(std::move(office));
      continue;
    }
    NameUse use = NameUse::kName;
    std::string_view language = key;
    if (ConsumePrefix(&language, "adj.")) {
      use = NameUse::kAdjective;
    } else if (ConsumePrefix(&language, "short.")) {
      use = NameUse::kShort;
    } else if (ConsumePrefix(&language, "portfolio.")) {
      use = NameUse::kPortfolio;
    }
    if (!IsLanguageCode(language)) {
      return error(absl::StrCat("unknown key '", Sv(key), "'"));
    }
    for (std::string_view name : Split(value, ';')) {
      name = Strip(name);
      if (name.empty()) continue;
      entry.names.push_back(GazetteerName{
          .language = std::string(language),
          .text = std::string(name),
          .use = use,
          .source = absl::StrCat("team:", Sv(file_name), ":", line_number)});
    }
  }
  return entries;
}

std::vector<GazetteerEntry> MergeEntries(std::vector<GazetteerEntry> entries) {
  std::vector<GazetteerEntry> merged;
  absl::flat_hash_map<std::string, size_t> index;
  for (GazetteerEntry& entry : entries) {
    auto [it, inserted] = index.try_emplace(entry.id, merged.size());
    if (inserted) {
      merged.push_back(std::move(entry));
      continue;
    }
    GazetteerEntry& into = merged[it->second];
    if (into.canonical_name.empty()) into.canonical_name = entry.canonical_name;
    if (into.country.empty()) into.country = entry.country;
    if (into.parent.empty()) into.parent = entry.parent;
    if (into.recorded_as_role.empty()) {
      into.recorded_as_role = entry.recorded_as_role;
      into.recorded_in_portfolio = entry.recorded_in_portfolio;
    }
    for (GazetteerName& name : entry.names) {
      into.names.push_back(std::move(name));
    }
    for (Office& office : entry.offices) {
      into.offices.push_back(std::move(office));
    }
  }
  return merged;
}

}  // namespace accord::extract
