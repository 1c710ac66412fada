// Topic rules: the team's topic taxonomy (data/topics.txt) as data. Each
// topic has an id, an English name, a one-line scope and weighted phrases
// per language; topic_scorer.h compiles them into term sequences with the
// index's analyzer and scores documents with them.
//
// File syntax (UTF-8, one statement per line, `#` comment lines):
//
//   @topic/<slug> <English name>
//   about: <what the topic covers>
//   <lang>: <phrase>; <phrase>^2; <phrase>^0.5
//
// A phrase's weight is 1 unless it ends in `^<weight>` (a number in
// (0, 4]). A topic may have several lines per language.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_TOPICS_TOPIC_RULES_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_TOPICS_TOPIC_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace accord::extract::topics {

struct TopicPhrase {
  std::string language;  // ISO 639-1, as the line's key
  std::string text;      // as written, without its weight
  double weight = 1.0;
  int line = 0;  // 1-based line of the file
};

struct TopicDefinition {
  std::string id;    // "topic/cybercrime"
  std::string name;  // "Cybercrime"
  std::string about;
  int line = 0;
  std::vector<TopicPhrase> phrases;
};

// Parses a taxonomy file. InvalidArgument naming `file_name` and the line
// for: a statement before the first topic, a malformed id or a repeated
// one, a topic without a name, `about` or phrases, an unknown key, an empty
// phrase, a phrase listed twice for one topic and language, a bad weight.
absl::StatusOr<std::vector<TopicDefinition>> ParseTopicRules(
    std::string_view text, std::string_view file_name);

// The taxonomy compiled into the binary (data/topics.txt) and its file
// name for derivations ("topics.txt").
std::string_view EmbeddedTopicRules();
inline constexpr std::string_view kEmbeddedTopicRulesName = "topics.txt";

}  // namespace accord::extract::topics

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_TOPICS_TOPIC_RULES_H_
