#include "ingest-service/extract/phrases/phrase_rules.h"

#include <cstdlib>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace accord::extract {
namespace {

bool IsSlugChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool IsValidId(absl::string_view id, absl::string_view prefix) {
  if (!absl::ConsumePrefix(&id, prefix) || id.empty()) return false;
  for (char c : id) {
    if (!IsSlugChar(c)) return false;
  }
  return id.front() != '-' && id.back() != '-';
}

bool IsLanguageKey(absl::string_view key) {
  if (key.size() < 2 || key.size() > 3) return false;
  for (char c : key) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

absl::string_view Strip(absl::string_view s) {
  return absl::StripAsciiWhitespace(s);
}

}  // namespace

absl::StatusOr<std::vector<PhraseGroup>> ParsePhraseRules(
    std::string_view text, std::string_view file_name,
    std::string_view id_prefix) {
  const absl::string_view prefix(id_prefix.data(), id_prefix.size());
  std::vector<PhraseGroup> groups;
  absl::flat_hash_set<std::string> ids;
  // "<language>|<folded phrase>" of the current group.
  absl::flat_hash_set<std::string> phrases_seen;
  int line_number = 0;
  auto error = [&](absl::string_view message) {
    return absl::InvalidArgumentError(
        absl::StrCat(absl::string_view(file_name.data(), file_name.size()), ":",
                     line_number, ": ", message));
  };
  auto finish_group = [&]() -> absl::Status {
    if (groups.empty()) return absl::OkStatus();
    const PhraseGroup& group = groups.back();
    const int saved = line_number;
    line_number = group.line;
    absl::Status status = absl::OkStatus();
    if (group.about.empty()) {
      status = error(absl::StrCat(group.id, " has no 'about:' line"));
    } else if (group.phrases.empty()) {
      status = error(absl::StrCat(group.id, " has no phrases"));
    }
    line_number = saved;
    return status;
  };
  for (absl::string_view raw :
       absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    ++line_number;
    const absl::string_view line = Strip(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '@') {
      if (absl::Status done = finish_group(); !done.ok()) return done;
      const size_t space = line.find(' ');
      PhraseGroup group;
      group.id = std::string(line.substr(1, space == absl::string_view::npos
                                                ? absl::string_view::npos
                                                : space - 1));
      if (!IsValidId(group.id, prefix)) {
        return error(absl::StrCat("id '", group.id, "' is not ", prefix,
                                  "<slug> (lowercase letters, digits, '-')"));
      }
      if (space != absl::string_view::npos) {
        group.name = std::string(Strip(line.substr(space + 1)));
      }
      if (group.name.empty()) {
        return error(absl::StrCat(group.id, " has no name"));
      }
      if (!ids.insert(group.id).second) {
        return error(absl::StrCat(group.id, " is defined twice"));
      }
      group.line = line_number;
      groups.push_back(std::move(group));
      phrases_seen.clear();
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos) {
      return error(absl::StrCat("expected '@", prefix,
                                "...', 'about: ...' or '<lang>: ...'"));
    }
    if (groups.empty())
      return error(absl::StrCat("a statement before the first @", prefix));
    PhraseGroup& group = groups.back();
    const absl::string_view key = Strip(line.substr(0, colon));
    const absl::string_view value = Strip(line.substr(colon + 1));
    if (key == "about") {
      if (!group.about.empty()) {
        return error(absl::StrCat(group.id, " has two 'about:' lines"));
      }
      group.about = std::string(value);
      if (group.about.empty()) return error("empty 'about:'");
      continue;
    }
    if (!IsLanguageKey(key)) {
      return error(absl::StrCat("unknown key '", key,
                                "' (about, or an ISO 639-1 language)"));
    }
    for (absl::string_view item : absl::StrSplit(value, ';')) {
      absl::string_view phrase = Strip(item);
      if (phrase.empty()) return error("an empty phrase");
      double weight = 1.0;
      if (const size_t caret = phrase.rfind('^');
          caret != absl::string_view::npos) {
        const absl::string_view number = Strip(phrase.substr(caret + 1));
        if (!absl::SimpleAtod(number, &weight) || !(weight > 0) || weight > 4) {
          return error(absl::StrCat("weight '", number, "' of '", phrase,
                                    "' is not a number in (0, 4]"));
        }
        phrase = Strip(phrase.substr(0, caret));
        if (phrase.empty()) return error("an empty phrase");
      }
      std::string seen_key =
          absl::StrCat(key, "|", absl::AsciiStrToLower(phrase));
      if (!phrases_seen.insert(std::move(seen_key)).second) {
        return error(absl::StrCat("'", phrase, "' is listed twice for ",
                                  group.id, " in ", key));
      }
      group.phrases.push_back(PhraseRule{std::string(key), std::string(phrase),
                                         weight, line_number});
    }
  }
  if (absl::Status done = finish_group(); !done.ok()) return done;
  if (groups.empty()) {
    line_number = 0;
    return error("no groups");
  }
  return groups;
}

}  // namespace accord::extract
