#include "ingest-service/extract/topics/topic_rules.h"

#include <cstdlib>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest-service/extract/embedded_file.h"

// ACCORD_TOPICS_DATA_DIR is set by CMake, which also rebuilds this file
// when the taxonomy changes.
ACCORD_EMBED_FILE(accord_topic_rules, ACCORD_TOPICS_DATA_DIR "/topics.txt")

namespace accord::extract::topics {
namespace {

bool IsSlugChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool IsValidId(absl::string_view id) {
  if (!absl::ConsumePrefix(&id, "topic/") || id.empty()) return false;
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

absl::StatusOr<std::vector<TopicDefinition>> ParseTopicRules(
    std::string_view text, std::string_view file_name) {
  std::vector<TopicDefinition> topics;
  absl::flat_hash_set<std::string> ids;
  // "<language>|<folded phrase>" of the current topic.
  absl::flat_hash_set<std::string> phrases_seen;
  int line_number = 0;
  auto error = [&](absl::string_view message) {
    return absl::InvalidArgumentError(
        absl::StrCat(absl::string_view(file_name.data(), file_name.size()), ":",
                     line_number, ": ", message));
  };
  auto finish_topic = [&]() -> absl::Status {
    if (topics.empty()) return absl::OkStatus();
    const TopicDefinition& topic = topics.back();
    const int saved = line_number;
    line_number = topic.line;
    absl::Status status = absl::OkStatus();
    if (topic.about.empty()) {
      status = error(absl::StrCat(topic.id, " has no 'about:' line"));
    } else if (topic.phrases.empty()) {
      status = error(absl::StrCat(topic.id, " has no phrases"));
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
      if (absl::Status done = finish_topic(); !done.ok()) return done;
      const size_t space = line.find(' ');
      TopicDefinition topic;
      topic.id = std::string(line.substr(1, space == absl::string_view::npos
                                                ? absl::string_view::npos
                                                : space - 1));
      if (!IsValidId(topic.id)) {
        return error(absl::StrCat(
            "topic id '", topic.id,
            "' is not topic/<slug> (lowercase letters, digits, '-')"));
      }
      if (space != absl::string_view::npos) {
        topic.name = std::string(Strip(line.substr(space + 1)));
      }
      if (topic.name.empty()) {
        return error(absl::StrCat(topic.id, " has no name"));
      }
      if (!ids.insert(topic.id).second) {
        return error(absl::StrCat(topic.id, " is defined twice"));
      }
      topic.line = line_number;
      topics.push_back(std::move(topic));
      phrases_seen.clear();
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos) {
      return error("expected '@topic/...', 'about: ...' or '<lang>: ...'");
    }
    if (topics.empty()) return error("a statement before the first @topic");
    TopicDefinition& topic = topics.back();
    const absl::string_view key = Strip(line.substr(0, colon));
    const absl::string_view value = Strip(line.substr(colon + 1));
    if (key == "about") {
      if (!topic.about.empty()) {
        return error(absl::StrCat(topic.id, " has two 'about:' lines"));
      }
      topic.about = std::string(value);
      if (topic.about.empty()) return error("empty 'about:'");
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
                                  topic.id, " in ", key));
      }
      topic.phrases.push_back(TopicPhrase{std::string(key), std::string(phrase),
                                          weight, line_number});
    }
  }
  if (absl::Status done = finish_topic(); !done.ok()) return done;
  if (topics.empty()) {
    line_number = 0;
    return error("no topics");
  }
  return topics;
}

std::string_view EmbeddedTopicRules() {
  return ACCORD_EMBEDDED_BYTES(accord_topic_rules);
}

}  // namespace accord::extract::topics
