// Topic rules: the team's topic taxonomy (data/topics.txt) as data, in
// the syntax of phrases/phrase_rules.h with ids "topic/<slug>": each topic
// has an English name, a one-line scope and weighted phrases per language.
// topic_scorer.h compiles them and scores documents with them.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_TOPICS_TOPIC_RULES_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_TOPICS_TOPIC_RULES_H_

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest-service/extract/phrases/phrase_rules.h"

namespace accord::extract::topics {

using TopicPhrase = PhraseRule;
using TopicDefinition = PhraseGroup;

// ParsePhraseRules with ids "topic/<slug>".
absl::StatusOr<std::vector<TopicDefinition>> ParseTopicRules(
    std::string_view text, std::string_view file_name);

// The taxonomy compiled into the binary (data/topics.txt) and its file
// name for derivations ("topics.txt").
std::string_view EmbeddedTopicRules();
inline constexpr std::string_view kEmbeddedTopicRulesName = "topics.txt";

}  // namespace accord::extract::topics

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_TOPICS_TOPIC_RULES_H_
