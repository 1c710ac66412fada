#include "ingest-service/extract/topics/topic_rules.h"

#include "ingest-service/extract/embedded_file.h"

// ACCORD_TOPICS_DATA_DIR is set by CMake, which also rebuilds this file
// when the taxonomy changes.
ACCORD_EMBED_FILE(accord_topic_rules, ACCORD_TOPICS_DATA_DIR "/topics.txt")

namespace accord::extract::topics {

absl::StatusOr<std::vector<TopicDefinition>> ParseTopicRules(
    std::string_view text, std::string_view file_name) {
  return ParsePhraseRules(text, file_name, "topic/");
}

std::string_view EmbeddedTopicRules() {
  return ACCORD_EMBEDDED_BYTES(accord_topic_rules);
}

}  // namespace accord::extract::topics
